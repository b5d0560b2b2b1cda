"""Blog posts: front matter checks that name the file and line before Material reads them.

Material's blog plugin stops at the first bad post with a message that has no line
number; we check every post first and keep broken ones out of the build.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from typing import Any

from .courses import required_text
from .front_matter import FrontMatter, read_front_matter
from .problems import Problem, ProblemError

_H1 = re.compile(r"^#\s+\S", re.MULTILINE)
_LIST_FIELDS = ("authors", "categories", "tags")


def post_sources(root: str, folder: str) -> Iterator[str]:
    """Repository-relative paths of every Markdown file under ``root/folder``."""
    base = os.path.join(root, folder)
    for directory, subdirs, names in os.walk(base):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith((".", "_")))
        for name in sorted(names):
            if name.endswith(".md") and not name.startswith((".", "_")):
                yield os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/")


def check_post(root: str, uri: str) -> list[Problem]:
    """Every problem in one post's front matter (an empty list when it is fine)."""
    with open(os.path.join(root, uri), encoding="utf-8-sig") as handle:
        text = handle.read()
    try:
        meta = read_front_matter(text, uri)
    except ProblemError as error:
        return [error.problem]
    problems: list[Problem] = []
    if "title" in meta.data or not _H1.search(meta.body):
        required_text(meta, "title", problems, "the post's headline")
    _check_date(meta, problems)
    for key in _LIST_FIELDS:
        _check_list(meta, key, problems)
    if "draft" in meta.data and not isinstance(meta.data["draft"], bool):
        problems.append(meta.problem("draft", "'draft' must be true or false"))
    return problems


def _check_date(meta: FrontMatter, problems: list[Problem]) -> None:
    """``date`` must be a date (2025-03-12) or a mapping with a ``created`` date."""
    value: Any = meta.data.get("date")
    if "date" not in meta.data:
        problems.append(
            meta.problem(
                "date",
                "front matter has no 'date'; add the publication date, e.g. 'date: 2025-03-12'",
            )
        )
        return
    dates = value.values() if isinstance(value, dict) and "created" in value else [value]
    if not all(isinstance(d, dt.date) for d in dates):
        problems.append(
            meta.problem(
                "date",
                f"'date' is not a date: write it as year-month-day, e.g. 'date: 2025-03-12' "
                f"(found {value!r})",
            )
        )


def _check_list(meta: FrontMatter, key: str, problems: list[Problem]) -> None:
    """Authors, categories and tags are lists of names, e.g. ``[Teams, Leiderschap]``."""
    value = meta.data.get(key)
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(meta.problem(key, f"'{key}' must be a list of names, e.g. '{key}: [a, b]'"))
