"""The Echt Contact site itself builds strictly, with its courses and posts in place."""

from __future__ import annotations

import datetime as dt
import json
import re

import yaml

from conftest import REPO, Build


def test_repository_site_builds_strictly(repository_build: Build) -> None:
    assert repository_build.returncode == 0, repository_build.log
    assert "WARNING" not in repository_build.log


def test_every_course_module_is_published(repository_build: Build) -> None:
    for course in (REPO / "courses").iterdir():
        for module in course.glob("[0-9]*.md"):
            slug = module.stem.split("-", 1)[1]
            page = repository_build.site / "cursussen" / course.name / slug / "index.html"
            assert page.is_file(), page


def test_posts_are_published_from_their_date_on(repository_build: Build) -> None:
    index = json.loads((repository_build.site / "search/search_index.json").read_text())
    post_titles = {
        doc["title"]
        for doc in index["docs"]
        if re.match(r"blog/\d{4}/\d\d/\d\d/[^/]+/$", doc["location"])
    }
    for post in (REPO / "blog/posts").glob("*.md"):
        meta = yaml.safe_load(post.read_text(encoding="utf-8").split("---")[1])
        published = meta["date"] <= dt.date.today() and not meta.get("draft")
        assert (meta["title"] in post_titles) == published, post.name
