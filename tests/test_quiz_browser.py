"""The quiz in a real browser: answering, feedback, persistence, faults, keyboard, a11y."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from conftest import Build, copy_site, run_build, serve, served_build

pytestmark = pytest.mark.browser

MODULE_1 = "cursussen/proefcursus/eerste-stappen/"
MODULE_2 = "cursussen/proefcursus/het-gesprek/"


def open_module(page: Page, base: str, url: str = MODULE_1) -> None:
    page.goto(base + url)
    expect(page.locator(".leerpad-quiz__actions").first).to_be_visible()


def quiz(page: Page, index: int = 0):
    return page.locator(".leerpad-quiz").nth(index)


def choose(page: Page, text: str, index: int = 0) -> None:
    quiz(page, index).get_by_label(text, exact=False).check()


def check(page: Page, index: int = 0) -> None:
    quiz(page, index).get_by_role("button", name="Controleer").click()


def test_right_answer_shows_feedback_and_explanation(page: Page, small_url: str) -> None:
    open_module(page, small_url)
    choose(page, "Je kijkt op en groet haar.")
    check(page)
    first = quiz(page)
    expect(first.locator(".leerpad-quiz__status")).to_have_text("Goed!")
    option = first.locator(".leerpad-quiz__option.is-right")
    expect(option.locator(".leerpad-quiz__mark")).to_have_text("Juist")
    expect(option.locator(".leerpad-quiz__feedback")).to_contain_text("oogcontact")
    expect(first.locator(".leerpad-quiz__fieldset .leerpad-quiz__explanation")).to_be_visible()
    expect(first.get_by_role("button", name="Toon het antwoord")).to_be_hidden()


def test_wrong_answer_explains_why_and_offers_the_answer(page: Page, small_url: str) -> None:
    open_module(page, small_url)
    choose(page, "Je werkt eerst je mail af.")
    check(page)
    first = quiz(page)
    expect(first.locator(".leerpad-quiz__status")).to_have_text(re.compile("^Nog niet goed"))
    wrong = first.locator(".leerpad-quiz__option.is-wrong")
    expect(wrong.locator(".leerpad-quiz__mark")).to_have_text("Onjuist")
    expect(wrong.locator(".leerpad-quiz__feedback")).to_have_text(
        "Dan voelt de klant zich onzichtbaar."
    )
    expect(first.locator(".leerpad-quiz__fieldset .leerpad-quiz__explanation")).to_be_hidden()
    # Only the chosen option's feedback shows.
    expect(first.locator(".leerpad-quiz__option .leerpad-quiz__feedback:visible")).to_have_count(1)
    first.get_by_role("button", name="Toon het antwoord").click()
    answer = first.locator(".leerpad-quiz__answer")
    expect(answer).to_be_visible()
    expect(answer).to_have_attribute("open", "")
    expect(first.locator(".leerpad-quiz__option.is-missed .leerpad-quiz__mark")).to_have_text(
        "Juist antwoord"
    )


def test_multiple_choice_reports_a_partial_answer(page: Page, small_url: str) -> None:
    open_module(page, small_url, MODULE_2)
    choose(page, "Wat is er precies gebeurd?")
    choose(page, "Heeft u het formulier ingevuld?")
    check(page)
    status = quiz(page).locator(".leerpad-quiz__status")
    expect(status).to_have_text(
        "Nog niet helemaal: je koos 1 van de 2 juiste antwoorden en 1 onjuist."
    )
    quiz(page).get_by_role("button", name="Probeer opnieuw").click()
    choose(page, "Wat is er precies gebeurd?")
    choose(page, "Waar heeft u nu het meest last van?")
    check(page)
    expect(status).to_have_text("Goed!")


def test_gap_accepts_alternatives_regardless_of_case_accents_and_spaces(
    page: Page, small_url: str
) -> None:
    open_module(page, small_url)
    gap = quiz(page, 1).get_by_label("Invulveld 1")
    gap.fill("veilige boot")
    gap.press("Enter")
    status = quiz(page, 1).locator(".leerpad-quiz__status")
    expect(status).to_have_text("Nog niet goed: 0 van 1 veld goed.")
    expect(gap).to_have_attribute("aria-invalid", "true")
    gap.fill("  VEILIGE  Plëk ")
    check(page, 1)
    expect(status).to_have_text("Goed!")
    expect(gap).to_have_attribute("aria-invalid", "false")


def test_hint_is_revealed_on_request(page: Page, small_url: str) -> None:
    open_module(page, small_url)
    hint_text = quiz(page).locator(".leerpad-quiz__hint-text")
    expect(hint_text).to_be_hidden()
    quiz(page).locator(".leerpad-quiz__hint summary").click()
    expect(hint_text).to_contain_text("Wat zou jij willen")


def test_retry_clears_the_answer_and_returns_focus(page: Page, small_url: str) -> None:
    open_module(page, small_url)
    choose(page, "Je werkt eerst je mail af.")
    check(page)
    quiz(page).get_by_role("button", name="Probeer opnieuw").click()
    expect(quiz(page).locator(".leerpad-quiz__status")).to_be_hidden()
    expect(quiz(page).locator("input:checked")).to_have_count(0)
    expect(quiz(page).locator("input").first).to_be_focused()


def test_score_summary_counts_right_answers_on_the_page(page: Page, small_url: str) -> None:
    open_module(page, small_url)
    score = page.locator(".leerpad-score")
    expect(score).to_have_text("Op deze pagina staan 2 vragen.")
    choose(page, "Je kijkt op en groet haar.")
    check(page)
    expect(score).to_have_text("Op deze pagina: 1 van 2 vragen goed")


def test_answers_survive_a_reload(page: Page, small_url: str) -> None:
    open_module(page, small_url)
    choose(page, "Je werkt eerst je mail af.")
    check(page)
    quiz(page, 1).get_by_label("Invulveld 1").fill("veilige haven")
    check(page, 1)
    page.reload()
    expect(quiz(page).get_by_label("Je werkt eerst je mail af.")).to_be_checked()
    expect(quiz(page).locator(".leerpad-quiz__status")).to_have_text(re.compile("^Nog niet goed"))
    expect(quiz(page, 1).get_by_label("Invulveld 1")).to_have_value("veilige haven")
    expect(page.locator(".leerpad-score")).to_have_text("Op deze pagina: 1 van 2 vragen goed")


def test_answers_survive_instant_navigation(page: Page, small_url: str) -> None:
    open_module(page, small_url)
    choose(page, "Je kijkt op en groet haar.")
    check(page)
    page.evaluate("window.__sameDocument = true")
    page.locator(".leerpad-module-nav a[rel=next]").click()
    expect(page).to_have_url(re.compile("het-gesprek/$"))
    choose(page, "Wat is er precies gebeurd?")
    page.locator(".leerpad-module-nav a[rel=prev]").click()
    expect(page).to_have_url(re.compile("eerste-stappen/$"))
    # Still the same document: Material swapped the page without reloading scripts.
    assert page.evaluate("window.__sameDocument") is True
    expect(quiz(page).locator(".leerpad-quiz__status")).to_have_text("Goed!")
    expect(page.locator(".leerpad-quiz__actions")).to_have_count(2)
    expect(page.locator(".leerpad-score")).to_have_count(1)


def test_editing_one_quiz_resets_only_that_quiz(browser, tmp_path: Path) -> None:
    project = copy_site("small", tmp_path)
    context = browser.new_context()
    page = context.new_page()
    with served_build(project) as (_, base):
        open_module(page, base)
        choose(page, "Je kijkt op en groet haar.")
        check(page)
        quiz(page, 1).get_by_label("Invulveld 1").fill("veilige haven")
        check(page, 1)
        module = project / "courses/proefcursus/01-eerste-stappen.md"
        module.write_text(module.read_text().replace("je mail af", "je agenda bij"))
        assert run_build(project).returncode == 0
        open_module(page, base)
        expect(quiz(page).locator("input:checked")).to_have_count(0)
        expect(quiz(page).locator(".leerpad-quiz__status")).to_be_hidden()
        expect(quiz(page, 1).get_by_label("Invulveld 1")).to_have_value("veilige haven")
        expect(quiz(page, 1).locator(".leerpad-quiz__status")).to_have_text("Goed!")
    context.close()


BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('blocked', 'SecurityError'); }
});
"""


def test_quiz_works_when_local_storage_throws(browser, small_url: str) -> None:
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack}"))
    open_module(page, small_url)
    expect(page.locator(".leerpad-notice")).to_have_count(1)
    expect(page.locator(".leerpad-notice")).to_contain_text("niets bewaren")
    choose(page, "Je kijkt op en groet haar.")
    check(page)
    expect(quiz(page).locator(".leerpad-quiz__status")).to_have_text("Goed!")
    # Kept in memory across instant navigation within the visit.
    page.locator(".leerpad-module-nav a[rel=next]").click()
    page.locator(".leerpad-module-nav a[rel=prev]").click()
    expect(quiz(page).locator(".leerpad-quiz__status")).to_have_text("Goed!")
    # Material's own scripts complain about the blocked storage; ours must not.
    assert [error for error in errors if "leerpad" in error] == []
    context.close()


def test_quiz_works_when_local_storage_is_full(browser, small_url: str) -> None:
    context = browser.new_context()
    context.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
    )
    page = context.new_page()
    open_module(page, small_url)
    choose(page, "Je kijkt op en groet haar.")
    check(page)
    expect(quiz(page).locator(".leerpad-quiz__status")).to_have_text("Goed!")
    expect(page.locator(".leerpad-notice")).to_have_count(1)
    context.close()


def test_corrupt_stored_data_is_set_aside_not_lost(page: Page, small_url: str) -> None:
    page.goto(small_url)
    page.evaluate("localStorage.setItem('leerpad:v1', '{half geschreven')")
    open_module(page, small_url)
    choose(page, "Je kijkt op en groet haar.")
    check(page)
    expect(quiz(page).locator(".leerpad-quiz__status")).to_have_text("Goed!")
    kept = page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('leerpad:v1:onleesbaar'))"
        ".map(k => localStorage.getItem(k))"
    )
    assert kept == ["{half geschreven"]
    page.reload()
    expect(quiz(page).locator(".leerpad-quiz__status")).to_have_text("Goed!")


def test_keyboard_only_use(page: Page, small_url: str) -> None:
    open_module(page, small_url)
    first_option = quiz(page).locator("input").first
    first_option.focus()
    page.keyboard.press("ArrowDown")
    # Arrow keys move between options (and select, as radios do), never submit.
    expect(quiz(page).locator("input").nth(1)).to_be_focused()
    expect(quiz(page).locator("input").nth(1)).to_be_checked()
    expect(quiz(page).locator(".leerpad-quiz__status")).to_be_hidden()
    page.keyboard.press("Tab")  # the hint's summary
    page.keyboard.press("Tab")  # the check button
    expect(quiz(page).get_by_role("button", name="Controleer")).to_be_focused()
    page.keyboard.press("Enter")
    expect(quiz(page).locator(".leerpad-quiz__status")).to_have_text("Goed!")


def test_no_accessibility_violations_in_leerpad_markup(page: Page, small_url: str) -> None:
    open_module(page, small_url)
    choose(page, "Je werkt eerst je mail af.")
    check(page)
    quiz(page).get_by_role("button", name="Toon het antwoord").click()
    results = Axe().run(page)
    ours = [
        (violation["id"], node["target"])
        for violation in results.response["violations"]
        for node in violation["nodes"]
        if "leerpad" in node["html"]
    ]
    assert ours == []


def test_dark_palette_keeps_right_and_wrong_legible(browser, small_url: str) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    open_module(page, small_url)
    choose(page, "Je werkt eerst je mail af.")
    check(page)
    results = Axe().run(page, options={"runOnly": ["color-contrast"]})
    ours = [
        (v["id"], n["html"], n["failureSummary"])
        for v in results.response["violations"]
        for n in v["nodes"]
        if "leerpad" in n["html"]
    ]
    assert ours == []
    context.close()


def _inline_script_hashes(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    hashes = []
    for script in soup.find_all("script", src=False):
        if script.get("type") in ("application/json",):
            continue
        digest = hashlib.sha256(script.string.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def test_quiz_runs_under_a_csp_without_unsafe_inline(browser, small_build: Build) -> None:
    html = small_build.page(MODULE_1)
    policy = "default-src 'self'; script-src 'self' " + " ".join(_inline_script_hashes(html))
    policy += "; style-src 'self'; img-src 'self' data:"
    violations: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    with serve(small_build.site, {"Content-Security-Policy": policy}) as base:
        open_module(page, base)
        choose(page, "Je kijkt op en groet haar.")
        check(page)
        expect(quiz(page).locator(".leerpad-quiz__status")).to_have_text("Goed!")
    assert [v for v in violations if "leerpad" in v] == []
    context.close()


def test_without_javascript_the_answer_can_be_revealed(browser, small_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(small_url + MODULE_1)
    first = quiz(page)
    expect(first.locator("label", has_text="Je kijkt op en groet haar.")).to_be_visible()
    expect(first.locator(".leerpad-quiz__actions")).to_be_hidden()
    first.locator(".leerpad-quiz__answer summary").click()
    expect(first.locator(".leerpad-quiz__key")).to_contain_text("Juist: Je kijkt op en groet haar.")
    expect(first.locator(".leerpad-quiz__explanation")).to_be_visible()
    context.close()


def test_print_shows_question_and_options_only(page: Page, small_url: str) -> None:
    open_module(page, small_url)
    choose(page, "Je werkt eerst je mail af.")
    check(page)
    page.emulate_media(media="print")
    first = quiz(page)
    expect(first.locator("label", has_text="Je kijkt op en groet haar.")).to_be_visible()
    expect(first.locator(".leerpad-quiz__actions")).to_be_hidden()
    expect(first.locator(".leerpad-quiz__status")).to_be_hidden()
    expect(first.locator(".leerpad-quiz__feedback").first).to_be_hidden()


def test_shuffle_is_the_same_for_one_learner_and_keeps_every_option(
    browser, tmp_path: Path
) -> None:
    project = copy_site("small", tmp_path)
    module = project / "courses/proefcursus/2-het-gesprek.md"
    module.write_text(
        module.read_text().replace(
            "/// quiz | Welke vragen nodigen uit tot een gesprek?",
            "/// quiz | Welke vragen nodigen uit tot een gesprek?\n    shuffle: true",
        )
    )
    source_order = [
        "Wat is er precies gebeurd?",
        "Heeft u het formulier ingevuld?",
        "Waar heeft u nu het meest last van?",
    ]
    orders = []
    with served_build(project) as (_, base):
        for _ in range(6):  # six learners
            context = browser.new_context()
            page = context.new_page()
            open_module(page, base, MODULE_2)
            labels = quiz(page).locator(".leerpad-quiz__option label")
            first = [text.strip() for text in labels.all_inner_texts()]
            page.reload()
            expect(quiz(page).locator(".leerpad-quiz__actions")).to_be_visible()
            assert [text.strip() for text in labels.all_inner_texts()] == first
            orders.append(first)
            context.close()
    assert all(sorted(order) == sorted(source_order) for order in orders)
    assert len({tuple(order) for order in orders}) > 1, "learners see different orders"
