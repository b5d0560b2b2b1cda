"""The quiz block: accessible HTML that works without JavaScript.

Without JavaScript the question and options read as a worksheet and a ``details``
element reveals the answer, the feedback per option and the explanation. The quiz
script turns the same markup into an interactive quiz: it adds the buttons and the
status line, moves each feedback next to its option and shows it after the learner
checks.

The markup is as lean as that allows: every element costs build time three times over
(Markdown, the theme, search), and a module has several quizzes.
"""

from __future__ import annotations

import json
import random
import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from markdown import Markdown
from markdown.util import AtomicString

from ...markdown.blocks import WidgetBlock, markdown_into, unsearched
from ...markdown.document import DocumentState
from .source import _GAP, OPTIONS, QuizSpec, parse_quiz


class QuizBlock(WidgetBlock):
    """``/// quiz | question``."""

    NAME = "quiz"
    PARSER = parse_quiz
    SOURCE_OPTIONS = OPTIONS
    ASSETS = ("leerpad-quiz.css", "leerpad-quiz.js")
    ASSET_PACKAGE = "leerpad.widgets.quiz"
    PARTS: ClassVar[dict[str, tuple[str, ...]]] = {
        "ordering": ("leerpad-ordering.css", "leerpad-ordering.js")
    }
    STORED: ClassVar[dict[str, Any] | None] = {
        "fields": {
            "answer": "answers",
            "checked": "flag",
            "correct": "flag",
            "solved": "flag",
            "revealed": "flag",
        },
        "required": ["answer"],
        "sticky": ["solved"],
    }
    PROGRESS = "quizzes"
    SUMMARY: ClassVar[dict[str, str] | None] = {"count": "solved"}
    TEXT: ClassVar[dict[str, dict[str, str]]] = {
        "nl": {
            "quiz_label": "Vraag",
            "quiz_single": "Kies één antwoord.",
            "quiz_multiple": "Kies alle juiste antwoorden.",
            "quiz_gap": "Vul in wat ontbreekt.",
            "quiz_gap_field": "Invulveld {n}",
            "quiz_hint": "Hint",
            "quiz_answer": "Toon het antwoord en de uitleg",
            "quiz_right": "Juist",
            "quiz_wrong": "Onjuist",
            "quiz_gap_answer": "Invulveld {n}: {answers}",
            "quiz_or": " of ",
            "quiz_progress": "{done} van {total:# vraag|# vragen} goed",
            "quiz_open": "{count:# vraag|# vragen} goed beantwoorden",
            "quiz_count": "{count:# vraag|# vragen}",
            "quiz_ordering": "Zet in de goede volgorde.",
            "quiz_order_right": "De goede volgorde:",
        },
        "en": {
            "quiz_label": "Question",
            "quiz_single": "Choose one answer.",
            "quiz_multiple": "Choose all correct answers.",
            "quiz_gap": "Fill in what is missing.",
            "quiz_gap_field": "Blank {n}",
            "quiz_hint": "Hint",
            "quiz_answer": "Show the answer and explanation",
            "quiz_right": "Correct",
            "quiz_wrong": "Incorrect",
            "quiz_gap_answer": "Blank {n}: {answers}",
            "quiz_or": " or ",
            "quiz_progress": "{done} of {total:# question|# questions} correct",
            "quiz_open": "{count:# question|# questions} to answer correctly",
            "quiz_count": "{count:# question|# questions}",
            "quiz_ordering": "Put these in the right order.",
            "quiz_order_right": "The right order:",
        },
    }
    DONE = "solved"
    COMPLETES_UNDER = ("quizzes", "quizzes-and-reflection")
    MESSAGES: ClassVar[dict[str, dict[str, str]]] = {
        "nl": {
            "what_quiz": "deze vraag",
            "quiz_no_question": "de vraag ontbreekt; schrijf ze achter de streep: '/// quiz | Wat "
            "doe je eerst?'",
            "quiz_typos_without_gaps": "typos: geldt alleen voor velden ([[...]]); haal het hier "
            "weg",
            "quiz_options_and_gaps": "een vraag heeft antwoorden of invulvelden in de vraag, niet "
            "allebei; maak er twee vragen van",
            "quiz_no_options": "de vraag heeft geen antwoorden; voeg regels toe als '- [ ] "
            "antwoord' en '- [x] juist antwoord', of invulvelden als [[antwoord]] in de vraag",
            "quiz_no_right_option": "geen antwoord is als juist aangeduid; zet [x] bij het juiste "
            "antwoord: '- [x] …'",
            "quiz_one_option": "een vraag heeft minstens twee antwoorden nodig",
            "quiz_option_twice": (
                "dit antwoord staat er al (regel {line}); de deelnemer kan de twee niet uit "
                "elkaar houden: schrijf het anders of haal het weg"
            ),
            "quiz_gap_empty": "invulveld '{gap}' heeft een leeg antwoord; schrijf het antwoord "
            "ertussen, bijvoorbeeld [[veilige haven|veilige plek]]",
            "quiz_option_after_explanation": "dit antwoord staat na de uitleg; zet alle "
            "antwoorden bij elkaar, vóór de uitleg",
            "quiz_marker": "een antwoord begint met '- [ ]' (fout) of '- [x]' (juist), niet met "
            "'[{found}]'",
            "quiz_marker_did_you_mean": "een antwoord begint met '- [ ]' (fout) of '- [x]' "
            "(juist); bedoel je '{suggestion}'?",
            "quiz_gap_in_option": "invulvelden [[…]] horen in de vraag, niet in een antwoord",
            "quiz_option_no_text": "dit antwoord heeft geen tekst",
            "quiz_feedback_misplaced": "feedback (een regel met '>') staat direct onder het "
            "antwoord, 4 spaties ingesprongen",
            "quiz_feedback_not_indented": "feedback onder een antwoord springt 4 spaties in: '    "
            "> Je feedback'",
            "quiz_feedback_after_blank": "feedback volgt direct op het antwoord, zonder lege "
            "regel ertussen",
            "quiz_order_one_item": (
                "een volgordevraag heeft minstens twee stappen nodig; "
                "zet ze als genummerde lijst onder elkaar"
            ),
            "quiz_order_duplicate": (
                "deze stap staat er al (regel {line}); elke stap komt één keer voor"
            ),
            "quiz_order_mixed": (
                "een vraag heeft ofwel een genummerde lijst (volgordevraag) ofwel antwoorden "
                "'- [ ]' en '- [x]', niet allebei; splits ze in twee vragen"
            ),
            "quiz_order_marked": (
                "in een volgordevraag is de volgorde van de lijst het antwoord; haal '{found}' weg"
            ),
            "quiz_order_feedback": (
                "een stap van een volgordevraag krijgt geen eigen feedback ('> ...'); "
                "schrijf de uitleg na een witregel onder de lijst"
            ),
            "quiz_order_second_line": (
                "een stap van een volgordevraag is één regel; "
                "schrijf de uitleg na een witregel onder de lijst"
            ),
            "quiz_order_two_lists": (
                "twee genummerde lijsten in één vraag: na de lege regel begint een tweede lijst; "
                "is het één volgordevraag, haal dan de lege regel weg; anders maak je er twee "
                "vragen van (sluit deze met '///' en begin een nieuwe '/// quiz | ...')"
            ),
            "quiz_two_lists": (
                "twee lijsten met antwoorden in één vraag: na de lege regel begint een tweede "
                "lijst; horen ze bij één vraag, haal dan de lege regel weg; anders maak je er "
                "twee vragen van (sluit deze met '///' en begin een nieuwe '/// quiz | ...')"
            ),
        },
        "en": {
            "what_quiz": "quiz",
            "quiz_no_question": "the quiz has no question; write it after the bar: '/// quiz | "
            "Wat doe je eerst?'",
            "quiz_typos_without_gaps": "typos: only applies to gaps ([[...]]); remove it here",
            "quiz_options_and_gaps": "a quiz has either options or gaps in the question, not "
            "both; split it into two quizzes",
            "quiz_no_options": "the quiz has no options; add lines like '- [ ] answer' and '- [x] "
            "right answer', or gaps like [[answer]] in the question",
            "quiz_no_right_option": "no option is marked right; mark the right answer with [x], "
            "e.g. '- [x] …'",
            "quiz_one_option": "a question needs at least two options",
            "quiz_option_twice": (
                "this option is already listed (line {line}); learners cannot tell the two "
                "apart: word it differently or remove it"
            ),
            "quiz_gap_empty": "gap '{gap}' has an empty answer; write the answer inside, e.g. "
            "[[veilige haven|veilige plek]]",
            "quiz_option_after_explanation": "this option comes after the explanation; keep all "
            "options together, before the explanation",
            "quiz_marker": "an option starts with '- [ ]' (wrong) or '- [x]' (right), not "
            "'[{found}]'",
            "quiz_marker_did_you_mean": "an option starts with '- [ ]' (wrong) or '- [x]' "
            "(right); did you mean '{suggestion}'?",
            "quiz_gap_in_option": "gaps [[…]] belong in the question line, not in an option",
            "quiz_option_no_text": "this option has no text",
            "quiz_feedback_misplaced": "feedback (a '>' line) must stand directly under its "
            "option, indented 4 spaces",
            "quiz_feedback_not_indented": (
                "feedback under an option must be indented 4 spaces: '    > Your feedback'"
            ),
            "quiz_feedback_after_blank": "feedback must follow its option directly, without a "
            "blank line in between",
            "quiz_order_one_item": (
                "an ordering question needs at least two steps; "
                "write them as a numbered list, one under the other"
            ),
            "quiz_order_duplicate": (
                "this step is already listed (line {line}); each step appears once"
            ),
            "quiz_order_mixed": (
                "a question has either a numbered list (an ordering question) or options "
                "'- [ ]' and '- [x]', not both; split it into two questions"
            ),
            "quiz_order_marked": (
                "in an ordering question the list's order is the answer; remove '{found}'"
            ),
            "quiz_order_feedback": (
                "a step of an ordering question has no feedback of its own ('> ...'); "
                "write the explanation under the list, after a blank line"
            ),
            "quiz_order_second_line": (
                "a step of an ordering question is one line; "
                "write the explanation under the list, after a blank line"
            ),
            "quiz_order_two_lists": (
                "two numbered lists in one question: a second list starts after the empty "
                "line; if it is one ordering question, remove the empty line; otherwise make "
                "two questions (close this one with '///' and start a new '/// quiz | ...')"
            ),
            "quiz_two_lists": (
                "two lists of options in one question: a second list starts after the empty "
                "line; if they belong to one question, remove the empty line; otherwise make "
                "two questions (close this one with '///' and start a new '/// quiz | ...')"
            ),
        },
    }
    SNIPPETS: ClassVar[dict[str, dict[str, Any]]] = {
        "quiz": {
            "body": [
                "/// quiz | ${1:Een klant ... Wat doe je?}",
                "- [ ] ${2:Een antwoord dat niet klopt}",
                "    > ${3:Waarom dit niet werkt.}",
                "- [x] ${4:Het juiste antwoord}",
                "    > ${5:Waarom dit werkt.}",
                "",
                "${6:Uitleg die de leerder na het antwoorden ziet.}",
                "///",
            ],
            "description": "A quiz question with feedback per option",
        },
        "gap": {
            "body": [
                "/// quiz | ${1:Een zin met een [[antwoord|alternatief]] erin.}",
                "${2:Uitleg.}",
                "///",
            ],
            "description": "A fill-in-the-gap question",
        },
        "ordering": {
            "body": [
                "/// quiz | ${1:In welke volgorde ...?}",
                "1. ${2:De eerste stap}",
                "2. ${3:De tweede stap}",
                "3. ${4:De derde stap}",
                "",
                "${5:Uitleg die de leerder ziet als de volgorde klopt.}",
                "///",
            ],
            "description": "An ordering question: the numbered list's order is the right one",
        },
    }

    def render(self, parent: etree.Element, widget_id: str, spec: Any) -> etree.Element:
        """The quiz under ``parent``."""
        return QuizRenderer(self.md, spec, widget_id, self.strings(), self.document).render(parent)


class QuizRenderer:
    """Turns one checked quiz into elements."""

    def __init__(
        self,
        md: Markdown,
        spec: QuizSpec,
        quiz_id: str,
        strings: dict[str, str],
        document: DocumentState,
    ):
        self.md = md
        self.document = document
        self.labels: list[etree.Element] = []
        self.spec = spec
        self.id = quiz_id
        self.t = strings

    def render(self, parent: etree.Element) -> etree.Element:
        """The whole quiz under ``parent``."""
        spec = self.spec
        root = etree.SubElement(
            parent,
            "div",
            {
                "class": "leerpad-quiz",
                "id": self.id,
                "data-leerpad-quiz": self.id,
                "data-leerpad-version": spec.version,
                "data-leerpad-kind": spec.kind,
            },
        )
        if spec.options_set["shuffle"]:
            root.set("data-leerpad-shuffle", "")
        if spec.options_set["typos"]:
            root.set("data-leerpad-typos", str(spec.options_set["typos"]))
        fieldset = etree.SubElement(root, "fieldset", {"class": "leerpad-quiz__fieldset"})
        self._question(fieldset)
        if spec.ordered:
            self._items(fieldset)
        elif spec.options:
            self._options(fieldset)
        if spec.options_set["hint"]:
            hint = etree.SubElement(fieldset, "details", {"class": "leerpad-quiz__hint"})
            etree.SubElement(hint, "summary").text = AtomicString(self.t["quiz_hint"])
            self._blocks(hint, str(spec.options_set["hint"]), "leerpad-quiz__hint-text")
        self._answer(root)
        return root

    def _question(self, fieldset: etree.Element) -> None:
        """Legend with the question (gaps become text fields), intro, instruction.

        The small word "Vraag" above the question comes from the stylesheet, which reads
        it from ``data-leerpad-label``: an element less, and nothing for search to skip.
        """
        legend = etree.SubElement(
            fieldset,
            "legend",
            {"class": "leerpad-quiz__question", "data-leerpad-label": self.t["quiz_label"]},
        )
        legend.text = _GAP.sub(self._gap_field(), self.spec.question)
        if any(line.strip() for line in self.spec.intro):
            self._blocks(fieldset, "\n".join(self.spec.intro), "leerpad-quiz__intro")
        instruction = unsearched(
            fieldset, "p", {"class": "leerpad-quiz__instruction"}, self.document
        )
        instruction.text = AtomicString(self.t[f"quiz_{self.spec.kind}"])

    def _gap_field(self) -> Any:
        """A replacement function that stashes one text field per gap."""
        counter = iter(range(1, len(self.spec.gaps) + 1))

        def replace(_match: Any) -> str:
            number = next(counter)
            label = self.t["quiz_gap_field"].format(n=number)
            html = (
                f'<input type="text" class="leerpad-quiz__gap" id="{self.id}-g{number}" '
                f'data-leerpad-gap="{number}" aria-label="{label}" autocomplete="off" '
                f'autocapitalize="off" spellcheck="false" size="14">'
            )
            return self.md.htmlStash.store(html)

        return replace

    def _options(self, fieldset: etree.Element) -> None:
        """The options as radio buttons (one right answer) or checkboxes (several)."""
        kind = "checkbox" if self.spec.kind == "multiple" else "radio"
        options = etree.SubElement(fieldset, "ul", {"class": "leerpad-quiz__options"})
        for number, option in enumerate(self.spec.options, start=1):
            item = etree.SubElement(options, "li", {"class": "leerpad-quiz__option"})
            input_id = f"{self.id}-o{number}"
            etree.SubElement(
                item,
                "input",
                {
                    "type": kind,
                    "id": input_id,
                    "name": self.id,
                    "value": str(number),
                },
            )
            label = etree.SubElement(item, "label", {"for": input_id})
            label.text = option.text
            self.labels.append(label)

    def _items(self, fieldset: etree.Element) -> None:
        """An ordering question's items, shuffled: a worksheet without JavaScript.

        Each item carries its right place (``data-leerpad-item``); the quiz's part
        ``ordering`` (leerpad-ordering.js) makes the list reorderable, and the quiz
        starts from this order, which is never the right one.
        """
        items = etree.SubElement(
            fieldset, "ol", {"class": "leerpad-quiz__order", "data-leerpad-quiz-ordering": ""}
        )
        for place in start_order(len(self.spec.options), self.id):
            item = etree.SubElement(
                items, "li", {"class": "leerpad-quiz__item", "data-leerpad-item": str(place)}
            )
            etree.SubElement(
                item, "span", {"class": "leerpad-quiz__item-text"}
            ).text = self.spec.options[place - 1].text

    def _answer(self, root: etree.Element) -> None:
        """The answer key: right and wrong per option with feedback, then the explanation."""
        details = etree.SubElement(root, "details", {"class": "leerpad-quiz__answer"})
        etree.SubElement(details, "summary").text = AtomicString(self.t["quiz_answer"])
        if self.spec.ordered:
            self._order_key(details)
        else:
            self._key(details)
        if any(line.strip() for line in self.spec.explanation):
            self._blocks(details, "\n".join(self.spec.explanation), "leerpad-quiz__explanation")

    def _order_key(self, details: etree.Element) -> None:
        """The right order, as the author numbered it."""
        title = etree.SubElement(details, "p", {"class": "leerpad-quiz__key-title"})
        title.text = AtomicString(self.t["quiz_order_right"])
        key = unsearched(details, "ol", {"class": "leerpad-quiz__key"}, self.document)
        for item in self.spec.options:
            etree.SubElement(key, "li", {"class": "leerpad-quiz__key-item"}).text = item.text

    def _key(self, details: etree.Element) -> None:
        """Right or wrong per option with its feedback, or the accepted answers per gap."""
        key = unsearched(details, "ul", {"class": "leerpad-quiz__key"}, self.document)
        for number, option in enumerate(self.spec.options, start=1):
            verdict = "right" if option.correct else "wrong"
            item = etree.SubElement(
                key,
                "li",
                {
                    "class": f"leerpad-quiz__key-item leerpad-quiz__key-item--{verdict}",
                    "data-correct": "true" if option.correct else "false",
                },
            )
            mark = etree.SubElement(item, "strong", {"class": "leerpad-quiz__verdict"})
            mark.text = AtomicString(self.t[f"quiz_{verdict}"] + ":")
            mark.tail = AtomicString(" ")
            # The option's text follows the verdict: copied from its label once inline
            # Markdown is done, as parsing it twice made quiz pages slower to build.
            self.document.copies.append((self.labels[number - 1], item, mark))
            if any(line.strip() for line in option.feedback):
                self._blocks(item, "\n".join(option.feedback), "leerpad-quiz__feedback")
        for number, answers in enumerate(self.spec.gaps, start=1):
            item = etree.SubElement(
                key,
                "li",
                {
                    "class": "leerpad-quiz__key-item",
                    "data-answers": json.dumps(answers, ensure_ascii=False),
                },
            )
            item.text = AtomicString(
                self.t["quiz_gap_answer"].format(n=number, answers=self.t["quiz_or"].join(answers))
            )

    def _blocks(self, parent: etree.Element, markdown: str, css_class: str) -> None:
        """Render ``markdown`` into a new ``div`` under ``parent``."""
        container = etree.SubElement(parent, "div", {"class": css_class})
        markdown_into(self.md, container, markdown)


def start_order(count: int, seed: str) -> list[int]:
    """Places ``1..count`` shuffled by ``seed`` (a quiz id): the same on every build.

    Never the right order ``1..count`` when there are two items or more: a learner who
    checks without moving anything must not be told "goed".
    """
    order = list(range(1, count + 1))
    random.Random(seed).shuffle(order)  # a puzzle, not a secret: any generator will do
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order
