"""Team texts in a self-assessment's bands, and the team scan that speaks to a team.

A band may end in a paragraph starting ``**Team:**``: the team scan shows that text, a
band without one is shown with neutral words on whom it was written for, and the chart
shows each theme's range next to its average.
"""

from __future__ import annotations

import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from leerpad.markdown import LeerpadExtension

from conftest import answered_assessment, copy_site, served_build

ASSESSMENT = """\
/// assessment | Teamcheck
    id: teamcheck
    scale: [Nee, Soms, Ja]
    dimensions: {steun: Steun}
- [steun] Ik krijg hulp.
//// band | 0-49
Je staat er vaak alleen voor.

**Team:** In dit team staan mensen er vaak alleen voor.

Spreek af wie je belt na een zwaar gesprek.
////
//// band | 50-100
Je krijgt hulp als je die vraagt.
////
///
"""


def convert(source: str, language: str = "nl") -> tuple[BeautifulSoup, list[str]]:
    md = markdown.Markdown(extensions=[LeerpadExtension(language=language, path="les.md")])
    html = md.convert(textwrap.dedent(source))
    return BeautifulSoup(html, "html.parser"), [str(p) for p in md.leerpad_problems]


def test_a_band_s_team_text_is_kept_apart_from_the_learner_s_text() -> None:
    page, problems = convert(ASSESSMENT)
    assert problems == []
    low = page.select(".leerpad-assessment__band")[0]
    assert low.select_one(".leerpad-assessment__band-text").get_text().strip() == (
        "Je staat er vaak alleen voor."
    )
    team = low.select_one(".leerpad-assessment__band-team")
    assert team.has_attr("hidden")  # a learner's own result never shows it
    assert [p.get_text() for p in team.select("p")] == [
        "In dit team staan mensen er vaak alleen voor.",
        "Spreek af wie je belt na een zwaar gesprek.",
    ]
    high = page.select(".leerpad-assessment__band")[1]
    assert high.select_one(".leerpad-assessment__band-team") is None


def test_a_team_marker_inside_a_code_block_is_text() -> None:
    source = ASSESSMENT.replace(
        "Je krijgt hulp als je die vraagt.\n",
        "Je krijgt hulp als je die vraagt.\n\n```\n**Team:** voorbeeld\n```\n",
    )
    page, problems = convert(source)
    assert problems == []
    high = page.select(".leerpad-assessment__band")[1]
    assert high.select_one(".leerpad-assessment__band-team") is None
    assert "**Team:** voorbeeld" in high.get_text()


MISTAKES = {
    "twice": (
        ASSESSMENT.replace("Spreek af wie", "**Team:** Nog een keer.\n\nSpreek af wie"),
        "en",
        "les.md:11: this band already has a team text (line 9); write one '**Team:**' "
        "paragraph per band",
    ),
    "empty": (
        ASSESSMENT.replace(
            "Je krijgt hulp als je die vraagt.\n", "Je krijgt hulp als je die vraagt.\n**Team:**\n"
        ),
        "nl",
        "les.md:15: na '**Team:**' staat geen tekst; schrijf wat deze score voor een team "
        "betekent, of haal de regel weg",
    ),
    "colon outside the stars": (
        ASSESSMENT.replace("Je krijgt hulp", "**Team**: Jullie krijgen hulp.\n\nJe krijgt hulp"),
        "nl",
        "les.md:14: een teamtekst begint met '**Team:**' (de dubbele punt binnen de "
        "sterretjes); bedoel je '**Team:**' in plaats van '**Team**:'?",
    ),
    "lower case": (
        ASSESSMENT.replace("Je krijgt hulp", "**team:** Jullie krijgen hulp.\n\nJe krijgt hulp"),
        "en",
        "les.md:14: a team text starts with '**Team:**' (the colon inside the stars); "
        "did you mean '**Team:**' instead of '**team:**'?",
    ),
}


@pytest.mark.parametrize("case", MISTAKES)
def test_team_text_mistakes_are_named_at_their_line(case: str) -> None:
    source, language, expected = MISTAKES[case]
    page, problems = convert(source, language)
    assert problems == [expected]
    assert expected.split(": ", 1)[1] in " ".join(
        b.get_text() for b in page.select(".leerpad-error")
    )


# ---- In the browser ----------------------------------------------------------------

MODULE_3 = "cursussen/proefcursus/afronding/"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def team_text_url(tmp_path_factory: pytest.TempPathFactory):
    """The small site whose overall 50-100 band has a team text; steun's bands have none."""
    project = copy_site("small", tmp_path_factory.mktemp("teamtext"))
    module = project / "courses/proefcursus/10-afronding.md"
    text = module.read_text(encoding="utf-8").replace(
        "**Een stevige basis.** Houd vast wat werkt.\n",
        "**Een stevige basis.** Houd vast wat werkt.\n\n"
        "**Team:** Jullie hebben samen een stevige basis. Bespreek wat jullie vasthouden.\n",
    )
    module.write_text(text, encoding="utf-8")
    with served_build(project) as (_, base):
        yield base


def code_for(browser: Browser, base: str, answers: list[str]) -> str:
    with answered_assessment(browser, base + MODULE_3, answers) as page:
        code = page.locator(".leerpad-share__code").input_value()
        own = page.locator(".leerpad-assessment__result")
        expect(own).to_contain_text("Houd vast wat werkt.")  # overall 50-100 for these answers
        expect(own.get_by_text("Jullie hebben samen")).to_be_hidden()  # not for one learner
        return code


@pytest.fixture(scope="module")
def codes(browser: Browser, team_text_url: str) -> list[str]:
    return [
        code_for(browser, team_text_url, ["Altijd", "Soms", "Altijd", "Vaak"]),
        code_for(browser, team_text_url, ["Altijd", "Nooit", "Altijd", "Altijd"]),
        code_for(browser, team_text_url, ["Vaak", "Soms", "Soms", "Vaak"]),
    ]


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser: Browser):
    context = browser.new_context(viewport=SIZES[request.param])
    yield context.new_page()
    context.close()


def test_the_team_scan_uses_team_texts_and_neutral_words_and_shows_ranges(
    sized_page: Page, team_text_url: str, codes: list[str]
) -> None:
    page = sized_page
    page.goto(team_text_url + "teamscan/")
    page.get_by_label("Plak hier de uitslagcodes").fill("\n".join(codes))
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    result = page.locator(".leerpad-teamscan__result")
    bands = result.locator(".leerpad-assessment__band")
    overall, steun = bands.nth(0), bands.nth(1)
    expect(overall).to_contain_text("Jullie hebben samen een stevige basis.")
    expect(overall.get_by_text("Houd vast wat werkt.")).to_have_count(0)
    expect(steun).to_contain_text("Je kunt op je collega's rekenen.")
    expect(steun.locator(".leerpad-teamscan__for-one")).to_have_text(
        "Deze uitslagtekst is geschreven voor één deelnemer met deze score. Lees hem als "
        "begin van een gesprek: herkennen jullie je erin?"
    )
    rows = result.locator("tbody tr")
    table = {
        rows.nth(i).locator("th").inner_text(): rows.nth(i).locator("td").all_inner_texts()
        for i in range(rows.count())
    }
    chart_rows = result.locator(".leerpad-chart__row")
    expect(chart_rows).to_have_count(len(table))
    for index, (label, (average, lowest, highest)) in enumerate(table.items()):
        row = chart_rows.nth(index)
        low, high = lowest.rstrip("%"), highest.rstrip("%")
        expect(row.locator("text").nth(0)).to_have_text(label)
        expect(row.locator("text").nth(1)).to_have_text(f"{average} ({low}–{high}%)")
        range_bar = row.locator(".leerpad-chart__range")
        expect(range_bar).to_have_attribute("x", f"{low}%")
        expect(range_bar).to_have_attribute("width", f"{int(high) - int(low)}%")
    assert len({tuple(v) for v in table.values()}) > 1  # the team differs: ranges are real
    # Drawn where the table says: the range's ends sit on the track at lowest and highest.
    box = chart_rows.nth(0).locator(".leerpad-chart__track").bounding_box()
    bar = chart_rows.nth(0).locator(".leerpad-chart__range").bounding_box()
    first = next(iter(table.values()))
    assert box and bar
    expected_left = box["x"] + box["width"] * int(first[1].rstrip("%")) / 100
    assert abs(bar["x"] - expected_left) < 2


def test_team_scan_result_with_team_texts_has_no_axe_violations(
    browser: Browser, team_text_url: str, codes: list[str]
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=SIZES["phone"])
    page = context.new_page()
    page.goto(team_text_url + "teamscan/")
    page.get_by_label("Plak hier de uitslagcodes").fill("\n".join(codes))
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    expect(page.locator(".leerpad-teamscan__result")).to_be_visible()
    found = Axe().run(page, context={"include": [[".leerpad-teamscan"]]}).response["violations"]
    context.close()
    assert [(v["id"], n["html"][:100]) for v in found for n in v["nodes"]] == []
