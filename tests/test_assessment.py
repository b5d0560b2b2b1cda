"""The self-assessment: markup, author errors with lines, and scoring in a real browser."""

from __future__ import annotations

import re
import textwrap

import markdown
import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from leerpad.markdown import LeerpadExtension

MODULE_3 = "cursussen/proefcursus/afronding/"

HEADER = """/// assessment | Hoe veilig is jouw team?
    scale: [Nooit, Soms, Vaak]
    dimensions: {steun: Steun, rust: Rust}
"""


def convert(source: str, language: str = "nl") -> tuple[BeautifulSoup, list[str]]:
    md = markdown.Markdown(extensions=[LeerpadExtension(language=language, path="les.md")])
    html = md.convert(textwrap.dedent(source))
    return BeautifulSoup(html, "html.parser"), [str(p) for p in md.leerpad_problems]


def test_statements_are_radio_groups_with_a_legend() -> None:
    page, problems = convert(
        HEADER
        + """
- [steun] Collega's helpen me.
- [rust, omgekeerd] Ik neem spanning mee naar huis.

//// band | 0-100
Alles goed.
////
///
"""
    )
    assert problems == []
    items = page.select(".leerpad-assessment__item")
    assert [i["data-dimension"] for i in items] == ["steun", "rust"]
    assert not items[0].has_attr("data-reverse") and items[1].has_attr("data-reverse")
    legend = items[0].select_one("legend").get_text(" ", strip=True)
    assert legend == "1. Collega's helpen me."
    radios = items[0].select("input[type=radio]")
    assert [r["value"] for r in radios] == ["0", "1", "2"]
    assert [r.parent.get_text(strip=True) for r in radios] == ["Nooit", "Soms", "Vaak"]
    assert len({r["name"] for r in radios}) == 1


def test_without_javascript_it_reads_as_a_paper_questionnaire() -> None:
    page, _ = convert(
        HEADER
        + """
- [steun] Collega's helpen me.
- [steun] Ik vraag om hulp.
- [rust, omgekeerd] Ik neem spanning mee naar huis.

//// band | 0-49
**Laag.**
////
//// band | 50-100
**Hoog.**
////
///
"""
    )
    scoring = page.select_one("details.leerpad-assessment__scoring").get_text(" ", strip=True)
    assert "Nooit = 0, Soms = 1, Vaak = 2" in scoring
    assert "Bij uitspraak 3 tel je andersom: Nooit = 2, Soms = 1, Vaak = 0" in scoring
    assert "Steun: uitspraak 1 en 2, hoogstens 4 punten." in scoring
    assert "gedeeld door 6" in scoring
    bands = page.select(".leerpad-assessment__band")
    assert [(b["data-low"], b["data-high"]) for b in bands] == [("0", "49"), ("50", "100")]
    assert "Totaal, 0–49%" in bands[0].get_text()
    assert page.select_one(".leerpad-assessment__actions").has_attr("hidden")


def body(items: str, bands: str = "//// band | 0-100\nTekst.\n////\n") -> str:
    return HEADER + "\n" + items + "\n" + bands + "///\n"


TWO = "- [steun] Een.\n- [rust] Twee.\n"
ERRORS = {
    "unknown dimension": (
        body("- [steun] Een.\n- [rust] Twee.\n- [moed] Drie.\n"),
        "les.md:7: unknown dimension 'moed'; the dimensions are: steun, rust",
    ),
    "dimension without statements": (
        body("- [steun] Een.\n"),
        "les.md:1: dimension 'rust' has no statements",
    ),
    "scale too short": (
        body(TWO).replace("[Nooit, Soms, Vaak]", "[Nee, Ja]"),
        "les.md:2: option 'scale': a scale has 3 to 7 labels, not 2",
    ),
    "scale too long": (
        body(TWO).replace("[Nooit, Soms, Vaak]", "[a, b, c, d, e, f, g, h]"),
        "les.md:2: option 'scale': a scale has 3 to 7 labels, not 8",
    ),
    "overlapping bands": (
        body(TWO, "//// band | 0-50\nA\n////\n//// band | 50-100\nB\n////\n"),
        "les.md:11: the bands overlap: 50-100 starts inside the band before it",
    ),
    "gap between bands": (
        body(TWO, "//// band | 0-40\nA\n////\n//// band | 50-100\nB\n////\n"),
        "les.md:11: the bands leave 41-49 uncovered",
    ),
    "bands stop short": (
        body(TWO, "//// band | 0-80\nA\n////\n"),
        "les.md:8: the bands stop at 80; the last band must end at 100",
    ),
    "dimension bands with a gap": (
        body(TWO, "//// band | 0-100\nA\n////\n//// band | rust 0-49\nB\n////\n"),
        "les.md:11: the bands for 'rust' stop at 49",
    ),
    "range that is not a range": (
        body(TWO, "//// band | laag\nA\n////\n"),
        "les.md:8: 'laag' is not a range",
    ),
    "no statements": (body(""), "les.md:1: the assessment has no statements"),
    "unknown option": (
        body(TWO).replace("    dimensions", "    kleur: rood\n    dimensions"),
        "les.md:3: unknown option 'kleur'",
    ),
    "broken YAML": (
        body(TWO).replace("[Nooit, Soms, Vaak]", "[Nooit, Soms, Vaak"),
        "les.md:2: the options are not valid YAML",
    ),
    "never closed": (
        HEADER + "\n" + TWO + "\n//// band | 0-100\nTekst.\n////\n",
        "les.md:1: this assessment is never closed",
    ),
    "band never closed": (
        body(TWO, "//// band | 0-100\nTekst.\n"),
        "les.md:8: this band is never closed",
    ),
    "unknown marker": (
        body("- [steun, andersom] Een.\n- [rust] Twee.\n"),
        "les.md:5: unknown marker 'andersom'",
    ),
}


@pytest.mark.parametrize("case", ERRORS, ids=list(ERRORS))
def test_author_errors_name_the_line(case: str) -> None:
    source, expected = ERRORS[case]
    page, problems = convert(source, language="en")
    assert any(p.startswith(expected) for p in problems), problems
    assert expected in page.select_one(".leerpad-error").get_text()


# ---- In the browser ----------------------------------------------------------------


def answer(page: Page, number: int, label: str) -> None:
    item = page.locator(".leerpad-assessment__item").nth(number - 1)
    item.get_by_label(label, exact=True).check()


def result_rows(page: Page) -> dict[str, str]:
    rows = page.locator(".leerpad-assessment__table tbody tr")
    rows.first.wait_for()  # the script fills the table once the page has started
    return {
        rows.nth(i).locator("th").inner_text(): rows.nth(i).locator("td").inner_text()
        for i in range(rows.count())
    }


def complete(page: Page) -> None:
    answer(page, 1, "Altijd")  # steun: 4
    answer(page, 2, "Soms")  # steun, reversed: 4 - 2 = 2   -> steun 6/8 = 75%
    answer(page, 3, "Nooit")  # rust: 0
    answer(page, 4, "Zelden")  # rust: 1                      -> rust 1/8 = 12.5% -> 13%


@pytest.mark.browser
def test_scores_per_dimension_and_bands_are_exact(page: Page, small_url: str) -> None:
    page.goto(small_url + MODULE_3)
    progress = page.locator(".leerpad-assessment__progress")
    expect(progress).to_have_text("Nog 4 van de 4 uitspraken te gaan.")
    answer(page, 1, "Altijd")
    expect(progress).to_have_text("Nog 3 van de 4 uitspraken te gaan.")
    expect(page.get_by_role("button", name="Toon mijn uitslag")).to_be_disabled()
    answer(page, 2, "Soms")
    answer(page, 3, "Nooit")
    answer(page, 4, "Zelden")
    expect(progress).to_contain_text("Alle 4 uitspraken beantwoord")
    # Half up: 12.5 -> 13; overall 7/16 = 43.75 -> 44.
    assert result_rows(page) == {"Steun": "75%", "Rust": "13%", "Totaal": "44%"}
    result = page.locator(".leerpad-assessment__result")
    bands = result.locator(".leerpad-assessment__band")
    expect(bands).to_have_count(2)
    expect(bands.nth(0)).to_contain_text("Werk aan de winkel.")  # overall 0-49
    expect(bands.nth(1)).to_contain_text("Je kunt op je collega's rekenen.")  # steun 50-100
    chart = result.locator("svg.leerpad-chart text")
    expect(chart.filter(has_text=re.compile("^75%$"))).to_have_count(1)
    # Band edge: overall 8/16 = exactly 50 belongs to 50-100.
    answer(page, 3, "Zelden")
    assert result_rows(page) == {"Steun": "75%", "Rust": "25%", "Totaal": "50%"}
    expect(bands.nth(0)).to_contain_text("Een stevige basis.")


@pytest.mark.browser
def test_answers_persist_across_reload_and_instant_navigation(page: Page, small_url: str) -> None:
    page.goto(small_url + MODULE_3)
    complete(page)
    page.reload()
    assert result_rows(page) == {"Steun": "75%", "Rust": "13%", "Totaal": "44%"}
    page.locator(".leerpad-module-nav a[rel=prev]").click()
    expect(page).to_have_url(re.compile("het-gesprek/$"))
    page.locator(".leerpad-module-nav a[rel=next]").click()
    expect(page.locator(".leerpad-assessment__item").first.get_by_label("Altijd")).to_be_checked()
    assert result_rows(page)["Totaal"] == "44%"


@pytest.mark.browser
def test_reset_asks_first_and_clears_only_when_confirmed(page: Page, small_url: str) -> None:
    page.goto(small_url + MODULE_3)
    complete(page)
    reset = page.get_by_role("button", name="Begin opnieuw")
    page.once("dialog", lambda dialog: dialog.dismiss())
    reset.click()
    expect(page.locator(".leerpad-assessment input:checked")).to_have_count(4)
    messages: list[str] = []

    def accept(dialog) -> None:
        messages.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    reset.click()
    expect(page.locator(".leerpad-assessment input:checked")).to_have_count(0)
    assert messages == ["Wil je al je antwoorden op deze zelftest wissen?"]
    expect(page.locator(".leerpad-assessment__result")).to_be_hidden()
    page.reload()
    expect(page.locator(".leerpad-assessment input:checked")).to_have_count(0)


@pytest.mark.browser
def test_assessment_is_accessible_and_prints_its_result(page: Page, small_url: str) -> None:
    page.goto(small_url + MODULE_3)
    complete(page)
    results = Axe().run(page)
    ours = [
        (v["id"], n["html"][:80])
        for v in results.response["violations"]
        for n in v["nodes"]
        if "leerpad" in n["html"]
    ]
    assert ours == []
    page.emulate_media(media="print")
    expect(page.locator(".leerpad-assessment__result")).to_be_visible()
    expect(page.locator(".leerpad-assessment__actions")).to_be_hidden()
    expect(page.locator(".leerpad-chart")).to_be_visible()
    # "Print your result": the assessment alone, statements, answers and result.
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="Druk je uitslag af").click()
    expect(page.locator(".leerpad-assessment")).to_have_class(re.compile("leerpad-print-target"))
    expect(page.get_by_text("Collega's helpen me als het druk is.")).to_be_visible()
    expect(page.locator(".leerpad-assessment__band.is-match").first).to_be_visible()
    expect(page.locator(".leerpad-module-header")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()


@pytest.mark.browser
def test_instant_navigation_brings_the_self_assessment_its_stylesheet(
    page: Page, small_url: str
) -> None:
    # Module 2 has no self-assessment, so its page links no assessment stylesheet; the
    # loader adds it when instant navigation swaps in module 3, and only once.
    page.goto(small_url + "cursussen/proefcursus/het-gesprek/")
    sheets = page.locator('link[rel="stylesheet"][href*="leerpad-assessment."]')
    expect(sheets).to_have_count(0)
    page.evaluate("window.stillTheSamePage = true")
    page.locator(".leerpad-module-nav a[rel=next]").click()
    expect(page).to_have_url(re.compile("afronding/$"))
    assert page.evaluate("window.stillTheSamePage === true")  # no full page load
    expect(sheets).to_have_count(1)
    scale = page.locator(".leerpad-assessment__scale").first
    expect(scale).to_have_css("display", "flex")
    page.locator(".leerpad-module-nav a[rel=prev]").click()
    page.locator(".leerpad-module-nav a[rel=next]").click()
    expect(page).to_have_url(re.compile("afronding/$"))
    expect(sheets).to_have_count(1)
