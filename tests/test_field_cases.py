"""Widget mistakes trainers made in the field, built as a site, checked and opened.

The module files in ``tests/field_cases`` are the trainers' pages, each added to the
small site's course. The site is Dutch, so the messages are too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import run_build, served_build

CASES = Path(__file__).parent / "field_cases"
COURSE = "courses/proefcursus"


def add_module(site: Path, name: str) -> str:
    """Copy the field case ``name`` into the small site's course; its path in messages."""
    shutil.copy(CASES / name, site / COURSE / name)
    return f"{COURSE}/{name}"


def check(site: Path) -> list[str]:
    """The problems ``leerpad check`` prints for ``site``."""
    done = subprocess.run(
        [sys.executable, "-m", "leerpad", "--root", str(site), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.splitlines()[:-1]


def logged_errors(log: str) -> list[str]:
    """The leerpad errors of a build log, without the log level."""
    prefix = "ERROR   -  leerpad: "
    return [line.removeprefix(prefix) for line in log.splitlines() if line.startswith(prefix)]


def assert_reported_everywhere(site: Path, page_url: str, expected: list[str]) -> BeautifulSoup:
    """The strict build fails with ``expected``; check says the same; the page shows it."""
    strict = run_build(site)
    assert strict.returncode == 1
    assert logged_errors(strict.log) == expected
    assert check(site) == expected
    lenient = run_build(site, strict=False)
    assert lenient.returncode == 0, lenient.log
    page = BeautifulSoup(lenient.page(page_url), "html.parser")
    shown = [code.get_text() for code in page.select(".leerpad-error code")]
    assert shown == expected
    return page


def test_a30_unclosed_quiz_before_a_gap_quiz(small_site: Path) -> None:
    path = add_module(small_site, "06-klacht-als-kans.md")
    page = assert_reported_everywhere(
        small_site,
        "cursussen/proefcursus/klacht-als-kans/",
        [
            f"{path}:10: deze vraag wordt nergens gesloten; "
            "zet een regel met alleen '///' vóór regel 16"
        ],
    )
    # Nothing vanished: the first quiz's text is on the page, the gap quiz works.
    assert "Wie de klacht hoort als informatie, blijft rustig." in page.get_text()
    assert page.select_one("#klacht-invul input.leerpad-quiz__gap") is not None
    assert "id: klacht-invul" not in page.get_text()


def test_a11_options_without_indent(small_site: Path) -> None:
    path = add_module(small_site, "06-opties-zonder-inspringing.md")
    dedented = (
        f"{path}:{{}}: opties onder de eerste regel springen 4 spaties in: schrijf '    {{}}'"
    )
    assert_reported_everywhere(
        small_site,
        "cursussen/proefcursus/opties-zonder-inspringing/",
        [
            dedented.format(11, "id: roepende-klant"),
            dedented.format(12, 'hint: "Denk aan je eigen grens."'),
            dedented.format(13, "shuffle: true"),
            dedented.format(23, "id: laatste-grens"),
        ],
    )


@pytest.mark.parametrize("name", ["06-code-in-een-vraag.md", "06-code-met-slashes.md"])
def test_a12_code_and_admonition_in_a_quiz(small_site: Path, name: str) -> None:
    shutil.copy(CASES / name, small_site / COURSE / "06-code-in-een-vraag.md")
    config = small_site / "mkdocs.yml"
    # The Echt Contact site's extensions for code and tips.
    extensions = "  - admonition\n  - pymdownx.superfences\n"
    config.write_text(
        config.read_text().replace("  - md_in_html\n", f"  - md_in_html\n{extensions}")
    )
    build = run_build(small_site)
    assert build.returncode == 0, build.log
    assert check(small_site) == []
    page = BeautifulSoup(build.page("cursussen/proefcursus/code-in-een-vraag/"), "html.parser")
    quiz = page.select_one("#sjabloon-toon")
    blocks = [code.get_text() for code in quiz.select("pre code")]
    assert blocks[0].startswith("Beste klant,\nUw klacht is in behandeling genomen.\n")
    assert blocks[1] == "Dag Sanne,\nIk kijk vandaag nog naar je vraag.\n"
    assert quiz.select_one(".admonition.tip") is not None
    assert ("///\n" in blocks[0]) == (name == "06-code-met-slashes.md")
    assert "Dezetekstnadevraag" in page.get_text()


def test_a_broken_widget_fails_a_quiet_strict_build(small_site: Path) -> None:
    add_module(small_site, "06-klacht-als-kans.md")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=small_site,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert done.returncode == 1
    assert "06-klacht-als-kans.md:10: deze vraag wordt nergens gesloten" in done.stderr


@pytest.fixture
def same_question_twice(small_site: Path):
    """The small site with a17's module: two quizzes asking 'Wat doe je eerst?'."""
    add_module(small_site, "08-twee-situaties.md")
    with served_build(small_site) as (build, base):
        yield build, f"{base}/cursussen/proefcursus/twee-situaties/"


@pytest.mark.browser
def test_a17_two_quizzes_with_one_question_stay_apart(same_question_twice, browser) -> None:
    build, url = same_question_twice
    assert logged_errors(build.log) == []
    page = browser.new_page()
    page.goto(url)
    page.wait_for_selector(".leerpad-quiz .leerpad-quiz__actions button")
    quizzes = page.locator(".leerpad-quiz")
    first, second = quizzes.nth(0), quizzes.nth(1)
    assert first.get_attribute("id") != second.get_attribute("id")

    first.locator("label").nth(0).click()
    second.locator("label").nth(1).click()
    # Clicking quiz 2's text checks quiz 2, and leaves quiz 1's answer alone.
    assert first.locator("input[type=radio]").nth(0).is_checked()
    assert second.locator("input[type=radio]").nth(1).is_checked()
    for quiz in (first, second):
        quiz.locator(".leerpad-quiz__actions button").nth(0).click()
    statuses = [quiz.locator(".leerpad-quiz__status").inner_text() for quiz in (first, second)]

    page.reload()
    page.wait_for_selector(".leerpad-quiz .leerpad-quiz__actions button")
    quizzes = page.locator(".leerpad-quiz")
    assert quizzes.nth(0).locator("input[type=radio]").nth(0).is_checked()
    assert quizzes.nth(1).locator("input[type=radio]").nth(1).is_checked()
    after = [quizzes.nth(i).locator(".leerpad-quiz__status").inner_text() for i in range(2)]
    assert after == statuses and all(after)
    page.close()


EVERY_KIND = """---
title: Alles tegelijk
duration: 10
objectives:
  - Je ziet elke fout op een rij.
---

/// quiz | Wat is een klacht?
- [ ] Een aanval
- [x] Informatie

/// reflection | Wat neem je mee?
id: meenemen
///

/// quiz | Welke regel?
    hnit: Kijk naar de toon.
```text
Beste klant,
///
```
- [ x] Regel twee
- [ ] Regel drie
///

/// assessment | Hoe gaat het?
    id: alles-check
    scale: [Nooit, Soms, Vaak]
    dimensions: {steun: Steun}
- [stuen] Collega's helpen me.
//// band | 0-49
Nog werk.
//// band | 50-100
Goed bezig.
////
///

/// teamscan | alles-chek
///

Tekst na alle blokken.
"""


def test_check_and_build_report_the_same_problems_for_every_kind(small_site: Path) -> None:
    (small_site / COURSE / "07-alles-tegelijk.md").write_text(EVERY_KIND, encoding="utf-8")
    path = f"{COURSE}/07-alles-tegelijk.md"
    expected = [
        f"{path}:8: deze vraag wordt nergens gesloten; "
        "zet een regel met alleen '///' vóór regel 12",
        f"{path}:13: opties onder de eerste regel springen 4 spaties in: "
        "schrijf '    id: meenemen'",
        f"{path}:17: onbekende optie 'hnit'; bedoel je 'hint'?",
        f"{path}:22: een antwoord begint met '- [ ]' (fout) of '- [x]' (juist); bedoel je '- [x]'?",
        f"{path}:26: thema 'steun' heeft geen uitspraken; voeg er een toe als '- [steun] …' "
        "of haal het weg",
        f"{path}:30: onbekend thema 'stuen'; bedoel je 'steun'?",
        f"{path}:31: deze uitslagtekst wordt nergens gesloten; "
        "zet een regel met alleen '////' vóór regel 33",
        f"{path}:38: geen zelftest heeft de id 'alles-chek'; bedoel je 'alles-check'?",
    ]
    checked = check(small_site)
    assert sorted(checked) == sorted(expected)
    strict = run_build(small_site)
    assert strict.returncode == 1
    assert sorted(logged_errors(strict.log)) == sorted(expected)
    lenient = run_build(small_site, strict=False)
    page = BeautifulSoup(lenient.page("cursussen/proefcursus/alles-tegelijk/"), "html.parser")
    shown = [code.get_text() for code in page.select(".leerpad-error code")]
    assert sorted(shown) == sorted(expected)
    assert "Tekst na alle blokken." in page.get_text()


def test_an_english_site_gets_english_messages_everywhere(small_site: Path) -> None:
    config = small_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("language: nl", "language: en"))
    path = add_module(small_site, "06-klacht-als-kans.md")
    assert_reported_everywhere(
        small_site,
        "cursussen/proefcursus/klacht-als-kans/",
        [f"{path}:10: this quiz is never closed; add a line with only '///' before line 16"],
    )


def test_one_id_on_two_pages_fails_the_build_as_it_fails_check(small_site: Path) -> None:
    # Two modules whose quizzes share an id would share one learner's answer: answering
    # one would mark the other solved. leerpad check said so; the build published it.
    quiz = "/// quiz | {question}\n    id: zelfde-vraag\n- [x] Ja\n- [ ] Nee\n///\n"
    for name, question in (("06-een.md", "Luister je eerst?"), ("07-twee.md", "Vat je samen?")):
        (small_site / COURSE / name).write_text(
            f"---\ntitle: {question}\nduration: 5\nobjectives:\n  - Je oefent.\n---\n\n"
            + quiz.format(question=question),
            encoding="utf-8",
        )
    expected = [
        f"{COURSE}/07-twee.md:8: id 'zelfde-vraag' staat ook in {COURSE}/06-een.md:8; "
        "geef elk blok een eigen id"
    ]
    strict = run_build(small_site)
    assert strict.returncode == 1
    assert logged_errors(strict.log) == expected
    assert check(small_site) == expected
