"""The quiz block in plain Python-Markdown: HTML per question kind, and author errors."""

from __future__ import annotations

import json
import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup

from leerpad.markdown import LeerpadExtension
from leerpad.site.search_skip import hide_from_search, restore_hidden


def convert(source: str, **settings: object) -> tuple[BeautifulSoup, list[str]]:
    extension = LeerpadExtension(**{"language": "nl", "path": "les.md", **settings})
    md = markdown.Markdown(extensions=[extension, "fenced_code"])
    html = md.convert(textwrap.dedent(source))
    return BeautifulSoup(html, "html.parser"), [str(p) for p in md.leerpad_problems]


SINGLE = """
    /// quiz | Een klant is *boos*. Wat doe je eerst?
    - [ ] Je zegt dat dit niet jouw afdeling is.
        > Zo voelt de klant zich **doorgeschoven**.
    - [x] Je vat samen wat je hoort en vraagt wat hij nodig heeft.
        > Juist: eerst luisteren.
    - [ ] Je belooft dat het vandaag geregeld wordt.
        > Een belofte die je niet kunt waarmaken, schaadt vertrouwen.

    De klant wil eerst [gehoord](luisteren.md) worden.
    ///
"""


def test_single_choice_renders_radio_options_and_an_answer_key() -> None:
    page, problems = convert(SINGLE)
    assert problems == []
    quiz = page.select_one(".leerpad-quiz")
    assert quiz["data-leerpad-kind"] == "single"
    legend = quiz.select_one("legend")
    assert legend.get_text(" ", strip=True) == "Een klant is boos . Wat doe je eerst?"
    assert legend["data-leerpad-label"] == "Vraag"  # shown above it by the stylesheet
    assert legend.select_one("em").get_text() == "boos"
    inputs = quiz.select(".leerpad-quiz__option input")
    assert [i["type"] for i in inputs] == ["radio"] * 3
    assert len({i["name"] for i in inputs}) == 1
    for option in quiz.select(".leerpad-quiz__option"):
        assert option.select_one("label")["for"] == option.select_one("input")["id"]
    keys = quiz.select(".leerpad-quiz__key-item")
    assert [k["data-correct"] for k in keys] == ["false", "true", "false"]
    # Each key item names its option: the verdict, then the option's rendered text.
    assert keys[1].get_text(" ", strip=True).startswith("Juist: Je vat samen")
    assert keys[0].select_one(".leerpad-quiz__feedback strong").get_text() == "doorgeschoven"
    assert quiz.select_one(".leerpad-quiz__answer > summary").get_text() == (
        "Toon het antwoord en de uitleg"
    )
    explanation = quiz.select_one(".leerpad-quiz__explanation")
    assert explanation.select_one("a")["href"] == "luisteren.md"
    assert quiz.select_one(".leerpad-quiz__instruction").get_text() == "Kies één antwoord."
    # Buttons and the status line only make sense with the script, which adds them.
    assert quiz.select_one("button, [role=status]") is None


def test_several_right_options_make_a_multiple_choice_question() -> None:
    page, problems = convert("""
        /// quiz | Welke behoeften noemt de module?
        - [x] Waardering
        - [X] Rust
        - [ ] Een hoger loon
        ///
    """)
    assert problems == []
    quiz = page.select_one(".leerpad-quiz")
    assert quiz["data-leerpad-kind"] == "multiple"
    assert [i["type"] for i in quiz.select("input")] == ["checkbox"] * 3
    assert quiz.select_one(".leerpad-quiz__instruction").get_text() == (
        "Kies alle juiste antwoorden."
    )


def test_true_false_is_a_two_option_single_choice() -> None:
    page, problems = convert("""
        /// quiz | Een training alleen verandert een servicecultuur.
        - [ ] Waar
        - [x] Niet waar
        ///
    """)
    assert problems == []
    assert [i["type"] for i in page.select("input")] == ["radio", "radio"]


def test_gaps_become_labelled_text_fields_with_their_answers_in_the_key() -> None:
    page, problems = convert("""
        /// quiz | Een team is een [[veilige haven|veilige plek]] voor [[medewerkers]].
        Wie zich veilig voelt, heeft iets te geven.
        ///
    """)
    assert problems == []
    quiz = page.select_one(".leerpad-quiz")
    assert quiz["data-leerpad-kind"] == "gap"
    gaps = quiz.select("legend input.leerpad-quiz__gap")
    assert [g["aria-label"] for g in gaps] == ["Invulveld 1", "Invulveld 2"]
    answers = [json.loads(k["data-answers"]) for k in quiz.select(".leerpad-quiz__key-item")]
    assert answers == [["veilige haven", "veilige plek"], ["medewerkers"]]
    assert "veilige haven of veilige plek" in quiz.select_one(".leerpad-quiz__key").get_text()
    assert "iets te geven" in quiz.select_one(".leerpad-quiz__explanation").get_text()
    assert "[[" not in str(quiz)


def test_hint_shuffle_and_explicit_id() -> None:
    page, problems = convert("""
        /// quiz | Wat doe je eerst?
            id: eerste-stap
            hint: "Denk aan *luisteren*."
            shuffle: true
        - [x] Luisteren
        - [ ] Praten
        ///
    """)
    assert problems == []
    quiz = page.select_one(".leerpad-quiz")
    assert quiz["id"] == quiz["data-leerpad-quiz"] == "eerste-stap"
    assert quiz.has_attr("data-leerpad-shuffle")
    hint = quiz.select_one("details.leerpad-quiz__hint")
    assert hint.select_one("summary").get_text() == "Hint"
    assert hint.select_one("em").get_text() == "luisteren"


def test_derived_id_is_stable_per_page_and_question() -> None:
    first, _ = convert(SINGLE, page_key="a.md")
    again, _ = convert(SINGLE, page_key="a.md")
    elsewhere, _ = convert(SINGLE, page_key="b.md")
    quiz_id = first.select_one(".leerpad-quiz")["id"]
    assert quiz_id.startswith("een-klant-is-boos-wat-doe-")
    assert again.select_one(".leerpad-quiz")["id"] == quiz_id
    assert elsewhere.select_one(".leerpad-quiz")["id"] != quiz_id


def test_version_changes_only_when_the_quiz_changes() -> None:
    page, _ = convert(SINGLE + "\n    Tekst na de vraag.\n")
    edited, _ = convert(SINGLE.replace("vandaag", "morgen"))
    same = convert(SINGLE)[0].select_one(".leerpad-quiz")["data-leerpad-version"]
    assert page.select_one(".leerpad-quiz")["data-leerpad-version"] == same
    assert edited.select_one(".leerpad-quiz")["data-leerpad-version"] != same


def test_markdown_works_in_options_feedback_and_explanation() -> None:
    page, problems = convert("""
        /// quiz | Welke zin is het best? Zie ![schema](schema.png)
        - [x] De zin met `samenvatten` en een [link](uitleg.md).
            > Goed, zie ook *dit*.
        - [ ] Een andere zin.
            > Niet **dit**.

        Uitleg met een lijst:

        - eerste punt
        - tweede punt
        ///
    """)
    assert problems == []
    label = page.select_one(".leerpad-quiz__option label")
    assert label.select_one("code").get_text() == "samenvatten"
    assert label.select_one("a")["href"] == "uitleg.md"
    assert page.select_one("legend img")["src"] == "schema.png"
    assert len(page.select(".leerpad-quiz__explanation li")) == 2


def test_feedback_of_several_paragraphs_keeps_its_blocks() -> None:
    page, problems = convert("""
        /// quiz | Wat doe je?
        - [x] Je luistert.
            > Goed.
            >
            > - Je hoort wat er speelt.
            > - Je vat samen.
        - [ ] Je praat door.
            > Niet *nu*.
        ///
    """)
    assert problems == []
    first, second = page.select(".leerpad-quiz__feedback")
    assert [p.get_text() for p in first.select("p")] == ["Goed."]
    assert len(first.select("li")) == 2
    # One paragraph needs no p of its own: its text, inline Markdown and all, is the box's.
    assert second.select("p") == [] and second.select_one("em").get_text() == "nu"


def test_search_markers_surround_only_what_search_skips() -> None:
    plain, _ = convert(SINGLE)
    assert "leerpad:search-skip" not in str(plain)
    page, problems = convert(SINGLE, search_markers=True)
    assert problems == []
    html = str(page)
    assert html.count("<!--leerpad:search-skip-->") == 2  # the instruction and the key
    key_start = html.index('<ul class="leerpad-quiz__key"')
    assert html.rfind("<!--leerpad:search-skip-->", 0, key_start) > html.index("</legend>")
    assert html.index("<!--/leerpad:search-skip-->", key_start) < html.index(
        "leerpad-quiz__explanation"
    )


def test_a_quiz_inside_a_code_fence_stays_code() -> None:
    page, problems = convert("""
        ```markdown
        /// quiz | Voorbeeld
        - [x] Ja
        ///
        ```
    """)
    assert problems == []
    assert page.select(".leerpad-quiz") == []
    assert "/// quiz | Voorbeeld" in page.select_one("code").get_text()


def test_english_interface_follows_the_language_setting() -> None:
    extension = LeerpadExtension(language="en")
    html = markdown.markdown(textwrap.dedent(SINGLE), extensions=[extension])
    assert "Choose one answer." in html
    assert "Show the answer and explanation" in html


ERRORS = {
    "unknown option": (
        "/// quiz | Vraag?\n    kleur: rood\n- [x] Ja\n- [ ] Nee\n///\n",
        "les.md:2: unknown option 'kleur'; known options: hint, id, shuffle",
    ),
    "invalid option value": (
        "/// quiz | Vraag?\n    shuffle: misschien\n- [x] Ja\n- [ ] Nee\n///\n",
        "les.md:2: option 'shuffle': write true or false (found 'misschien')",
    ),
    "invalid id": (
        "/// quiz | Vraag?\n    id: Mijn Vraag\n- [x] Ja\n- [ ] Nee\n///\n",
        "les.md:2: option 'id': an id uses lowercase letters",
    ),
    "broken YAML header": (
        '/// quiz | Vraag?\n    shuffle: true\n    hint: "niet gesloten\n'
        "- [x] Ja\n- [ ] Nee\n///\n",
        "les.md:3: the options are not valid YAML",
    ),
    "no correct answer": (
        "Intro.\n\n/// quiz | Vraag?\n- [ ] Ja\n- [ ] Nee\n///\n",
        "les.md:4: no option is marked right; mark the right answer with [x]",
    ),
    "no options": (
        "/// quiz | Vraag zonder antwoorden?\nAlleen uitleg.\n///\n",
        "les.md:1: the quiz has no options",
    ),
    "wrong option marker": (
        "/// quiz | Vraag?\n- [x] Ja\n- [y] Misschien\n- [ ] Nee\n///\n",
        "les.md:3: an option starts with '- [ ]' (wrong) or '- [x]' (right), not '[y]'",
    ),
    "feedback not indented": (
        "/// quiz | Vraag?\n- [x] Ja\n> Goed zo.\n- [ ] Nee\n///\n",
        "les.md:3: feedback under an option must be indented 4 spaces",
    ),
    "feedback after a blank line": (
        "/// quiz | Vraag?\n- [x] Ja\n\n    > Goed zo.\n- [ ] Nee\n///\n",
        "les.md:4: feedback must follow its option directly",
    ),
    "empty gap": (
        "/// quiz | Een team is een [[]] voor medewerkers.\n///\n",
        "les.md:1: gap '[[]]' has an empty answer",
    ),
    "never closed": (
        "Tekst.\n\n/// quiz | Vraag?\n- [x] Ja\n- [ ] Nee\n\nUitleg, maar geen slot.\n",
        "les.md:3: this quiz is never closed; add a line with only '///'",
    ),
    "same explicit id twice": (
        "/// quiz | Een?\n    id: dubbel\n- [x] Ja\n- [ ] Nee\n///\n\n"
        "/// quiz | Twee?\n    id: dubbel\n- [x] Ja\n- [ ] Nee\n///\n",
        "les.md:7: id 'dubbel' is already used by the widget on line 1",
    ),
    "the same option twice": (
        "/// quiz | Vraag?\n- [x] Ja\n- [ ] Nee\n- [x]  ja\n///\n",
        "les.md:4: this option is already listed (line 2); learners cannot tell the two apart",
    ),
    "no question": (
        "/// quiz\n- [x] Ja\n- [ ] Nee\n///\n",
        "les.md:1: the quiz has no question",
    ),
}


@pytest.mark.parametrize("case", ERRORS, ids=list(ERRORS))
def test_author_error_names_the_line_and_shows_a_box(case: str) -> None:
    source, expected = ERRORS[case]
    page, problems = convert(source + "\nDe rest van de pagina.\n", language="en")
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems
    box = page.select_one(".leerpad-error")
    assert box is not None and expected in box.get_text()
    assert "De rest van de pagina." in page.get_text()


def test_line_numbers_count_the_lines_before_the_markdown() -> None:
    _, problems = convert(
        "/// quiz | Vraag?\n- [ ] Ja\n- [ ] Nee\n///\n", line_offset=6, language="en"
    )
    assert problems == [
        "les.md:8: no option is marked right; mark the right answer with [x], e.g. '- [x] …'"
    ]


def test_hiding_from_search_and_restoring_gives_back_the_same_page() -> None:
    quiz = textwrap.dedent(SINGLE)
    source = quiz + "\nTekst erna.\n" + quiz.replace("boos", "moe")
    page, _ = convert(source, search_markers=True)
    html = str(page)
    hidden = hide_from_search(html)
    assert len(hidden.parts) == 4 and "leerpad-quiz__key" not in hidden.searched
    assert "Tekst erna." in hidden.searched and "Wat doe je eerst?" in hidden.searched
    without_markers = html.replace("<!--leerpad:search-skip-->", "").replace(
        "<!--/leerpad:search-skip-->", ""
    )
    assert restore_hidden(hidden.searched, hidden) == without_markers
    # Changed meanwhile (by another plugin): the parts go back into the changed page.
    changed = "<p>Eerst dit.</p>" + hidden.searched
    assert restore_hidden(changed, hidden) == "<p>Eerst dit.</p>" + without_markers
