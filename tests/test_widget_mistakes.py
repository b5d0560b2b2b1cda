"""Every kind of widget mistake: one message at the line to fix, and nothing vanishes.

Each table holds one kind of mistake in every widget it can occur in, with the exact
``path:line: message`` and a text written after the broken widget that must still reach
the page (in the widget, in the page, or in the message box).
"""

from __future__ import annotations

import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup

from leerpad.markdown import LeerpadExtension

ASSESSMENT = """/// assessment | Hoe veilig is jouw team?
    id: teamcheck
    scale: [Nooit, Soms, Vaak]
    dimensions: {steun: Steun}
- [steun] Collega's helpen me.
//// band | 0-49
Nog werk.
////
//// band | 50-100
Goed bezig.
////
///
"""
"""A sound assessment of 12 lines; team scans on the page combine it."""

QUIZ = "/// quiz | Wat doe je eerst?\n- [x] Luisteren\n- [ ] Wachten\n///\n"
"""A sound quiz of 4 lines."""


def convert(source: str, language: str = "en") -> tuple[BeautifulSoup, list[str]]:
    """Render ``source`` as page ``les.md`` with plain Python-Markdown; its problems."""
    extension = LeerpadExtension(language=language, path="les.md")
    md = markdown.Markdown(extensions=[extension, "admonition", "pymdownx.superfences", "tables"])
    html = md.convert(textwrap.dedent(source))
    return BeautifulSoup(html, "html.parser"), [str(p) for p in md.leerpad_problems]


def assert_reported(source: str, expected: list[str], still_there: str) -> BeautifulSoup:
    """Exactly ``expected`` is reported, each in a box on the page; ``still_there`` shows."""
    page, problems = convert(source)
    assert problems == expected
    boxes = " ".join(box.get_text() for box in page.select(".leerpad-error"))
    for problem in expected:
        assert problem in boxes
    assert still_there in page.get_text()
    return page


# ---- 1. Blocks that are never closed ------------------------------------------------

UNCLOSED = {
    "quiz before a gap quiz (a30)": (
        "/// quiz | Wat is een klacht?\n- [ ] Een aanval\n- [x] Informatie\n\nUitleg.\n\n"
        "/// quiz | Een klacht is [[informatie]].\n    id: klacht-invul\n///\n",
        ["les.md:1: this quiz is never closed; add a line with only '///' before line 7"],
        "Uitleg.",
    ),
    "quiz before an assessment (a30 variant)": (
        "/// quiz | Wat is een klacht?\n- [ ] Een aanval\n- [x] Informatie\n\n" + ASSESSMENT,
        ["les.md:1: this quiz is never closed; add a line with only '///' before line 5"],
        "Goed bezig.",
    ),
    "quiz before a details block": (
        "/// quiz | Wat is een klacht?\n- [ ] Een aanval\n- [x] Informatie\n"
        "/// details | Meer\nLees verder.\n///\n",
        ["les.md:1: this quiz is never closed; add a line with only '///' before line 4"],
        "Lees verder.",
    ),
    "quiz at the end of the page": (
        "Tekst.\n\n/// quiz | Wat is een klacht?\n- [ ] Een aanval\n- [x] Informatie\n\nSlotzin.\n",
        ["les.md:3: this quiz is never closed; add a line with only '///' after its last line"],
        "Slotzin.",
    ),
    "reflection before a quiz": (
        "/// reflection | Wat neem je mee?\nDenk aan gisteren.\n\n" + QUIZ,
        ["les.md:1: this reflection is never closed; add a line with only '///' before line 4"],
        "Wat doe je eerst?",
    ),
    "assessment before a reflection": (
        ASSESSMENT.removesuffix("///\n") + "\n/// reflection | Wat neem je mee?\n///\n",
        ["les.md:1: this assessment is never closed; add a line with only '///' before line 13"],
        "Wat neem je mee?",
    ),
    "team scan before a quiz": (
        ASSESSMENT + "\n/// teamscan | teamcheck\nVul eerst in.\n\n" + QUIZ,
        ["les.md:14: this team scan is never closed; add a line with only '///' before line 17"],
        "Wat doe je eerst?",
    ),
    "band before the next band": (
        ASSESSMENT.replace("Nog werk.\n////\n", "Nog werk.\n"),
        ["les.md:6: this band is never closed; add a line with only '////' before line 8"],
        "Na de zelftest.",
    ),
    "last band before the assessment's end": (
        ASSESSMENT.replace("Goed bezig.\n////\n", "Goed bezig.\n"),
        ["les.md:9: this band is never closed; add a line with only '////' before line 11"],
        "Na de zelftest.",
    ),
    "code block inside a quiz": (
        "/// quiz | Welke regel?\n```text\nBeste klant,\n///\n\nNa de vraag.\n",
        ["les.md:2: this code block is never closed; add a line with only '```' before line 4"],
        "Na de vraag.",
    ),
}


@pytest.mark.parametrize("case", UNCLOSED, ids=list(UNCLOSED))
def test_an_unclosed_block_is_reported_where_it_starts(case: str) -> None:
    source, expected, still_there = UNCLOSED[case]
    assert_reported(source + "\nNa de zelftest.\n", expected, still_there)


def test_the_widget_after_an_unclosed_quiz_still_works() -> None:
    source, _, _ = UNCLOSED["quiz before a gap quiz (a30)"]
    page, _ = convert(source)
    gap_quiz = page.select_one("#klacht-invul")
    assert gap_quiz is not None and gap_quiz.select_one("input.leerpad-quiz__gap") is not None
    # The unclosed quiz's own text is on the page, not inside another widget.
    assert "klacht-invul" not in page.select_one(".leerpad-error").find_next("p").get_text()


# ---- 2. Options that lost their indent ----------------------------------------------

DEDENTED = {
    "quiz (a11)": (
        "/// quiz | Wat doe je als een klant blijft roepen?\nid: roepende-klant\n"
        'hint: "Denk aan je eigen grens."\nshuffle: true\n- [ ] Terugroepen\n'
        "- [x] Rustig benoemen\n///\n",
        [
            "les.md:2: options under the header are indented 4 spaces: "
            "write '    id: roepende-klant'",
            "les.md:3: options under the header are indented 4 spaces: "
            "write '    hint: \"Denk aan je eigen grens.\"'",
            "les.md:4: options under the header are indented 4 spaces: write '    shuffle: true'",
        ],
    ),
    "quiz, after an indented option": (
        "/// quiz | Wat eerst?\n    id: eerst\nhint: Luister.\n- [x] Ja\n- [ ] Nee\n///\n",
        ["les.md:3: options under the header are indented 4 spaces: write '    hint: Luister.'"],
    ),
    "quiz, options indented 2 spaces instead of 4": (
        "/// quiz | Wat doe je?\n  id: twee-spaties\n  hint: Luister.\n- [x] Ja\n- [ ] Nee\n///\n",
        [
            "les.md:2: options under the header are indented 4 spaces: "
            "write '    id: twee-spaties'",
            "les.md:3: options under the header are indented 4 spaces: write '    hint: Luister.'",
        ],
    ),
    "reflection, an option indented 3 spaces": (
        "/// reflection | Wanneer stelde jij een grens?\n   id: drie-spaties\n///\n",
        ["les.md:2: options under the header are indented 4 spaces: write '    id: drie-spaties'"],
    ),
    "reflection (a11)": (
        "/// reflection | Wanneer stelde jij een grens?\nid: laatste-grens\n///\n",
        ["les.md:2: options under the header are indented 4 spaces: write '    id: laatste-grens'"],
    ),
    "assessment": (
        ASSESSMENT.replace("    scale:", "scale:").replace("    dimensions:", "dimensions:"),
        [
            "les.md:3: options under the header are indented 4 spaces: "
            "write '    scale: [Nooit, Soms, Vaak]'",
            "les.md:4: options under the header are indented 4 spaces: "
            "write '    dimensions: {steun: Steun}'",
        ],
    ),
}


@pytest.mark.parametrize("case", DEDENTED, ids=list(DEDENTED))
def test_options_without_indent_are_reported_as_options(case: str) -> None:
    source, expected = DEDENTED[case]
    assert_reported(source + "\nDe rest van de pagina.\n", expected, "De rest van de pagina.")


def test_a_sentence_with_a_colon_under_the_header_stays_text() -> None:
    page, problems = convert(
        "/// quiz | Wat eerst?\nLet op: de klant is boos.\n- [x] Ja\n- [ ] Nee\n///\n"
    )
    assert problems == []
    assert "Let op: de klant is boos." in page.select_one(".leerpad-quiz__intro").get_text()


# ---- 4. Markdown inside widgets -----------------------------------------------------

MARKDOWN_PARTS = {
    "fenced code": ("```text\nBeste klant,\n///\nTot ziens.\n```", "pre > code"),
    "admonition": ('!!! tip "Onthoud"\n    Schrijf zoals je praat.', ".admonition.tip"),
    "table": ("| Wie | Wat |\n| --- | --- |\n| Noor | luistert |", "table"),
    "nested list": ("- Eerst\n    - luisteren\n    - samenvatten\n- Dan handelen", "li > ul"),
}


def widget_source(place: str, text: str) -> str:
    """A sound widget holding ``text`` in ``place``."""
    if place == "feedback":
        # Feedback stands indented under its option, every line after '>'.
        feedback = textwrap.indent(text, "    > ", lambda line: True)
        return f"/// quiz | Wat eerst?\n- [x] Ja\n    > Goed.\n    >\n{feedback}\n- [ ] Nee\n///\n"
    return {
        "intro": f"/// quiz | Wat eerst?\n{text}\n\n- [x] Ja\n- [ ] Nee\n///\n",
        "explanation": f"/// quiz | Wat eerst?\n- [x] Ja\n- [ ] Nee\n\n{text}\n///\n",
        "band": ASSESSMENT.replace("Goed bezig.\n", f"Goed bezig.\n\n{text}\n"),
        "reflection": f"/// reflection | Wat neem je mee?\n{text}\n///\n",
    }[place]


@pytest.mark.parametrize("part", MARKDOWN_PARTS, ids=list(MARKDOWN_PARTS))
@pytest.mark.parametrize("place", ["intro", "explanation", "feedback", "band", "reflection"])
def test_markdown_inside_a_widget_renders_as_outside(part: str, place: str) -> None:
    text, selector = MARKDOWN_PARTS[part]
    outside, _ = convert(text + "\n")
    page, problems = convert(widget_source(place, text))
    assert problems == []
    expected = outside.select_one(selector)
    inside = page.select_one(
        f".leerpad-quiz {selector}, .leerpad-assessment {selector}, .leerpad-reflection {selector}"
    )
    assert expected is not None and inside is not None, page
    assert str(inside) == str(expected)


# ---- 5. Near misses ------------------------------------------------------------------

NEAR_MISSES = {
    "option name": (
        "/// quiz | Wat eerst?\n    hnit: Luister.\n- [x] Ja\n- [ ] Nee\n///\n",
        ["les.md:2: unknown option 'hnit'; did you mean 'hint'?"],
    ),
    "marker with a space before the x": (
        "/// quiz | Wat eerst?\n- [ x] Ja\n- [ ] Nee\n///\n",
        [
            "les.md:2: an option starts with '- [ ]' (wrong) or '- [x]' (right); "
            "did you mean '- [x]'?"
        ],
    ),
    "round brackets": (
        "/// quiz | Wat eerst?\n- (x) Ja\n- [ ] Nee\n///\n",
        [
            "les.md:2: an option starts with '- [ ]' (wrong) or '- [x]' (right); "
            "did you mean '- [x]'?"
        ],
    ),
    "empty brackets": (
        "/// quiz | Wat eerst?\n- [x] Ja\n- [] Nee\n///\n",
        [
            "les.md:3: an option starts with '- [ ]' (wrong) or '- [x]' (right); "
            "did you mean '- [ ]'?"
        ],
    ),
    "dimension key": (
        ASSESSMENT.replace("- [steun]", "- [stuen]"),
        [
            "les.md:5: unknown dimension 'stuen'; did you mean 'steun'?",
            "les.md:1: dimension 'steun' has no statements; add one like '- [steun] …' "
            "or remove it",
        ],
    ),
    "reverse marker": (
        ASSESSMENT.replace("- [steun]", "- [steun, omgekerd]"),
        ["les.md:5: unknown marker 'omgekerd'; did you mean 'omgekeerd'?"],
    ),
    "band heading": (
        ASSESSMENT.replace("//// band | 0-49", "//// bnad | 0-49"),
        [
            "les.md:6: only '//// band | 0-49' blocks can stand inside an assessment; "
            "did you mean '//// band'?",
            "les.md:9: the bands leave 0-49 uncovered; every percentage needs a band",
        ],
    ),
    "band heading without a bar": (
        ASSESSMENT.replace("//// band | 0-49", "//// band 0-49"),
        [
            "les.md:6: write a bar before the range: '//// band | 0-49'",
            "les.md:9: the bands leave 0-49 uncovered; every percentage needs a band",
        ],
    ),
    "team scan id": (
        ASSESSMENT + "\n/// teamscan | teamchek\n///\n",
        ["les.md:14: no self-assessment has the id 'teamchek'; did you mean 'teamcheck'?"],
    ),
}


@pytest.mark.parametrize("case", NEAR_MISSES, ids=list(NEAR_MISSES))
def test_a_near_miss_gets_the_valid_spelling(case: str) -> None:
    source, expected = NEAR_MISSES[case]
    assert_reported(source + "\nDe rest van de pagina.\n", expected, "De rest van de pagina.")


@pytest.mark.parametrize("marker", ["- [X]", "* [x]", "+ [x]"])
def test_accepted_variants_of_the_right_marker(marker: str) -> None:
    page, problems = convert(f"/// quiz | Wat eerst?\n{marker} Ja\n- [ ] Nee\n///\n")
    assert problems == []
    assert page.select_one('[data-correct="true"]').get_text().endswith("Ja")


# ---- 8. The trainer's language -------------------------------------------------------


def test_messages_follow_the_language_and_keep_path_and_line() -> None:
    source = "/// quiz | Wat eerst?\n- [x] Ja\n- [ ] Nee\n"
    _, english = convert(source, language="en")
    _, dutch = convert(source, language="nl")
    assert english == [
        "les.md:1: this quiz is never closed; add a line with only '///' after its last line"
    ]
    assert dutch == [
        "les.md:1: deze vraag wordt nergens gesloten; zet een regel met alleen '///' "
        "na de laatste regel"
    ]


def test_plain_markdown_without_a_language_writes_english() -> None:
    md = markdown.Markdown(extensions=["leerpad"])
    md.convert("/// reflection\n///\n")
    assert [p.message for p in md.leerpad_problems] == [
        "the reflection has no prompt; write it after the bar: '/// reflection | Wat …?'"
    ]


def test_every_message_exists_in_both_languages_with_the_same_placeholders() -> None:
    import string

    from leerpad.markdown.messages import all_messages

    english, dutch = all_messages("en"), all_messages("nl")
    assert set(english) == set(dutch)
    fields = string.Formatter()
    for key in english:
        wanted = {name for _, name, _, _ in fields.parse(english[key]) if name}
        found = {name for _, name, _, _ in fields.parse(dutch[key]) if name}
        assert wanted == found, key


def test_the_trainers_guide_explains_every_dutch_message() -> None:
    import re

    from leerpad.markdown.messages import all_messages

    from conftest import REPO

    guide = (REPO / "docs/voor-trainers.md").read_text(encoding="utf-8")
    explained = "\n".join(line for line in guide.splitlines() if line.startswith("`"))
    for key, message in all_messages("nl").items():
        pieces = re.split(r"\{[a-z]+\}", message.replace("{{", "{").replace("}}", "}"))
        longest = max(pieces, key=len)
        # Parts of other messages ('deze reflectie') are named in the explanations.
        fragment = key.startswith("what_") or key in {"none", "bands_all", "bands_of"}
        assert longest in (guide if fragment else explained), (key, longest)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "- [goed] Nee",
            "les.md:3: an option starts with '- [ ]' (wrong) or '- [x]' (right), not '[goed]'",
        ),
        (
            "-[ ] Nee",
            "les.md:3: an option starts with '- [ ]' (wrong) or '- [x]' (right); "
            "did you mean '- [ ]'?",
        ),
    ],
)
def test_other_markers_are_reported_not_shown_as_text(line: str, expected: str) -> None:
    source = f"/// quiz | Wat eerst?\n- [x] Ja\n{line}\n- [ ] Later\n///\nNa.\n"
    assert_reported(source, [expected], "Na.")


def test_a_list_of_links_in_an_explanation_is_text() -> None:
    page, problems = convert(
        "/// quiz | Wat eerst?\n- [x] Ja\n- [ ] Nee\n\nLees meer:\n\n"
        "- [Luisteren](luisteren.md)\n- [Grenzen][grenzen]\n\n[grenzen]: grenzen.md\n///\n"
    )
    assert problems == []
    links = page.select(".leerpad-quiz__explanation a")
    assert [link["href"] for link in links] == ["luisteren.md", "grenzen.md"]
