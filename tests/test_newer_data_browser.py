"""Progress written by a newer version of the course site, met by today's pages.

A newer site may be open in another tab, or a site may be rolled back for a while: the
learner's browser then holds data this version cannot read. It must never be moved,
overwritten or removed (the newer site has to find it where it left it), and the learner
is told plainly where their progress is and what to do.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

COURSE = "cursussen/proefcursus/"
MODULE_1 = COURSE + "eerste-stappen/"
MODULE_2 = COURSE + "het-gesprek/"
PROGRESS = "voortgang/"
QUIZ_1 = "een-klant-staat-al-even-te-95ce80"

# What a newer leerpad might write: another shape, a higher version.
NEWER = json.dumps(
    {"version": 3, "voortgang": {"reflectie-1-b9191a": {"tekst": "Geschreven op de nieuwe site"}}}
)
DONE = "2026-11-20T10:00:00.000Z"
TODAY = json.dumps(
    {
        "version": 2,
        "widgets": {
            "module:proefcursus/afronding": {
                "k": "module",
                "v": "module",
                "s": {
                    "started": DONE,
                    "done": DONE,
                    "reopened": False,
                    "url": "/cursussen/proefcursus/afronding/",
                },
                "t": DONE,
            }
        },
        "learner": {},
        "aside": {},
    }
)


def leerpad_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def seed(page: Page, base: str, values: dict[str, str]) -> None:
    """What the learner's browser holds before they open today's pages."""
    page.goto(base + "blog/")
    page.evaluate("localStorage.clear()")
    for key, raw in values.items():
        page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [key, raw])


def leerpad_keys(page: Page) -> dict[str, str]:
    return page.evaluate(
        "Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('leerpad:'))"
        ".map(k => [k, localStorage.getItem(k)]))"
    )


def our_violations(page: Page) -> list[tuple[str, str]]:
    results = Axe().run(page)
    return [
        (violation["id"], node["html"][:80])
        for violation in results.response["violations"]
        for node in violation["nodes"]
        if "leerpad" in node["html"]
    ]


def download(page: Page, button: str, path: Path) -> dict:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    info.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_newer_format_under_todays_key_is_left_alone_and_explained(
    page: Page, small_url: str, tmp_path: Path
) -> None:
    errors = leerpad_errors(page)
    seed(page, small_url, {"leerpad:v2": NEWER})
    page.goto(small_url + MODULE_2)
    notice = page.locator(".leerpad-notice")
    expect(notice).to_have_count(1)
    expect(notice).to_have_text(
        "Je voortgang is bewaard door een nieuwere versie van deze cursussite. Hij is niet "
        "weg, maar deze pagina kan hem niet lezen: laad de pagina opnieuw of open de actuele "
        "site van de cursus. Wat je hier nu doet, wordt niet bewaard."
    )
    # The widgets work on, in this window only, and say so.
    area = page.locator(".leerpad-reflection textarea")
    area.fill("Even in dit venster.")
    area.blur()
    expect(page.locator(".leerpad-reflection__saved")).to_contain_text("alleen in dit venster")
    page.goto(small_url + PROGRESS)
    box = page.locator(".leerpad-progress__aside")
    expect(box).to_contain_text("komt van een nieuwere versie van deze cursussite")
    expect(box).to_contain_text("Hij is niet weg: hij blijft ongewijzigd bewaard.")
    expect(box).to_contain_text("laad de pagina opnieuw of open de actuele site van de cursus")
    expect(box).not_to_contain_text("kon niet gelezen worden")  # not called damaged
    copy = download(page, "Download een kopie", tmp_path / "kopie.json")
    assert copy["setAside"] == {"leerpad:v2": NEWER}
    assert our_violations(page) == []
    # Nothing moved aside, nothing written over it, through all of this.
    assert leerpad_keys(page) == {"leerpad:v2": NEWER}
    assert errors == []


def test_a_newer_versions_own_key_is_told_once_and_never_removed(
    page: Page, small_url: str
) -> None:
    errors = leerpad_errors(page)
    seed(page, small_url, {"leerpad:v2": TODAY, "leerpad:v3": NEWER})
    page.goto(small_url + MODULE_1)
    notice = page.locator(".leerpad-notice")
    expect(notice).to_have_text(
        "In je browser staat ook voortgang van een nieuwere versie van deze cursussite. Hij "
        "is niet weg: laad de pagina opnieuw of open de actuele site van de cursus om ermee "
        "verder te gaan."
    )
    # Today's progress is still shown, and today's work is still kept, beside the newer.
    expect(page.locator(".md-nav--primary .md-nav__link.is-done")).to_have_count(1)
    quiz = page.locator(".leerpad-quiz").first
    quiz.get_by_label("Je kijkt op en groet haar.").check()
    quiz.get_by_role("button", name="Controleer").click()
    expect(quiz.locator(".leerpad-quiz__status")).to_have_text("Goed!")
    page.reload()
    expect(page.locator(".leerpad-quiz").first.locator(".leerpad-quiz__status")).to_have_text(
        "Goed!"
    )
    expect(notice).to_have_count(0)  # told once
    page.goto(small_url + PROGRESS)
    box = page.locator(".leerpad-progress__aside")
    expect(box).to_contain_text("In je browser staat ook voortgang van een nieuwere versie")
    expect(box).to_contain_text("Hieronder staat alleen wat deze versie zelf bewaarde.")
    expect(page.locator(".leerpad-progress__summary")).to_have_text("1 van 3 modules afgerond")
    # Wiping everything wipes this version's progress, not the newer version's.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Wis al je voortgang").click()
    expect(page.locator(".leerpad-progress__summary")).to_have_text("0 van 3 modules afgerond")
    kept = leerpad_keys(page)
    assert kept["leerpad:v3"] == NEWER
    assert QUIZ_1 not in json.loads(kept["leerpad:v2"])["widgets"]
    assert errors == []
