"""Gap answers as phones type them, typo tolerance, and feedback that reads right."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import copy_site, served_build

pytestmark = pytest.mark.browser

CASES = Path(__file__).resolve().parent / "cases"
GAPS = "cursussen/proefcursus/invulvragen/"
MODULE_1 = "cursussen/proefcursus/eerste-stappen/"
MODULE_2 = "cursussen/proefcursus/het-gesprek/"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory):
    """The small site with a module of gap questions (tests/cases/invulvragen.md)."""
    project = copy_site("small", tmp_path_factory.mktemp("gaps"))
    shutil.copy(CASES / "invulvragen.md", project / "courses/proefcursus/05-invulvragen.md")
    with served_build(project) as (_, base):
        yield base


@pytest.fixture(params=["phone", "desktop"])
def sized_page(request, browser):
    """A fresh page at a phone's or a desktop's size."""
    size = PHONE if request.param == "phone" else {"width": 1280, "height": 900}
    context = browser.new_context(viewport=size, has_touch=request.param == "phone")
    yield context.new_page()
    context.close()


def answer_gap(page: Page, quiz_id: str, typed: str) -> str:
    """Type ``typed`` into the quiz's gap, check, and return the status line."""
    quiz = page.locator(f"#{quiz_id}")
    quiz.locator("input.leerpad-quiz__gap").fill(typed)
    quiz.locator(".leerpad-quiz__actions button").first.click()
    status = quiz.locator(".leerpad-quiz__status")
    expect(status).not_to_be_empty()
    return status.inner_text()


# What phones and word processors type where the author wrote plain characters.
TYPED_RIGHT = {
    "invul-trema": ["beëindigt", "BEEINDIGT ", "bee\u0308indigt", "be\u00ebindigt"],
    "invul-apostrof": [
        "'s middags",
        "\u2019s middags",
        "\u2018s middags",
        "\u2019s\u00a0middags",
        "`s middags",
    ],
    "invul-accent": ["café", "cafe", "cafe\u0301", "CAFÉ"],
    "invul-streepje": ["follow-up", "follow\u2013up", "follow\u2011up", "follow\u2010up"],
}


def test_gap_accepts_what_phones_and_word_processors_type(sized_page: Page, site_url: str):
    sized_page.goto(site_url + GAPS)
    expect(sized_page.locator(".leerpad-quiz__actions").first).to_be_visible()
    verdicts = {
        (quiz_id, typed): answer_gap(sized_page, quiz_id, typed)
        for quiz_id, variants in TYPED_RIGHT.items()
        for typed in variants
    }
    assert {key: v for key, v in verdicts.items() if v != "Goed!"} == {}


def test_gap_still_rejects_a_different_word(page: Page, site_url: str):
    page.goto(site_url + GAPS)
    assert answer_gap(page, "invul-apostrof", "s middags").startswith("Nog niet goed")
    assert answer_gap(page, "invul-streepje", "followup").startswith("Nog niet goed")
    # Without typos: 1, one wrong letter is wrong.
    assert answer_gap(page, "invul-accent", "cafa") == "Nog niet goed: 0 van 1 veld goed."


def test_typos_option_forgives_one_letter_and_says_so(sized_page: Page, site_url: str):
    sized_page.goto(site_url + GAPS)
    quiz = sized_page.locator("#invul-spelling")
    for typo in ["medewerkrs", "medewerkers", "medewerekrs", "medeworkers"]:
        status = answer_gap(sized_page, "invul-spelling", typo)
        if typo == "medewerkers":
            assert status == "Goed!"
            expect(quiz.locator(".leerpad-quiz__mark")).to_have_text("Juist")
        else:
            assert status == "Goed! Let wel op de spelling: medewerkers.", typo
            expect(quiz.locator(".leerpad-quiz__mark")).to_have_text(
                "Bijna goed, let op de spelling"
            )
    for too_far in ["medwerkrs", "klanten"]:
        assert answer_gap(sized_page, "invul-spelling", too_far).startswith("Nog niet goed")


def test_typos_option_must_be_zero_or_one(tmp_path: Path) -> None:
    from conftest import run_build

    project = copy_site("small", tmp_path)
    module = project / "courses/proefcursus/05-invulvragen.md"
    module.write_text(
        (CASES / "invulvragen.md").read_text().replace("typos: 1", "typos: ja"), "utf-8"
    )
    build = run_build(project)
    assert build.returncode != 0
    assert re.search(r"05-invulvragen\.md:\d+: .*typos: 1", build.log), build.log


# ---- Wording ------------------------------------------------------------------------


def test_revealed_single_choice_answer_is_not_called_also_correct(page: Page, site_url: str):
    page.goto(site_url + MODULE_1)
    quiz = page.locator(".leerpad-quiz").first
    quiz.get_by_label("Je werkt eerst je mail af.").check()
    quiz.get_by_role("button", name="Controleer").click()
    quiz.get_by_role("button", name="Toon het antwoord").click()
    missed = quiz.locator(".leerpad-quiz__option.is-missed")
    expect(missed).to_contain_text("Je kijkt op en groet haar.")
    expect(quiz.locator(".leerpad-quiz__fieldset")).not_to_contain_text("Ook juist")


def test_right_option_does_not_say_juist_twice(page: Page, site_url: str):
    page.goto(site_url + MODULE_1)
    quiz = page.locator(".leerpad-quiz").first
    quiz.get_by_label("Je kijkt op en groet haar.").check()
    quiz.get_by_role("button", name="Controleer").click()
    option = quiz.locator(".leerpad-quiz__option.is-right")
    expect(option.locator(".leerpad-quiz__feedback")).to_contain_text("Juist: even oogcontact")
    said = re.findall(r"\bJuist\b", option.inner_text())
    assert said == ["Juist"], option.inner_text()


def test_wrong_option_keeps_its_mark_when_feedback_does_not_say_it(page: Page, site_url: str):
    page.goto(site_url + MODULE_1)
    quiz = page.locator(".leerpad-quiz").first
    quiz.get_by_label("Je werkt eerst je mail af.").check()
    quiz.get_by_role("button", name="Controleer").click()
    expect(quiz.locator(".is-wrong .leerpad-quiz__mark")).to_have_text("Onjuist")


def test_check_button_reads_as_done_after_a_right_answer(sized_page: Page, site_url: str):
    sized_page.goto(site_url + MODULE_1)
    quiz = sized_page.locator(".leerpad-quiz").first
    quiz.get_by_label("Je kijkt op en groet haar.").check()
    quiz.get_by_role("button", name="Controleer").click()
    expect(quiz.get_by_role("button", name="Goed beantwoord")).to_be_visible()
    expect(quiz.get_by_role("button", name="Controleer")).to_have_count(0)
    quiz.get_by_label("Je werkt eerst je mail af.").check()
    expect(quiz.get_by_role("button", name="Controleer")).to_be_visible()


def test_score_line_is_neutral_before_the_first_answer(sized_page: Page, site_url: str):
    sized_page.goto(site_url + MODULE_1)
    score = sized_page.locator(".leerpad-score")
    expect(score).to_have_text("Op deze pagina staan 2 vragen.")
    neutral = score.evaluate("e => getComputedStyle(e).borderLeftColor")
    quiz = sized_page.locator(".leerpad-quiz").first
    quiz.get_by_label("Je kijkt op en groet haar.").check()
    quiz.get_by_role("button", name="Controleer").click()
    expect(score).to_have_text("Op deze pagina: 1 van 2 vragen goed")
    assert score.evaluate("e => getComputedStyle(e).borderLeftColor") != neutral


def test_plural_forms_for_one_gap(page: Page, site_url: str):
    page.goto(site_url + GAPS)
    quiz = page.locator("#invul-accent")
    quiz.locator(".leerpad-quiz__actions button").first.click()
    expect(quiz.locator(".leerpad-quiz__status")).to_have_text("Vul eerst het veld in.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_new_quiz_states_have_no_axe_violations(browser, site_url: str, scheme: str):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + GAPS)
    answer_gap(page, "invul-spelling", "medewerkrs")  # nearly right, button done
    answer_gap(page, "invul-accent", "thee")  # wrong
    results = Axe().run(page, context={"include": [[".leerpad-quiz"]]})
    found = [(v["id"], n["html"][:100]) for v in results.response["violations"] for n in v["nodes"]]
    assert found == []
    context.close()


def test_typos_on_a_choice_question_is_reported_not_ignored(tmp_path: Path) -> None:
    from conftest import run_build

    project = copy_site("small", tmp_path)
    module = project / "courses/proefcursus/01-eerste-stappen.md"
    text = module.read_text("utf-8")
    module.write_text(
        text.replace('    hint: "Wat zou', '    typos: 1\n    hint: "Wat zou', 1), "utf-8"
    )
    build = run_build(project)
    assert build.returncode != 0
    line = 1 + module.read_text("utf-8").splitlines().index("    typos: 1")
    expected = f"01-eerste-stappen.md:{line}: typos: geldt alleen voor velden"
    assert expected in build.log, build.log
    assert "Traceback" not in build.log
