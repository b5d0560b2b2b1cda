"""A course's completion rule decides when a module is done and the certificate earned.

The small fixture site's course says ``completion: manual`` (the learner's own button);
here a copy of it says ``completion: quizzes``, the default: answering everything is
what completes a module, and clicking alone no longer earns a certificate.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from conftest import Build, copy_site, serve, served_build

pytestmark = pytest.mark.browser

COURSE = "cursussen/proefcursus/"
MODULES = ["eerste-stappen/", "het-gesprek/", "afronding/"]
PROGRESS = "voortgang/"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
MARK_DONE = "Markeer deze module als afgerond"


def with_rule(project: Path, rule: str | None) -> Path:
    """The copied course's front matter with ``completion: rule`` (None: no line)."""
    index = project / "courses" / "proefcursus" / "index.md"
    text = re.sub(r"^completion: .*\n", "", index.read_text(encoding="utf-8"), flags=re.M)
    if rule is not None:
        text = text.replace("duration: 75\n", f"duration: 75\ncompletion: {rule}\n")
    index.write_text(text, encoding="utf-8")
    return project


def test_leerpad_check_names_a_misspelt_rule_at_its_line(small_site: Path) -> None:
    with_rule(small_site, "handmatig")
    done = subprocess.run(
        [sys.executable, "-m", "leerpad", "--root", str(small_site), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith(
        "courses/proefcursus/index.md:6: 'completion' is een van: quizzes, "
        "quizzes-and-reflection, manual (nu: 'handmatig')"
    ), done.stdout
    with_rule(small_site, "quizzes-and-reflections")
    done = subprocess.run(
        [sys.executable, "-m", "leerpad", "--root", str(small_site), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "bedoel je 'quizzes-and-reflection'?" in done.stdout, done.stdout


@pytest.fixture(scope="module")
def quizzes_url(tmp_path_factory: pytest.TempPathFactory):
    """The small site with the default rule (no ``completion:`` line), served."""
    project = with_rule(copy_site("small", tmp_path_factory.mktemp("quizzes")), None)
    with served_build(project) as (_, base):
        yield base


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser: Browser):
    context = browser.new_context(viewport=SIZES[request.param])
    yield context.new_page()
    context.close()


def status(page: Page):
    return page.locator(".leerpad-complete__status")


def answer_module_1(page: Page, base: str) -> None:
    page.goto(base + COURSE + MODULES[0])
    first = page.locator(".leerpad-quiz").nth(0)
    first.get_by_label("Je kijkt op en groet haar.").check()
    first.get_by_role("button", name="Controleer").click()
    gap = page.locator(".leerpad-quiz").nth(1).get_by_label("Invulveld 1")
    gap.fill("veilige plek")
    gap.press("Enter")


def answer_module_2(page: Page, base: str) -> None:
    page.goto(base + COURSE + MODULES[1])
    quiz = page.locator(".leerpad-quiz").first
    quiz.get_by_label("Wat is er precies gebeurd?").check()
    quiz.get_by_label("Waar heeft u nu het meest last van?").check()
    quiz.get_by_role("button", name="Controleer").click()


def answer_module_3(page: Page, base: str) -> None:
    page.goto(base + COURSE + MODULES[2])
    for number, label in enumerate(["Altijd", "Soms", "Nooit", "Zelden"]):
        page.locator(".leerpad-assessment__item").nth(number).get_by_label(
            label, exact=True
        ).check()


def test_a_quizzes_course_has_no_button_and_says_what_is_still_open(
    sized_page: Page, quizzes_url: str
) -> None:
    page = sized_page
    page.goto(quizzes_url + COURSE + MODULES[0])
    expect(page.get_by_role("button", name=MARK_DONE)).to_have_count(0)
    expect(status(page)).to_have_text(
        "Om deze module af te ronden: nog 2 vragen goed beantwoorden."
    )
    first = page.locator(".leerpad-quiz").nth(0)
    first.get_by_label("Je kijkt op en groet haar.").check()
    first.get_by_role("button", name="Controleer").click()
    expect(status(page)).to_have_text("Om deze module af te ronden: nog 1 vraag goed beantwoorden.")
    page.goto(quizzes_url + COURSE + MODULES[2])
    expect(status(page)).to_have_text("Om deze module af te ronden: nog de zelftest invullen.")


def test_answering_everything_completes_each_module_and_earns_the_certificate(
    sized_page: Page, quizzes_url: str
) -> None:
    page = sized_page
    answer_module_1(page, quizzes_url)
    expect(status(page)).to_have_text("Alles gedaan: je hebt deze module afgerond.")
    page.goto(quizzes_url + COURSE)
    expect(page.locator(".leerpad-course-progress")).to_have_text("1 van 3 modules afgerond")
    expect(page.locator(".leerpad-finished")).to_be_hidden()
    answer_module_2(page, quizzes_url)
    expect(status(page)).to_have_text("Alles gedaan: je hebt deze module afgerond.")
    answer_module_3(page, quizzes_url)
    expect(status(page)).to_have_text("Alles gedaan: je hebt deze module afgerond.")
    page.reload()
    expect(status(page)).to_have_text("Je hebt deze module afgerond.")
    page.goto(quizzes_url + COURSE)
    expect(page.locator(".leerpad-course-progress")).to_have_text("3 van 3 modules afgerond")
    expect(page.locator(".leerpad-finished")).to_be_visible()
    expect(page.get_by_role("button", name="Druk je certificaat af")).to_be_visible()


def test_visiting_every_module_and_clicking_about_earns_nothing(
    page: Page, quizzes_url: str
) -> None:
    for module in MODULES:
        page.goto(quizzes_url + COURSE + module)
        expect(status(page)).not_to_be_empty()
        for button in page.locator(".leerpad-complete button").all():
            button.click()
    page.goto(quizzes_url + COURSE)
    expect(page.locator(".leerpad-course-progress")).to_have_text("0 van 3 modules afgerond")
    expect(page.locator(".leerpad-finished")).to_be_hidden()


def test_a_module_marked_done_by_hand_before_the_rule_stays_done(
    page: Page, quizzes_url: str
) -> None:
    page.goto(quizzes_url)
    marked = {
        "version": 2,
        "widgets": {
            "module:proefcursus/eerste-stappen": {
                "k": "module",
                "v": "module",
                "s": {"started": "2026-10-01T09:00:00.000Z", "done": "2026-10-01T09:30:00.000Z"},
                "t": "2026-10-01T09:30:00.000Z",
            }
        },
        "learner": {},
        "aside": {},
    }
    page.evaluate("data => localStorage.setItem('leerpad:v2', data)", json.dumps(marked))
    page.goto(quizzes_url + COURSE + MODULES[0])
    expect(status(page)).to_have_text("Je hebt deze module afgerond.")
    page.goto(quizzes_url + COURSE)
    expect(page.locator(".leerpad-course-progress")).to_have_text("1 van 3 modules afgerond")


def test_the_course_button_continues_with_the_first_unfinished_module(
    sized_page: Page, quizzes_url: str
) -> None:
    page = sized_page
    page.goto(quizzes_url + COURSE)
    button = page.locator("[data-leerpad-continue]")
    expect(button).to_have_text("Begin met de cursus")
    answer_module_1(page, quizzes_url)
    page.goto(quizzes_url + COURSE + MODULES[2])  # only looked at: module 2 is still open
    page.goto(quizzes_url + COURSE)
    expect(button).to_have_text("Ga verder met module 2")
    button.click()
    expect(page).to_have_url(quizzes_url + COURSE + MODULES[1])
    answer_module_2(page, quizzes_url)
    answer_module_3(page, quizzes_url)
    page.goto(quizzes_url + COURSE)
    expect(button).to_have_text("Naar je certificaat")
    expect(button).to_have_attribute("href", "#leerpad-certificate-proefcursus")


def test_my_progress_says_what_the_certificate_still_needs_then_that_it_is_earned(
    sized_page: Page, quizzes_url: str
) -> None:
    page = sized_page
    answer_module_1(page, quizzes_url)
    page.goto(quizzes_url + COURSE + MODULES[2])
    page.locator(".leerpad-assessment__item").first.get_by_label("Soms", exact=True).check()
    page.goto(quizzes_url + PROGRESS)
    course = page.locator(".leerpad-progress__course")
    certificate = course.locator(".leerpad-progress__certificate")
    expect(certificate).to_have_text("Voor het certificaat: nog 2 modules af te ronden.")
    expect(course.locator(".leerpad-progress__modules > li").nth(2)).to_contain_text(
        "nog de zelftest invullen"
    )
    answer_module_2(page, quizzes_url)
    page.goto(quizzes_url + PROGRESS)
    expect(certificate).to_have_text("Voor het certificaat: nog 1 module af te ronden.")
    answer_module_3(page, quizzes_url)
    page.goto(quizzes_url + PROGRESS)
    expect(certificate).to_have_attribute("data-certificate", "earned")
    expect(certificate).to_contain_text("Certificaat behaald.")
    certificate.get_by_role("link", name="Druk het af op de cursuspagina").click()
    expect(page.locator(".leerpad-finished")).to_be_visible()


def test_a_manual_course_keeps_its_button(page: Page, small_url: str) -> None:
    page.goto(small_url + COURSE + MODULES[0])
    page.get_by_role("button", name=MARK_DONE).click()
    expect(status(page)).to_have_text("Je hebt deze module afgerond.")


REAL_COURSE = "cursussen/klantvriendelijk-van-binnenuit/"
REAL_MODULE = REAL_COURSE + "het-team-als-veilige-haven/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_completion_states_have_no_axe_violations(
    browser: Browser, repository_build: Build, scheme: str
) -> None:
    """On the real site (default rule): what is open, a started course, Mijn voortgang."""
    context = browser.new_context(color_scheme=scheme, viewport=SIZES["phone"])
    page = context.new_page()
    found = {}
    with serve(repository_build.site) as base:
        page.goto(base + REAL_MODULE)
        quiz = page.locator(".leerpad-quiz").first
        quiz.locator("input").first.check()
        quiz.get_by_role("button", name="Controleer").click()
        expect(status(page)).to_contain_text("Om deze module af te ronden: nog")
        for url in (REAL_MODULE, REAL_COURSE, PROGRESS):
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            results = Axe().run(page).response["violations"]
            if results:
                found[url] = [(v["id"], n["html"][:120]) for v in results for n in v["nodes"]]
        expect(page.locator(".leerpad-progress__certificate").first).to_contain_text(
            "Voor het certificaat"
        )
    context.close()
    assert found == {}
