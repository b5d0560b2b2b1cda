"""leerpad stays within the page-weight budget written in bench/budget.json."""

from __future__ import annotations

import json
import re

import pytest

from leerpad.site.assets import published_assets
from leerpad.site.weight import page_weights

from conftest import REPO, Build

BUDGET = {
    kind: size
    for kind, size in json.loads((REPO / "bench/budget.json").read_text()).items()
    if not kind.startswith("_")
}


@pytest.mark.parametrize("kind", BUDGET)
def test_page_kind_stays_within_budget(kind: str) -> None:
    weight = page_weights()[kind]
    assert weight <= BUDGET[kind], f"{kind}: {weight} B gzipped, budget {BUDGET[kind]} B"


def test_a_page_without_widgets_loads_only_the_core(repository_build: Build) -> None:
    html = repository_build.page("over/")
    scripts = [src for src in re.findall(r'<script[^>]*\ssrc="([^"]+)"', html) if "leerpad" in src]
    assert len(scripts) == 1 and re.search(r"/leerpad\.[0-9a-f]{8}\.js$", scripts[0]), scripts


def stylesheets(html: str) -> list[str]:
    """The names of leerpad's stylesheets a page links, in order."""
    return re.findall(
        r'<link rel="stylesheet" href="[^"]*/(leerpad[-a-z]*)\.[0-9a-f]{8}\.css"', html
    )


def test_widget_stylesheets_are_linked_only_where_needed(repository_build: Build) -> None:
    # Right after leerpad.css, so that the site's own extra_css still has the last word.
    assert stylesheets(repository_build.page("over/")) == ["leerpad"]
    # A kind's stylesheet only where the kind is, in the registry's order; a part of a
    # kind (the quiz's ordering question) only where it is used.
    module = "cursussen/klantvriendelijk-van-binnenuit/de-echte-glimlach/"
    assert stylesheets(repository_build.page(module)) == [
        "leerpad",
        "leerpad-quiz",
        "leerpad-reflection",
    ]
    listening = "cursussen/klantvriendelijk-van-binnenuit/luisteren-om-te-begrijpen/"
    html = repository_build.page(listening)
    assert 'data-leerpad-kind="ordering"' in html and "data-leerpad-assessment=" not in html
    assert stylesheets(html) == [
        "leerpad",
        "leerpad-quiz",
        "leerpad-ordering",
        "leerpad-reflection",
        "leerpad-scenario",
    ]
    with_assessment = "cursussen/klantvriendelijk-van-binnenuit/het-team-als-veilige-haven/"
    html = repository_build.page(with_assessment)
    assert "data-leerpad-assessment=" in html
    assert stylesheets(html)[-1] == "leerpad-assessment"
    assert stylesheets(repository_build.page("teamscan/")) == ["leerpad", "leerpad-assessment"]
    course = "cursussen/klantvriendelijk-van-binnenuit/"
    assert stylesheets(repository_build.page(course)) == ["leerpad", "leerpad-course"]
    assert stylesheets(repository_build.page("cursussen/")) == ["leerpad", "leerpad-course"]
    assert stylesheets(repository_build.page("voortgang/")) == ["leerpad", "leerpad-progress"]


def test_scripts_carry_the_interface_text_of_the_site_language_only(
    repository_build: Build,
) -> None:
    quiz = next((repository_build.site / "assets/leerpad").glob("leerpad-quiz.*.js"))
    text = quiz.read_text(encoding="utf-8")
    assert "Nog niet goed" in text and "Not quite" not in text


def test_a_site_in_a_language_without_texts_gets_english() -> None:
    quiz = published_assets("de")["leerpad-quiz.js"][1]
    assert "Not quite" in quiz and "Nog niet goed" not in quiz
