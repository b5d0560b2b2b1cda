"""Learner progress: module completion, course overview, progress page, export/import."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import served_build

pytestmark = pytest.mark.browser

COURSE = "cursussen/proefcursus/"
MODULE_1 = COURSE + "eerste-stappen/"
MODULE_2 = COURSE + "het-gesprek/"
MODULE_3 = COURSE + "afronding/"
PROGRESS = "voortgang/"


def mark_done(page: Page, base: str, url: str) -> None:
    page.goto(base + url)
    page.get_by_role("button", name="Markeer deze module als afgerond").click()
    expect(page.locator(".leerpad-complete__status")).to_have_text("Je hebt deze module afgerond.")


def stored(page: Page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('leerpad:v2')") or "null")


def module_states(page: Page) -> list[str]:
    expect(page.locator(".leerpad-course-progress")).to_be_visible()  # filled by the script
    return page.locator(".leerpad-modules__state").all_inner_texts()


def test_marking_a_module_done_shows_on_the_course_page_and_in_the_navigation(
    page: Page, small_url: str
) -> None:
    page.goto(small_url + MODULE_2)  # visited: started
    mark_done(page, small_url, MODULE_3)
    page.goto(small_url + COURSE)
    assert module_states(page) == [" · nog niet begonnen", " · bezig", " · afgerond"]
    expect(page.locator(".leerpad-course-progress")).to_have_text("1 van 3 modules afgerond")
    done_links = page.locator(".md-nav__link.is-done")
    expect(done_links).to_have_count(1)
    expect(done_links.first).to_have_attribute("href", re.compile("afronding/$"))
    expect(done_links.first.locator(".leerpad-nav-done")).to_have_text(" (afgerond)")
    # Undo is possible.
    page.goto(small_url + MODULE_3)
    page.get_by_role("button", name="Toch nog niet afgerond").click()
    page.goto(small_url + COURSE)
    expect(page.locator(".leerpad-course-progress")).to_have_text("0 van 3 modules afgerond")


def test_only_the_module_is_marked_done_not_the_sections_of_its_contents(
    browser: Browser, small_site: Path
) -> None:
    # On a phone the drawer holds the current page's table of contents too; its links to
    # sections (#...) are no modules, and screen readers would read "afgerond" for each.
    module = small_site / "courses/proefcursus/10-afronding.md"
    module.write_text(
        module.read_text(encoding="utf-8") + "\n## Terugblik\n\nTekst.\n\n## Vooruit\n\nMeer.\n",
        encoding="utf-8",
    )
    with served_build(small_site) as (_build, base):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        mark_done(page, base, MODULE_3)
        page.reload()
        expect(page.locator('.md-nav__link[href$="#terugblik"]').first).to_be_attached()
        expect(page.locator('.md-nav__link[href*="#"] .leerpad-nav-done')).to_have_count(0)
        expect(page.locator(".md-nav--primary .leerpad-nav-done")).to_have_count(1)
        context.close()


def test_in_a_manual_course_only_the_learner_s_click_completes_a_module(
    page: Page, small_url: str
) -> None:
    """The small site's course says ``completion: manual``; test_completion_rules.py
    covers the default, where answering everything completes a module."""
    page.goto(small_url + MODULE_1)
    first = page.locator(".leerpad-quiz").nth(0)
    first.get_by_label("Je kijkt op en groet haar.").check()
    first.get_by_role("button", name="Controleer").click()
    gap = page.locator(".leerpad-quiz").nth(1).get_by_label("Invulveld 1")
    gap.fill("veilige plek")
    gap.press("Enter")
    expect(page.locator(".leerpad-score")).to_have_text("Op deze pagina: 2 van 2 vragen goed")
    expect(page.locator(".leerpad-complete__status")).to_be_empty()
    page.goto(small_url + COURSE)
    assert module_states(page)[0] == " · bezig"
    page.goto(small_url + MODULE_1)
    page.get_by_role("button", name="Markeer deze module als afgerond").click()
    page.goto(small_url + COURSE)
    assert module_states(page)[0] == " · afgerond"


def fill_everything(page: Page, base: str) -> None:
    """A learner who answered, assessed and reflected on the small site."""
    page.goto(base + MODULE_1)
    page.locator(".leerpad-quiz").nth(0).get_by_label("Je kijkt op en groet haar.").check()
    page.locator(".leerpad-quiz").nth(0).get_by_role("button", name="Controleer").click()
    page.goto(base + MODULE_2)
    page.get_by_label(re.compile("Welke vraag stel jij")).fill(
        "Ik vraag 'wat is er gebeurd?'\nAltijd."
    )
    page.get_by_label(re.compile("Welke vraag stel jij")).blur()
    page.goto(base + MODULE_3)
    for number, label in enumerate(["Altijd", "Soms", "Nooit", "Zelden"]):
        page.locator(".leerpad-assessment__item").nth(number).get_by_label(
            label, exact=True
        ).check()
    page.get_by_role("button", name="Markeer deze module als afgerond").click()


def test_progress_page_shows_courses_scores_assessments_and_reflections(
    page: Page, small_url: str, tmp_path: Path
) -> None:
    fill_everything(page, small_url)
    page.goto(small_url + PROGRESS)
    course = page.locator(".leerpad-progress__course")
    expect(course.locator("h3")).to_have_text("Proefcursus")
    expect(course.locator(".leerpad-progress__summary")).to_have_text("1 van 3 modules afgerond")
    modules = course.locator(".leerpad-progress__modules > li")
    expect(modules.nth(0)).to_contain_text("Eerste stappen · bezig")
    expect(modules.nth(0)).to_contain_text("1 van 2 vragen goed")
    expect(modules.nth(2)).to_contain_text("Afronding · afgerond")
    expect(modules.nth(2)).to_contain_text("Hoe veilig is jouw team? 44% in totaal")
    reflections = page.locator(".leerpad-progress__reflections")
    expect(reflections.locator("h3")).to_have_text("Proefcursus: Het gesprek")
    expect(reflections.locator("blockquote")).to_have_text("Ik vraag 'wat is er gebeurd?'\nAltijd.")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download je reflecties (Markdown)").click()
    path = tmp_path / "reflecties.md"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Mijn reflecties — Proefsite\n")
    assert "## Proefcursus: Het gesprek" in text
    assert "**Welke vraag stel jij het liefst aan een klant, en waarom?**" in text
    assert "Ik vraag 'wat is er gebeurd?'\nAltijd." in text


def export(page: Page, base: str, tmp_path: Path) -> Path:
    page.goto(base + PROGRESS)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download je voortgang").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def load(page: Page, path: Path, mode: str = "Samenvoegen") -> None:
    page.get_by_label("Bestand met voortgang").set_input_files(str(path))
    page.get_by_label(re.compile(mode)).check()
    page.get_by_role("button", name="Lees het bestand in").click()


def test_export_then_import_in_a_fresh_browser_reproduces_the_state(
    browser: Browser, page: Page, small_url: str, tmp_path: Path
) -> None:
    fill_everything(page, small_url)
    path = export(page, small_url, tmp_path)
    assert re.fullmatch(r"voortgang-proefsite-\d{4}-\d\d-\d\d\.json", path.name)
    data = json.loads(path.read_text())
    assert data["format"] == "leerpad-voortgang" and data["site"] == "Proefsite"
    context = browser.new_context()
    other = context.new_page()
    other.goto(small_url + PROGRESS)
    load(other, path, "Vervangen")
    expect(other.locator(".leerpad-progress__import-status")).to_have_text(
        "Ingelezen (vervangen). Veranderd: 3 modules, 1 vraag, 1 reflectie en 1 zelftest. "
        "Niets weggehaald."
    )
    assert stored(other) == stored(page)
    other.goto(small_url + MODULE_3)
    expect(other.locator(".leerpad-assessment__table")).to_contain_text("44%")
    context.close()


def test_replacing_says_how_much_it_removed(page: Page, small_url: str, tmp_path: Path) -> None:
    fill_everything(page, small_url)
    path = export(page, small_url, tmp_path)
    data = json.loads(path.read_text())
    widgets = data["data"]["widgets"]
    # A file from before the learner reflected and answered the quiz.
    for kind in ("reflection", "quiz"):
        widgets.pop(next(key for key, entry in widgets.items() if entry["k"] == kind))
    path.write_text(json.dumps(data), encoding="utf-8")
    load(page, path, "Vervangen")
    expect(page.locator(".leerpad-progress__import-status")).to_have_text(
        "Ingelezen (vervangen). Weggehaald (niet in het bestand): 1 vraag en 1 reflectie."
    )
    assert not [entry for entry in stored(page)["widgets"].values() if entry["k"] == "reflection"]


BAD_FILES = {
    "not JSON": ("{niet af", "Dit bestand is geen voortgangsbestand: het is geen geldige JSON."),
    "wrong schema": ('{"format": "iets anders"}', "Dit bestand is geen voortgangsbestand van"),
    "another site": (
        '{"format": "leerpad-voortgang", "version": 1, "site": "Andere site", "data": {}}',
        "Dit bestand hoort bij een andere site (Andere site), niet bij Proefsite.",
    ),
    "newer version": (
        '{"format": "leerpad-voortgang", "version": 2, "site": "Proefsite", "data": {}}',
        "Dit voortgangsbestand komt van een nieuwere versie van deze cursussite, en deze "
        "oudere versie kan het niet lezen. Er is niets veranderd en je bestand blijft zoals "
        "het is. Laad de pagina opnieuw of open de actuele site van de cursus, en lees het "
        "bestand daar in.",
    ),
    "newer data in today's file": (
        '{"format": "leerpad-voortgang", "version": 1, "site": "Proefsite", '
        '"data": {"version": 3, "items": {}}}',
        "Dit voortgangsbestand komt van een nieuwere versie van deze cursussite",
    ),
    "unknown version": (
        '{"format": "leerpad-voortgang", "version": "twee", "site": "Proefsite", "data": {}}',
        "Dit voortgangsbestand heeft versie twee; deze site leest alleen versie 1.",
    ),
    "malicious key": (
        json.dumps(
            {
                "format": "leerpad-voortgang",
                "version": 1,
                "site": "Proefsite",
                "data": {
                    "version": 1,
                    "learner": {},
                    "widgets": {"<img src=x onerror=alert(1)>": {"v": "1", "s": {}}},
                },
            }
        ),
        "Dit bestand is beschadigd of aangepast (<img src=x onerror=alert(1)>). "
        "Er is niets veranderd.",
    ),
    "malicious nesting": (
        json.dumps(
            {
                "format": "leerpad-voortgang",
                "version": 1,
                "site": "Proefsite",
                "data": {
                    "version": 1,
                    "learner": {},
                    "widgets": {"vraag": {"v": "1", "s": {"a": [[[[[[["diep"]]]]]]]}}},
                },
            }
        ),
        "Dit bestand is beschadigd of aangepast (vraag).",
    ),
    "too large": ("x" * (1024 * 1024 + 10), "Dit bestand is te groot (1025 kB)"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_is_refused_with_its_reason_and_changes_nothing(
    page: Page, small_url: str, tmp_path: Path, case: str
) -> None:
    fill_everything(page, small_url)
    before = stored(page)
    content, reason = BAD_FILES[case]
    path = tmp_path / "voortgang.json"
    path.write_text(content, encoding="utf-8")
    page.goto(small_url + PROGRESS)
    load(page, path, "Vervangen")
    expect(page.locator(".leerpad-progress__import-status")).to_contain_text(reason)
    assert stored(page) == before
    assert page.locator(".leerpad-progress img").count() == 0


def test_reset_of_one_course_and_of_everything_asks_first(page: Page, small_url: str) -> None:
    fill_everything(page, small_url)
    page.goto(small_url + PROGRESS)
    page.once("dialog", lambda dialog: dialog.dismiss())
    # The button names its course, so that two courses' buttons do not read alike.
    reset = page.get_by_role("button", name=re.compile(r"^Wis je voortgang in ‘.+’$"))
    expect(reset).to_have_count(1)
    title = page.locator(".leerpad-progress__course h3").first.inner_text()
    expect(reset).to_have_text(f"Wis je voortgang in ‘{title}’")
    reset.click()
    expect(page.locator(".leerpad-progress__summary")).to_have_text("1 van 3 modules afgerond")
    page.once("dialog", lambda dialog: dialog.accept())
    reset.click()
    expect(page.locator(".leerpad-progress__summary")).to_have_text("0 van 3 modules afgerond")
    assert not any(key.startswith("module:") for key in stored(page)["widgets"])
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Wis al je voortgang").click()
    assert stored(page)["widgets"] == {}


def test_certificate_shows_the_typed_name_as_text(page: Page, small_url: str) -> None:
    for url in (MODULE_1, MODULE_2, MODULE_3):
        mark_done(page, small_url, url)
    page.goto(small_url + COURSE)
    finished = page.locator(".leerpad-finished")
    expect(finished).to_contain_text(
        "Gefeliciteerd! Je hebt alle modules van deze cursus afgerond."
    )
    hostile = "<script>window.__pwned = 1</script><b>Anna</b>"
    page.get_by_label("Je naam op het certificaat").fill(hostile)
    name = page.locator("[data-leerpad-certificate-name]")
    expect(name).to_have_text(hostile, use_inner_text=False)
    assert name.evaluate("node => node.children.length") == 0
    assert page.evaluate("window.__pwned") is None
    page.reload()
    expect(page.get_by_label("Je naam op het certificaat")).to_have_value(hostile)
    page.emulate_media(media="print")
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="Druk je certificaat af").click()
    expect(page.locator(".leerpad-certificate")).to_be_visible()
    expect(page.locator(".leerpad-certificate")).to_contain_text("Proefcursus")
    expect(page.locator(".md-header")).to_be_hidden()


def test_progress_page_survives_corrupt_and_blocked_storage(
    browser: Browser, small_url: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(small_url)
    page.evaluate("localStorage.setItem('leerpad:v1', '[1, 2')")
    page.goto(small_url + PROGRESS)
    expect(page.locator(".leerpad-progress__summary")).to_have_text("0 van 3 modules afgerond")
    context.close()
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new Error('uit'); }});"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack}"))
    page.goto(small_url + PROGRESS)
    expect(page.locator(".leerpad-progress__summary")).to_have_text("0 van 3 modules afgerond")
    assert [error for error in errors if "leerpad" in error] == []
    context.close()


def test_progress_page_works_after_an_instant_navigation(page: Page, small_url: str) -> None:
    mark_done(page, small_url, MODULE_3)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Mijn voortgang").first.click()
    expect(page.locator(".leerpad-progress__summary")).to_have_text("1 van 3 modules afgerond")
    assert page.evaluate("window.__sameDocument") is True
    # Its script is not loaded on pages that do not need it.
    page.goto(small_url + MODULE_1)
    assert page.locator("script[src*='leerpad-progress']").count() == 0
