"""The team scan counts everyone: alike answers, chat pastes, odd share links, code names."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import answered_assessment

pytestmark = pytest.mark.browser

MODULE_3 = "cursussen/proefcursus/afronding/"
SAME = ["Vaak", "Vaak", "Vaak", "Vaak"]


def member(browser: Browser, base: str, answers: list[str]) -> tuple[str, str]:
    """One colleague in a browser of their own: (their code, the name shown with it)."""
    with answered_assessment(browser, base + MODULE_3, answers) as page:
        code = page.locator(".leerpad-share__code").input_value()
        return code, page.locator(".leerpad-share__label").inner_text()


@pytest.fixture(scope="module")
def team(browser: Browser, small_url: str) -> list[tuple[str, str]]:
    return [
        member(browser, small_url, SAME),
        member(browser, small_url, SAME),
        member(browser, small_url, ["Altijd", "Soms", "Nooit", "Zelden"]),
    ]


def verdicts(page: Page) -> list[str | None]:
    lines = page.locator(".leerpad-teamscan__codes-report li")
    lines.first.wait_for()
    return [lines.nth(i).get_attribute("data-verdict") for i in range(lines.count())]


def test_two_colleagues_with_the_same_answers_both_count(
    page: Page, small_url: str, team: list[tuple[str, str]]
) -> None:
    (first, first_name), (second, second_name), _ = team
    assert first != second
    assert first_name != second_name
    page.goto(small_url + "teamscan/")
    # The same code pasted twice is still one person.
    page.get_by_label("Plak hier de uitslagcodes").fill(f"{first}\n{second}\n{first}")
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    assert verdicts(page) == ["codeOk", "codeOk", "codeDuplicate"]
    expect(page.locator(".leerpad-teamscan__result")).to_contain_text("Teamuitslag van 2 teamleden")


def test_a_chat_paste_counts_its_codes_and_names_them_as_the_learners_saw(
    page: Page, small_url: str, team: list[tuple[str, str]]
) -> None:
    (first, first_name), (second, second_name), (third, third_name) = team
    assert first_name.startswith("Naam van je code: ")
    chat = (
        f"[09:58] Sanne Bakker: {first}\n"
        f"10:02 Youssef: hier is de mijne: {second}, groet!\n"
        f"10:05 Iris: {third}"
    )
    page.goto(small_url + "teamscan/")
    page.get_by_label("Plak hier de uitslagcodes").fill(chat)
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    assert verdicts(page) == ["codeOk", "codeOk", "codeOk"]
    expect(page.locator(".leerpad-teamscan__report > p")).to_have_text(
        "3 van de 3 codes tellen mee."
    )
    lines = page.locator(".leerpad-teamscan__codes-report li")
    for index, name in enumerate([first_name, second_name, third_name]):
        label = name.removeprefix("Naam van je code: ")
        expect(lines.nth(index)).to_contain_text(f"Code {index + 1}, {label} (")


def test_a_broken_share_link_still_counts_its_good_codes(
    page: Page, small_url: str, team: list[tuple[str, str]]
) -> None:
    codes = [code for code, _ in team]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(small_url + "teamscan/#codes=" + ",".join(codes) + ",%E0%A4%A")
    assert verdicts(page) == ["codeOk", "codeOk", "codeOk", "codeBroken"]
    expect(page.locator(".leerpad-teamscan__report > p")).to_have_text(
        "3 van de 4 codes tellen mee."
    )
    # A new fragment while the page is open is read like a fresh load.
    page.evaluate("(code) => { location.hash = 'codes=' + code + '%'; }", codes[0])
    expect(page.locator(".leerpad-teamscan__report > p")).to_have_text("1 van de 2 codes telt mee.")
    assert verdicts(page) == ["codeOk", "codeBroken"]
    assert errors == []


def test_a_report_never_cuts_a_character_in_half(page: Page, small_url: str) -> None:
    page.goto(small_url + "teamscan/")
    page.get_by_label("Plak hier de uitslagcodes").fill("teamcheck.a😀😀😀😀😀.1")
    page.get_by_role("button", name="Bekijk de teamuitslag").click()
    line = page.locator(".leerpad-teamscan__codes-report li").first.inner_text()
    assert "\ufffd" not in line
    assert not any(0xD800 <= ord(char) <= 0xDFFF for char in line)
    assert "(teamcheck.a😀😀😀…)" in line
