"""Single-choice quiz questions, and how each kind of site writes the same question."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .text import sentence

SCENARIOS = [
    (
        "Een klant is boos over een wachttijd. Wat doe je eerst?",
        [
            ("Je verwijst naar een collega.", "Zo voelt de klant zich doorgeschoven."),
            ("Je vat samen wat je hoort.", "Juist: eerst luisteren."),
            (
                "Je belooft een oplossing vandaag.",
                "Een belofte die je niet kunt waarmaken schaadt vertrouwen.",
            ),
        ],
    ),
    (
        "Een collega komt aangeslagen terug van een lastig gesprek. Wat doe je?",
        [
            ("Je vraagt hoe het met haar gaat.", "Juist: het team vangt elkaar op."),
            ("Je zegt dat het erbij hoort.", "Zo voelt ze zich alleen staan."),
            ("Je neemt meteen haar volgende klant over.", "Goed bedoeld, maar vraag het eerst."),
        ],
    ),
    (
        "Een klant vraagt iets wat buiten de regels valt. Hoe reageer je?",
        [
            ("Je zegt kort dat het niet mag.", "Dat klopt, maar de klant weet niet waarom."),
            ("Je maakt een uitzondering.", "Zo worden de regels onduidelijk voor iedereen."),
            ("Je legt uit wat wel kan.", "Juist: duidelijk en toch behulpzaam."),
        ],
    ),
]


@dataclass
class Quiz:
    """One quiz: the question, its options (text, right?, feedback) and the explanation."""

    question: str
    options: list[tuple[str, bool, str]]
    explanation: str


def make_quiz(rng: random.Random, page: int, number: int) -> Quiz:
    """A quiz whose question names its page and number, so every id differs."""
    question, options = rng.choice(SCENARIOS)
    right = {text for text, feedback in options if feedback.startswith("Juist")}
    return Quiz(
        question=f"Pagina {page}, vraag {number}. {question}",
        options=[(text, text in right, feedback) for text, feedback in options],
        explanation=f"Toelichting bij vraag {number} van pagina {page}. {sentence(rng)}",
    )


def quiz_block(quiz: Quiz) -> str:
    """The quiz as a leerpad ``/// quiz`` block."""
    lines = [f"/// quiz | {quiz.question}"]
    for text, right, feedback in quiz.options:
        lines += [f"- [{'x' if right else ' '}] {text}", f"    > {feedback}"]
    lines += ["", quiz.explanation, "///"]
    return "\n".join(lines)


def quiz_plain(quiz: Quiz) -> str:
    """The same quiz as plain Markdown: question, options with feedback, explanation."""
    lines = [f"**{quiz.question}**", ""]
    for text, _right, feedback in quiz.options:
        lines += [f"- {text}", "", f"    {feedback}", ""]
    lines.append(quiz.explanation)
    return "\n".join(lines)


def quiz_mkdocs_quiz(quiz: Quiz) -> str:
    """The same quiz in mkdocs-quiz's ``<quiz>`` syntax, feedback under each option."""
    lines = ["<quiz>", quiz.question]
    for text, right, feedback in quiz.options:
        lines += [f"- [{'x' if right else ' '}] {text}", f"    > {feedback}"]
    lines += ["", quiz.explanation, "</quiz>"]
    return "\n".join(lines)
