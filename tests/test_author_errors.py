"""Broken front matter: one message with file and line, a failed strict build, no traceback.

The small site is Dutch, and so are the messages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import run_build

CASES = {
    "invalid YAML in a module": (
        "courses/proefcursus/2-het-gesprek.md",
        "---\ntitle: Het gesprek\nduration: 25\nobjectives: [Je vat samen\n---\n\nTekst.\n",
        "courses/proefcursus/2-het-gesprek.md:4: de front matter is geen geldige YAML",
    ),
    "module without title": (
        "courses/proefcursus/2-het-gesprek.md",
        "---\nduration: 25\nobjectives:\n  - Je vat samen.\n---\n\nTekst.\n",
        "courses/proefcursus/2-het-gesprek.md:1: de front matter heeft geen 'title'",
    ),
    "module duration that is not minutes": (
        "courses/proefcursus/2-het-gesprek.md",
        "---\ntitle: Het gesprek\nduration: een halfuur\nobjectives: [Je vat samen.]\n---\n",
        "courses/proefcursus/2-het-gesprek.md:3: 'duration' is een geheel aantal minuten",
    ),
    "post date that is not a date": (
        "blog/posts/eerste-bericht.md",
        "---\ntitle: Over wachtrijen\nauthors: [ria]\ndate: vorige dinsdag\n---\n\nTekst.\n",
        "blog/posts/eerste-bericht.md:4: 'date' is geen datum",
    ),
    "post updated before it was created": (
        "blog/posts/eerste-bericht.md",
        "---\ntitle: Over wachtrijen\nauthors: [ria]\ndate:\n  created: 2025-05-02\n"
        "  updated: 2025-04-30\n---\n\nTekst.\n",
        "blog/posts/eerste-bericht.md:4: 'date': 'updated' (2025-04-30) ligt voor 'created' "
        "(2025-05-02)",
    ),
    "post without title": (
        "blog/posts/eerste-bericht.md",
        "---\ndate: 2025-05-02\nauthors: [ria]\n---\n\nTekst zonder kop.\n",
        "blog/posts/eerste-bericht.md:1: de front matter heeft geen 'title'",
    ),
    "front matter never closed": (
        "blog/posts/eerste-bericht.md",
        "---\ntitle: Over wachtrijen\ndate: 2025-05-02\n\nTekst.\n",
        "blog/posts/eerste-bericht.md:1: de front matter begint hier met '---' maar wordt "
        "nergens gesloten",
    ),
    "course completion rule misspelt": (
        "courses/proefcursus/index.md",
        "---\ntitle: Proef\nsummary: Kort.\naudience: Iedereen.\nduration: 75\n"
        "completion: quizes\n---\n",
        "courses/proefcursus/index.md:6: 'completion: quizes': bedoel je 'quizzes'? "
        "(een van: quizzes, quizzes-and-reflection, manual)",
    ),
    "course completion rule unknown": (
        "courses/proefcursus/index.md",
        "---\ntitle: Proef\nsummary: Kort.\naudience: Iedereen.\ncompletion: [1, 2]\n"
        "duration: 75\n---\n",
        "courses/proefcursus/index.md:5: 'completion' is een van: quizzes, "
        "quizzes-and-reflection, manual (nu: list)",
    ),
    "course folder without index.md": (
        "courses/tweede-cursus/01-begin.md",
        "---\ntitle: Begin\nduration: 10\nobjectives: [Je begint.]\n---\n",
        "courses/tweede-cursus: de cursusmap heeft geen index.md",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_front_matter_error_names_file_and_line(small_site: Path, case: str) -> None:
    path, text, message = CASES[case]
    target = small_site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")

    strict = run_build(small_site)
    assert strict.returncode == 1
    assert message in strict.log
    assert "Traceback" not in strict.log
    errors = [line for line in strict.log.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, strict.log

    lenient = run_build(small_site, strict=False)
    assert lenient.returncode == 0, lenient.log
    # Everything that was not broken is still built.
    assert (lenient.site / "cursussen/proefcursus/eerste-stappen/index.html").is_file()


BROKEN_QUIZ = """---
title: Het gesprek
duration: 25
objectives:
  - Je vat samen wat je hoort.
---

Een goed gesprek begint met een vraag.

/// quiz | Welke vraag nodigt uit?
- [ ] Heeft u het formulier?
- [ ] Wat is er gebeurd?
///

Na de vraag gaat de tekst gewoon verder.
"""


def test_quiz_error_in_a_module_names_the_line_in_the_module_file(small_site: Path) -> None:
    module = small_site / "courses/proefcursus/2-het-gesprek.md"
    module.write_text(BROKEN_QUIZ, encoding="utf-8")
    message = "courses/proefcursus/2-het-gesprek.md:11: geen antwoord is als juist aangeduid"

    strict = run_build(small_site)
    assert strict.returncode == 1
    assert message in strict.log
    assert "Traceback" not in strict.log

    lenient = run_build(small_site, strict=False)
    assert lenient.returncode == 0
    # Once: the widgets read before rendering are reused, problems and all.
    assert lenient.log.count(f"ERROR   -  leerpad: {message}") == 1
    html = lenient.page("cursussen/proefcursus/het-gesprek/")
    assert message in html  # the box in place of the quiz, for the live preview
    assert "Na de vraag gaat de tekst gewoon verder." in html


def test_a_widget_problem_on_a_docs_page_names_the_file_under_docs(small_site: Path) -> None:
    page = small_site / "docs/quiz.md"
    page.write_text("# Quiz\n\n" + BROKEN_QUIZ, encoding="utf-8")
    build = run_build(small_site, strict=False)
    message = "docs/quiz.md:13: geen antwoord is als juist aangeduid"
    assert build.log.count(f"ERROR   -  leerpad: {message}") == 1


def _nav_titles(html: str) -> list[str]:
    """The titles in a page's navigation, in order."""
    soup = BeautifulSoup(html, "html.parser")
    return [link.get_text(" ", strip=True) for link in soup.select("nav.md-nav--primary a")]


def test_a_course_with_broken_front_matter_stays_in_the_site(small_site: Path) -> None:
    index = small_site / "courses/proefcursus/index.md"
    index.write_text(
        "---\ntitle: Proefcursus\nsummary: [Kort\naudience: Iedereen.\n---\n\nDrie modules.\n",
        encoding="utf-8",
    )
    build = run_build(small_site, strict=False)
    assert build.returncode == 0, build.log
    assert (
        "ERROR   -  leerpad: courses/proefcursus/index.md:3: de front matter is geen geldige YAML"
        in build.log
    )
    # The catalogue still lists it: what its lines still tell, the time of its modules.
    catalogue = BeautifulSoup(build.page("cursussen/"), "html.parser")
    listed = catalogue.select_one(".leerpad-catalogue__title a")
    assert listed is not None and listed.get_text() == "Proefcursus"
    assert (
        catalogue.select_one(".leerpad-catalogue__meta").get_text()
        == "3 modules · 1 uur 15 minuten · Voor wie: Iedereen."
    )
    # Its page shows the problem, and still leads to its modules.
    course = BeautifulSoup(build.page("cursussen/proefcursus/"), "html.parser")
    assert "de front matter is geen geldige YAML" in course.select_one(".leerpad-error").get_text()
    modules = [a.get_text() for a in course.select(".leerpad-modules__title a")]
    assert modules == ["Eerste stappen", "Het gesprek", "Afronding"]
    # A module keeps its place in the course and its way back and on.
    module = build.page("cursussen/proefcursus/het-gesprek/")
    assert "Proefcursus" in _nav_titles(module) and "Afronding" in _nav_titles(module)
    header = BeautifulSoup(module, "html.parser").select_one(".leerpad-module-header__place")
    assert header.get_text(" ", strip=True) == "Proefcursus · module 2 van 3 · 25 minuten"
    # The learner's progress page still knows the course and its modules.
    progress = BeautifulSoup(build.page("voortgang/"), "html.parser")
    structure = json.loads(
        progress.select_one("[data-leerpad-structure]")["data-leerpad-structure"]
    )
    assert [course["slug"] for course in structure] == ["proefcursus"]
    assert len(structure[0]["modules"]) == 3


def test_a_module_with_broken_front_matter_keeps_its_place(small_site: Path) -> None:
    module = small_site / "courses/proefcursus/2-het-gesprek.md"
    module.write_text('---\ntitle: "Het gesprek\nduration: 25\n---\n\nTekst.\n', encoding="utf-8")
    build = run_build(small_site, strict=False)
    assert build.returncode == 0, build.log
    errors = [line for line in build.log.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, build.log
    assert errors[0].startswith(
        "ERROR   -  leerpad: courses/proefcursus/2-het-gesprek.md:2: de front matter is geen "
        "geldige YAML"
    )
    course = BeautifulSoup(build.page("cursussen/proefcursus/"), "html.parser")
    modules = [a.get_text() for a in course.select(".leerpad-modules__title a")]
    assert modules == ["Eerste stappen", "Het gesprek", "Afronding"], "named after its file"
    # The modules around it still lead to it, and its own page back to them.
    first = BeautifulSoup(build.page("cursussen/proefcursus/eerste-stappen/"), "html.parser")
    following = first.select_one(".leerpad-module-nav__link--next")
    assert following.get_text(" ", strip=True) == "Volgende module Het gesprek"
    broken = build.page("cursussen/proefcursus/het-gesprek/")
    assert "de front matter is geen geldige YAML" in broken
    assert "module 2 van 3" in broken


def test_a_course_folder_without_index_md_is_still_a_course_that_says_what_to_add(
    small_site: Path,
) -> None:
    folder = small_site / "courses/tweede-cursus"
    folder.mkdir()
    (folder / "01-begin.md").write_text(
        "---\ntitle: Begin\nduration: 10\nobjectives: [Je begint.]\n---\n\nTekst.\n",
        encoding="utf-8",
    )
    build = run_build(small_site, strict=False)
    assert build.returncode == 0, build.log
    message = "courses/tweede-cursus: de cursusmap heeft geen index.md"
    assert build.log.count(message) == 1, build.log
    catalogue = BeautifulSoup(build.page("cursussen/"), "html.parser")
    titles = [a.get_text() for a in catalogue.select(".leerpad-catalogue__title a")]
    assert titles == ["Proefcursus", "Tweede cursus"]
    course = BeautifulSoup(build.page("cursussen/tweede-cursus/"), "html.parser")
    assert message in course.select_one(".leerpad-error").get_text()
    assert [a.get_text() for a in course.select(".leerpad-modules__title a")] == ["Begin"]
    assert "Tweede cursus" in _nav_titles(build.page("cursussen/tweede-cursus/begin/"))
