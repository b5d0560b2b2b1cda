"""The content standard that a machine can check: courses, modules and posts."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from leerpad.markdown.scanner import find_regions
from leerpad.widgets.registry import kind_names

from conftest import REPO

COURSES = REPO / "courses"
POSTS = REPO / "blog" / "posts"
MODULES = sorted(COURSES.glob("*/[0-9]*.md"))
ALL_POSTS = sorted(POSTS.glob("*.md"))
CATEGORIES = {"Klantcontact", "Teams", "Leiderschap", "Persoonlijke groei"}
WIDGETS = kind_names()


def split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def widgets(body: str) -> list:
    return [region for _, region in find_regions(body.splitlines(), WIDGETS)]


def prose_words(body: str) -> int:
    lines = body.splitlines()
    for start, region in reversed(find_regions(lines, WIDGETS)):
        del lines[start : region.end]
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", "\n".join(lines))
    return len(re.findall(r"[\w'’-]+", text))


def test_there_are_two_courses_with_five_and_three_modules() -> None:
    counts = {course.name: len(list(course.glob("[0-9]*.md"))) for course in COURSES.iterdir()}
    assert counts == {
        "klantvriendelijk-van-binnenuit": 5,
        "teamleiders-bouwen-aan-een-servicecultuur": 3,
    }


@pytest.mark.parametrize("module", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_module_meets_the_standard(module: Path) -> None:
    meta, body = split(module)
    assert 3 <= len(meta["objectives"]) <= 4
    assert isinstance(meta["duration"], int) and meta["duration"] > 0
    assert len(meta.get("description", "")) <= 160
    kinds = [region.kind for region in widgets(body)]
    assert kinds.count("quiz") >= 3
    assert kinds[-1] == "reflection", "the module closes with a reflection prompt"
    assert 800 <= prose_words(body) <= 1500, prose_words(body)


def test_quizzes_give_feedback_on_every_option_and_an_explanation() -> None:
    from leerpad.markdown.messages import Reporter
    from leerpad.widgets.quiz.source import parse_quiz

    for module in MODULES:
        for region in widgets(split(module)[1]):
            if region.kind != "quiz":
                continue
            quiz = parse_quiz(region, Reporter(str(module)))
            where = f"{module.name}:{region.line}"
            assert quiz.problems == [], where
            # An ordering question has no options to choose, so no feedback per option.
            assert quiz.ordered or all(option.feedback for option in quiz.options), where
            assert any(line.strip() for line in quiz.explanation), where


@pytest.mark.parametrize(
    ("module", "title", "min_dimensions"),
    [
        ("02-het-team-als-veilige-haven.md", "Is jouw team een veilige haven?", 5),
        ("04-grenzen-bewaken.md", "Hoe goed ken en bewaak jij je grenzen?", 4),
    ],
)
def test_the_self_assessments_of_modules_2_and_4(
    module: str, title: str, min_dimensions: int
) -> None:
    from leerpad.markdown.messages import Reporter
    from leerpad.widgets.assessment.source import parse_assessment

    body = split(COURSES / "klantvriendelijk-van-binnenuit" / module)[1]
    (region,) = [r for r in widgets(body) if r.kind == "assessment"]
    spec = parse_assessment(region, Reporter(module))
    assert spec.problems == []
    assert spec.title == title
    assert len(spec.dimensions) >= min_dimensions
    per_dimension = Counter(item.dimension for item in spec.items)
    assert all(3 <= count <= 4 for count in per_dimension.values()), per_dimension
    assert any(item.reverse for item in spec.items)


def test_blog_has_eight_posts_by_three_authors_over_the_categories() -> None:
    authors = yaml.safe_load((REPO / "blog/.authors.yml").read_text())["authors"]
    metas = [split(post)[0] for post in ALL_POSTS]
    assert len(metas) >= 8
    written = Counter(author for meta in metas for author in meta["authors"])
    assert len(written) >= 3 and set(written) <= set(authors)
    used = {category for meta in metas for category in meta["categories"]}
    assert used == CATEGORIES
    dates = sorted(meta["date"] for meta in metas)
    assert (dates[-1] - dates[0]) >= dt.timedelta(days=365), "dates spread over the years"


@pytest.mark.parametrize("post", ALL_POSTS, ids=lambda p: p.name)
def test_post_meets_the_standard(post: Path) -> None:
    meta, body = split(post)
    assert meta["authors"] and set(meta["categories"]) <= CATEGORIES and meta["tags"]
    assert "<!-- more -->" in body
    assert re.search(r"\]\((\.\./)+courses/[^)]+\.md\)", body), "links to a module"
    assert 400 <= prose_words(body) <= 900, prose_words(body)
    assert len(meta["description"]) <= 160


def test_no_two_quizzes_share_an_id(repository_build) -> None:
    ids = Counter()
    for page in (repository_build.site / "cursussen").rglob("index.html"):
        ids.update(re.findall(r'data-leerpad-quiz="([^"]+)"', page.read_text(encoding="utf-8")))
    assert ids and max(ids.values()) == 1


def test_search_finds_each_module_by_its_title_words(repository_build) -> None:
    import json

    index = json.loads((repository_build.site / "search/search_index.json").read_text())
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for module in MODULES:
        meta, _ = split(module)
        slug = module.stem.split("-", 1)[1]
        location = f"cursussen/{module.parent.name}/{slug}/"
        assert titles.get(location) == meta["title"], location
