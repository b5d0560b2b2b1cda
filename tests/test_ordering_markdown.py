"""Ordering questions in plain Python-Markdown: a quiz whose options are a numbered list.

The HTML a learner without JavaScript gets (a shuffled worksheet, the right order in the
answer key) and every author mistake, at its line, in Dutch and English.
"""

from __future__ import annotations

import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup

from leerpad.markdown import LeerpadExtension

KLACHT = """
    /// quiz | In welke volgorde handel je een klacht aan de balie af?
    Een klant komt terug met een kapotte waterkoker.

    1. Je laat de klant *uitpraten*.
    2. Je vat samen wat je hoorde.
    3. Je vraagt wat de klant nu nodig heeft.
    4. Je spreekt af wat er gebeurt, en wanneer.

    Wie eerst luistert, hoeft daarna minder uit te leggen.
    ///
"""


def convert(source: str, language: str = "nl") -> tuple[BeautifulSoup, list[str]]:
    extension = LeerpadExtension(language=language, path="les.md")
    md = markdown.Markdown(extensions=[extension, "fenced_code"])
    html = md.convert(textwrap.dedent(source))
    return BeautifulSoup(html, "html.parser"), [str(p) for p in md.leerpad_problems]


def places(quiz: BeautifulSoup) -> list[int]:
    """The right places of the worksheet's items, in the order the page shows them."""
    return [int(item["data-leerpad-item"]) for item in quiz.select(".leerpad-quiz__item")]


def test_a_numbered_list_makes_an_ordering_question_with_the_right_order_in_the_key() -> None:
    page, problems = convert(KLACHT)
    assert problems == []
    quiz = page.select_one(".leerpad-quiz")
    assert quiz["data-leerpad-kind"] == "ordering"
    assert quiz.select_one(".leerpad-quiz__instruction").get_text() == "Zet in de goede volgorde."
    assert quiz.select_one(".leerpad-quiz__intro").get_text() == (
        "Een klant komt terug met een kapotte waterkoker."
    )
    assert quiz.select("input") == [], "nothing to tick: the items are put in order"
    # The worksheet: every item once, marked for the script that moves them.
    worksheet = quiz.select_one("fieldset ol.leerpad-quiz__order")
    assert worksheet.has_attr("data-leerpad-quiz-ordering")
    assert sorted(places(quiz)) == [1, 2, 3, 4]
    first = quiz.select_one('.leerpad-quiz__item[data-leerpad-item="1"]')
    assert first.select_one("em").get_text() == "uitpraten"
    # The answer key, behind "Toon het antwoord", in the author's order; then the why.
    answer = quiz.select_one("details.leerpad-quiz__answer")
    assert answer.select_one(".leerpad-quiz__key-title").get_text() == "De goede volgorde:"
    key = [item.get_text(" ", strip=True) for item in answer.select("ol.leerpad-quiz__key > li")]
    assert key == [
        "Je laat de klant uitpraten .",
        "Je vat samen wat je hoorde.",
        "Je vraagt wat de klant nu nodig heeft.",
        "Je spreekt af wat er gebeurt, en wanneer.",
    ]
    assert answer.select_one(".leerpad-quiz__explanation").get_text().startswith("Wie eerst")


@pytest.mark.parametrize("count", [2, 3, 5, 8])
def test_the_worksheet_is_never_in_the_right_order_and_the_same_on_every_build(count: int) -> None:
    starts = set()
    for number in range(40):
        steps = "\n".join(f"{n}. Stap {n}" for n in range(1, count + 1))
        source = f"/// quiz | Vraag {number}?\n    id: volgorde-{number}\n{steps}\n///\n"
        quiz = convert(source)[0].select_one(".leerpad-quiz")
        order = places(quiz)
        assert order != sorted(order), f"volgorde-{number} starts solved: {order}"
        assert places(convert(source)[0]) == order, "another build, another order"
        starts.add(tuple(order))
    if count > 2:
        assert len(starts) > 1, "every question starts the same way"


def test_a_choice_quiz_may_still_explain_with_a_numbered_list() -> None:
    source = """
        /// quiz | Wat doe je eerst?
        - [x] Luisteren
        - [ ] Oplossen

        Drie stappen:

        1. Luisteren
        2. Samenvatten
        ///
    """
    page, problems = convert(source)
    assert problems == []
    quiz = page.select_one(".leerpad-quiz")
    assert quiz["data-leerpad-kind"] == "single"
    assert [li.get_text() for li in quiz.select(".leerpad-quiz__explanation ol > li")] == [
        "Luisteren",
        "Samenvatten",
    ]


MISTAKES = {
    "options under a numbered list": (
        "/// quiz | Wat eerst?\n1. Luisteren\n2. Samenvatten\n- [ ] Oplossen\n///\n",
        {
            "nl": "les.md:4: een vraag heeft ofwel een genummerde lijst (volgordevraag) ofwel "
            "antwoorden '- [ ]' en '- [x]', niet allebei; splits ze in twee vragen",
            "en": "les.md:4: a question has either a numbered list (an ordering question) or "
            "options '- [ ]' and '- [x]', not both; split it into two questions",
        },
    ),
    "a numbered item under options": (
        "/// quiz | Wat eerst?\n- [x] Luisteren\n- [ ] Oplossen\n3. Samenvatten\n///\n",
        {
            "nl": "les.md:4: een vraag heeft ofwel een genummerde lijst (volgordevraag) ofwel "
            "antwoorden '- [ ]' en '- [x]', niet allebei; splits ze in twee vragen",
            "en": "les.md:4: a question has either a numbered list (an ordering question) or "
            "options '- [ ]' and '- [x]', not both; split it into two questions",
        },
    ),
    "one item": (
        "/// quiz | Wat eerst?\n\n1. Luisteren\n///\n",
        {
            "nl": "les.md:3: een volgordevraag heeft minstens twee stappen nodig; "
            "zet ze als genummerde lijst onder elkaar",
            "en": "les.md:3: an ordering question needs at least two steps; "
            "write them as a numbered list, one under the other",
        },
    ),
    "an item twice": (
        "/// quiz | Wat eerst?\n1. Luisteren\n2. Samenvatten\n3. luisteren \n///\n",
        {
            "nl": "les.md:4: deze stap staat er al (regel 2); elke stap komt één keer voor",
            "en": "les.md:4: this step is already listed (line 2); each step appears once",
        },
    ),
    "feedback under an item": (
        "/// quiz | Wat eerst?\n1. Luisteren\n    > Eerst horen.\n2. Samenvatten\n///\n",
        {
            "nl": "les.md:3: een stap van een volgordevraag krijgt geen eigen feedback "
            "('> ...'); schrijf de uitleg na een witregel onder de lijst",
            "en": "les.md:3: a step of an ordering question has no feedback of its own "
            "('> ...'); write the explanation under the list, after a blank line",
        },
    ),
    "the explanation without its blank line": (
        "/// quiz | Wat eerst?\n1. Luisteren\n2. Samenvatten\nZo voelt hij zich gehoord.\n///\n",
        {
            "nl": "les.md:4: een stap van een volgordevraag is één regel; "
            "schrijf de uitleg na een witregel onder de lijst",
            "en": "les.md:4: a step of an ordering question is one line; "
            "write the explanation under the list, after a blank line",
        },
    ),
    "a list under a step": (
        "/// quiz | Wat eerst?\n1. Luisteren\n    - en knikken\n2. Samenvatten\n///\n",
        {
            "nl": "les.md:3: een stap van een volgordevraag is één regel; "
            "schrijf de uitleg na een witregel onder de lijst",
            "en": "les.md:3: a step of an ordering question is one line; "
            "write the explanation under the list, after a blank line",
        },
    ),
    "a right mark in a numbered list": (
        "/// quiz | Wat eerst?\n1. [x] Luisteren\n2. Samenvatten\n///\n",
        {
            "nl": "les.md:2: in een volgordevraag is de volgorde van de lijst het antwoord; "
            "haal '[x]' weg",
            "en": "les.md:2: in an ordering question the list's order is the answer; remove '[x]'",
        },
    ),
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("case", MISTAKES)
def test_each_mistake_is_one_message_at_its_line(case: str, language: str) -> None:
    source, messages = MISTAKES[case]
    page, problems = convert(source + "\nNa de vraag.\n", language)
    assert problems == [messages[language]]
    assert messages[language] in page.select_one(".leerpad-error").get_text()
    assert "Na de vraag." in page.get_text(), "the text after the question stays"


TWO_LISTS = {
    "numbered lists": (
        "/// quiz | Wat eerst?\n1. Luisteren\n2. Samenvatten\n\n1. Groeten\n2. Bedanken\n///\n",
        {
            "nl": "les.md:5: twee genummerde lijsten in één vraag: na de lege regel begint een "
            "tweede lijst; is het één volgordevraag, haal dan de lege regel weg; anders maak je "
            "er twee vragen van (sluit deze met '///' en begin een nieuwe '/// quiz | ...')",
            "en": "les.md:5: two numbered lists in one question: a second list starts after the "
            "empty line; if it is one ordering question, remove the empty line; otherwise make "
            "two questions (close this one with '///' and start a new '/// quiz | ...')",
        },
    ),
    "lists of options": (
        "/// quiz | Wat zeg je?\n- [x] Vertel\n- [ ] Rustig\n\n- [x] Dank u\n- [ ] Volgende\n///\n",
        {
            "nl": "les.md:5: twee lijsten met antwoorden in één vraag: na de lege regel begint "
            "een tweede lijst; horen ze bij één vraag, haal dan de lege regel weg; anders maak "
            "je er twee vragen van (sluit deze met '///' en begin een nieuwe '/// quiz | ...')",
            "en": "les.md:5: two lists of options in one question: a second list starts after "
            "the empty line; if they belong to one question, remove the empty line; otherwise "
            "make two questions (close this one with '///' and start a new '/// quiz | ...')",
        },
    ),
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("case", TWO_LISTS)
def test_two_lists_with_an_empty_line_between_are_one_message_not_one_question(
    case: str, language: str
) -> None:
    source, messages = TWO_LISTS[case]
    page, problems = convert(source + "\nNa de vraag.\n", language)
    assert problems == [messages[language]], "one message, no follow-on about the steps"
    assert page.select(".leerpad-quiz") == [], "no question with the answers of both lists"
    assert messages[language] in page.select_one(".leerpad-error").get_text()
    assert "Na de vraag." in page.get_text()


def test_a_second_group_of_options_after_the_explanation_is_one_message() -> None:
    source = (
        "/// quiz | Wat zeg je?\n- [x] Vertel\n- [ ] Rustig\n\nUitleg.\n\n"
        "- [x] Dank u\n- [ ] Volgende\n///\n"
    )
    assert convert(source)[1] == [
        "les.md:7: dit antwoord staat na de uitleg; zet alle antwoorden bij elkaar, vóór de uitleg"
    ]


def test_a_numbered_list_in_an_ordering_questions_explanation_stays_the_explanation() -> None:
    source = (
        "/// quiz | Wat eerst?\n1. Luisteren\n2. Samenvatten\n\nWaarom zo:\n\n"
        "1. Wie gehoord wordt, luistert terug.\n2. Samenvatten toont dat.\n///\n"
    )
    page, problems = convert(source)
    assert problems == []
    assert sorted(places(page)) == [1, 2], "only the first list is put in order"
    explained = page.select(".leerpad-quiz__explanation ol > li")
    assert [item.get_text() for item in explained] == [
        "Wie gehoord wordt, luistert terug.",
        "Samenvatten toont dat.",
    ]
