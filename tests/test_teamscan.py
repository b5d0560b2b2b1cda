"""Result codes and the team scan: combining a team's answers in one browser."""

from __future__ import annotations

import re
import textwrap

import markdown
import pytest
from playwright.sync_api import Browser, Page, expect

from leerpad.markdown import LeerpadExtension

from conftest import answered_assessment

MODULE_3 = "cursussen/proefcursus/afronding/"

ASSESSMENT = """
/// assessment | Teamcheck
    id: teamcheck
    scale: [Nee, Soms, Ja]
    dimensions: {steun: Steun}

- [steun] Ik krijg hulp.

//// band | 0-100
Tekst.
////
///
"""


def convert(source: str, **settings: object) -> tuple[str, list[str]]:
    settings = {"language": "nl", "path": "scan.md", **settings}
    md = markdown.Markdown(extensions=[LeerpadExtension(**settings)])
    html = md.convert(textwrap.dedent(source))
    return html, [str(p) for p in md.leerpad_problems]


def test_team_scan_renders_the_assessments_scoring_data() -> None:
    html, problems = convert(ASSESSMENT + "\n/// teamscan | teamcheck\n///\n")
    assert problems == []
    assert 'data-leerpad-teamscan="teamcheck"' in html
    assert 'data-leerpad-items="[[&quot;steun&quot;, 0]]"' in html
    assert 'data-leerpad-top="2"' in html


def test_team_scan_for_an_unknown_assessment_names_the_line() -> None:
    html, problems = convert("Tekst.\n\n/// teamscan | bestaat-niet\n///\n", language="en")
    assert problems == ["scan.md:3: no self-assessment has the id 'bestaat-niet'; known ids: none"]
    assert "leerpad-error" in html


# ---- In the browser ----------------------------------------------------------------


def fnv_base36(text: str) -> str:
    """The result code's check number, computed independently of the page's script."""
    value = 2166136261
    for char in text:
        value = ((value ^ ord(char)) * 16777619) & 0xFFFFFFFF
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if not value:
            return out


def code_for(browser: Browser, base: str, answers: list[str]) -> str:
    """Fill in the assessment in a fresh browser (one team member) and copy the code."""
    with answered_assessment(browser, base + MODULE_3, answers) as page:
        return page.locator(".leerpad-share__code").input_value()


@pytest.fixture(scope="module")
def team_codes(browser: Browser, small_url: str) -> list[str]:
    return [
        code_for(browser, small_url, ["Altijd", "Soms", "Nooit", "Zelden"]),  # 75, 13, 44
        code_for(browser, small_url, ["Altijd", "Nooit", "Altijd", "Altijd"]),  # 100, 100, 100
        code_for(browser, small_url, ["Nooit", "Altijd", "Soms", "Soms"]),  # 0, 50, 25
    ]


def team_rows(page: Page) -> dict[str, list[str]]:
    rows = page.locator(".leerpad-teamscan__result tbody tr")
    rows.first.wait_for()  # the script fills the table once the page has started
    return {
        rows.nth(i).locator("th").inner_text(): rows.nth(i).locator("td").all_inner_texts()
        for i in range(rows.count())
    }


@pytest.mark.browser
def test_result_code_holds_answers_only_and_is_checksummed(team_codes: list[str]) -> None:
    assessment_id, version, digits, tag, check = team_codes[0].split(".")
    assert assessment_id == "teamcheck"
    assert re.fullmatch(r"[0-9a-f]{6}", version)
    assert digits == "4201"
    assert re.fullmatch(r"[0-9a-z]{1,5}", tag)  # random per browser: tells people apart
    assert check == fnv_base36(f"{assessment_id}.{version}.{digits}.{tag}")


@pytest.mark.browser
def test_team_scan_shows_average_lowest_highest_and_division(
    page: Page, small_url: str, team_codes: list[str]
) -> None:
    page.goto(small_url + "teamscan/")
    page.get_by_label("Plak hier de uitslagcodes").fill("\n".join(team_codes))
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    assert team_rows(page) == {
        "Steun": ["58%", "0%", "100%"],
        "Rust": ["54%", "13%", "100%"],
        "Totaal": ["56%", "25%", "100%"],
    }
    result = page.locator(".leerpad-teamscan__result")
    expect(result).to_contain_text("Teamuitslag van 3 teamleden")
    expect(result.locator(".leerpad-teamscan__divided")).to_have_text(
        "Hier verschilt het team het meest van mening: Steun (van 0% tot 100%)."
    )
    bands = result.locator(".leerpad-assessment__band")
    expect(bands.nth(0)).to_contain_text("Een stevige basis.")  # average 56: 50-100
    expect(bands.nth(1)).to_contain_text("Je kunt op je collega's rekenen.")  # steun 58


@pytest.mark.browser
def test_one_code_is_one_team_member(page: Page, small_url: str, team_codes: list[str]) -> None:
    page.goto(small_url + "teamscan/")
    page.get_by_label("Plak hier de uitslagcodes").fill(team_codes[0])
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    result = page.locator(".leerpad-teamscan__result")
    expect(result).to_contain_text("Teamuitslag van 1 teamlid")
    expect(page.locator(".leerpad-teamscan")).to_contain_text("1 van de 1 code telt mee.")


@pytest.mark.browser
def test_bad_codes_are_rejected_one_by_one_and_good_ones_still_count(
    page: Page, small_url: str, team_codes: list[str]
) -> None:
    good = team_codes[0]
    assessment_id, version, digits, tag, check = good.split(".")
    tampered = f"{assessment_id}.{version}.{'0' + digits[1:]}.{tag}.{check}"
    other_body = f"veilige-haven.{version}.{digits}"
    other = f"{other_body}.{fnv_base36(other_body)}"
    old_body = f"{assessment_id}.abcdef.{digits}"
    old = f"{old_body}.{fnv_base36(old_body)}"
    codes = [good, good[:20], tampered, other, old, good, team_codes[1], "Noor, 10:32"]
    page.goto(small_url + "teamscan/")
    page.get_by_label("Plak hier de uitslagcodes").fill("\n".join(codes))
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    verdicts = page.locator(".leerpad-teamscan__codes-report li")
    assert [verdicts.nth(i).get_attribute("data-verdict") for i in range(8)] == [
        "codeOk",
        "codeShort",
        "codeChecksum",
        "codeOther",
        "codeVersion",
        "codeDuplicate",
        "codeOk",
        "lineSkipped",
    ]
    # Each says what is really wrong: cut short, changed, another scan's, not a code.
    expect(verdicts.nth(1)).to_contain_text("deze code is onvolledig")
    expect(verdicts.nth(2)).to_contain_text("het controlegetal klopt niet")
    expect(verdicts.nth(3)).to_contain_text("deze code hoort bij een andere teamscan")
    expect(verdicts.nth(7)).to_have_text("Regel 8 is geen code en telt niet mee: Noor, 10:32")
    expect(page.locator(".leerpad-teamscan__report > p")).to_have_text(
        "2 van de 7 codes tellen mee."
    )
    expect(page.locator(".leerpad-teamscan__few")).to_be_visible()
    assert team_rows(page)["Totaal"] == ["72%", "44%", "100%"]


@pytest.mark.browser
def test_codes_can_arrive_in_the_url_fragment(
    page: Page, small_url: str, team_codes: list[str]
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(small_url + "teamscan/#codes=" + ",".join(team_codes))
    assert team_rows(page)["Totaal"] == ["56%", "25%", "100%"]
    assert not any(code in url for url in requests for code in team_codes)


@pytest.mark.browser
def test_share_link_opens_the_team_scan_with_the_code(page: Page, small_url: str) -> None:
    page.goto(small_url + MODULE_3)
    for number, label in enumerate(["Altijd", "Soms", "Nooit", "Zelden"]):
        page.locator(".leerpad-assessment__item").nth(number).get_by_label(
            label, exact=True
        ).check()
    page.get_by_role("link", name="Open de teamscan met deze code").click()
    expect(page).to_have_url(re.compile(r"teamscan/#codes=teamcheck\."))
    assert team_rows(page)["Totaal"] == ["44%", "44%", "44%"]
