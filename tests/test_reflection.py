"""The reflection block: markup, author errors, and autosave in a real browser."""

from __future__ import annotations

import re
import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from leerpad.markdown import LeerpadExtension

from conftest import copy_site, run_build, served_build

MODULE_2 = "cursussen/proefcursus/het-gesprek/"


def convert(source: str, language: str = "nl") -> tuple[BeautifulSoup, list[str]]:
    md = markdown.Markdown(extensions=[LeerpadExtension(language=language, path="les.md")])
    html = md.convert(textwrap.dedent(source))
    return BeautifulSoup(html, "html.parser"), [str(p) for p in md.leerpad_problems]


def test_prompt_labels_the_text_area_and_guide_describes_it() -> None:
    page, problems = convert("""
        /// reflection | Wat neem je *mee*?
        Denk aan je eigen team.
        ///
    """)
    assert problems == []
    area = page.select_one("textarea")
    label = page.select_one(f"label[for='{area['id']}']")
    assert label.select_one("em").get_text() == "mee"
    guide_id, saved_id = area["aria-describedby"].split()
    assert "eigen team" in page.select_one(f"#{guide_id}").get_text()
    assert "JavaScript" in page.select_one(f"#{saved_id}").get_text()


def test_reflection_id_survives_a_reworded_prompt() -> None:
    before, _ = convert("/// reflection | Wat neem je mee?\n///\n")
    after, _ = convert("/// reflection | Wat neem jij mee uit deze module?\n///\n")
    assert before.select_one("textarea")["id"] == after.select_one("textarea")["id"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "/// reflection | Wat?\n    rijen: 4\n///\n",
            "les.md:2: unknown option 'rijen'; known options: id",
        ),
        ("Tekst.\n\n/// reflection | Wat?\nGids.\n", "les.md:3: this reflection is never closed"),
        ("/// reflection\n///\n", "les.md:1: the reflection has no prompt"),
    ],
)
def test_reflection_errors_name_the_line(source: str, message: str) -> None:
    page, problems = convert(source, language="en")
    assert len(problems) == 1 and problems[0].startswith(message), problems
    assert message in page.select_one(".leerpad-error").get_text()


@pytest.mark.browser
def test_text_is_saved_while_typing_and_survives_reload_and_navigation(
    page: Page, small_url: str
) -> None:
    page.goto(small_url + MODULE_2)
    area = page.get_by_label(re.compile("Welke vraag stel jij het liefst"))
    area.fill("Wat is er gebeurd?\nDie vraag opent het gesprek.")
    status = page.locator(".leerpad-reflection__saved")
    expect(status).to_have_text(re.compile(r"^Bewaard in je browser om \d\d:\d\d\.$"))
    page.reload()
    expect(area).to_have_value("Wat is er gebeurd?\nDie vraag opent het gesprek.")
    # Typed just before an instant navigation: flushed, not lost.
    area.fill("Nieuwe gedachte")
    page.locator(".leerpad-module-nav a[rel=prev]").click()
    expect(page).to_have_url(re.compile("eerste-stappen/$"))
    page.go_back()
    expect(page.get_by_label(re.compile("Welke vraag"))).to_have_value("Nieuwe gedachte")


@pytest.mark.browser
def test_typed_markup_stays_text(page: Page, small_url: str) -> None:
    page.goto(small_url + MODULE_2)
    hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    page.get_by_label(re.compile("Welke vraag")).fill(hostile)
    page.get_by_label(re.compile("Welke vraag")).blur()
    page.reload()
    expect(page.get_by_label(re.compile("Welke vraag"))).to_have_value(hostile)
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".leerpad-reflection img").count() == 0


@pytest.mark.browser
def test_editing_the_prompt_keeps_the_learners_text(browser, tmp_path) -> None:
    project = copy_site("small", tmp_path)
    context = browser.new_context()
    page = context.new_page()
    with served_build(project) as (_, base):
        page.goto(base + MODULE_2)
        page.get_by_label(re.compile("Welke vraag")).fill("Mijn antwoord")
        page.get_by_label(re.compile("Welke vraag")).blur()
        module = project / "courses/proefcursus/2-het-gesprek.md"
        module.write_text(module.read_text().replace("het liefst", "meestal"))
        rebuilt = run_build(project)
        assert rebuilt.returncode == 0, rebuilt.log
        assert "meestal" in rebuilt.page(MODULE_2)
        page.reload()
        expect(page.get_by_label(re.compile("Welke vraag stel jij meestal"))).to_have_value(
            "Mijn antwoord"
        )
    context.close()
