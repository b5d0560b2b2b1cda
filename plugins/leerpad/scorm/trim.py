"""Only what a course loads: each package page's on-demand table, and the files kept.

A site's pages carry one ``leerpad-scripts`` table of every file leerpad.js may load on
demand (every widget kind's, the course's, the progress page's, the blog's), because
instant navigation can take a learner anywhere. A package holds one course and no
instant navigation: each page loads only what it has, so each page's table lists only
that, and a leerpad asset no page refers to stays out of the zip.
"""

from __future__ import annotations

import json
import posixpath
import re
from html import escape, unescape
from pathlib import Path

from ..site.assets import ASSET_DIR, front_end_kinds

ON_DEMAND = re.compile(r'<meta name="leerpad-scripts" content="(?P<table>[^"]*)">')
"""The ``leerpad-scripts`` tag a build writes into every page (site/assets.py)."""

_REFERENCE = re.compile(r'\s(?:src|href)="(?P<url>[^"#?]+)')


def _class(name: str) -> re.Pattern[str]:
    """An element whose ``class`` holds ``name`` as one of its words."""
    return re.compile(rf'class="(?:[^"]*\s)?{re.escape(name)}(?:\s[^"]*)?"')


SITE_PARTS: dict[str, tuple[tuple[re.Pattern[str], ...], tuple[str, ...]]] = {
    "course": (
        (re.compile(r"\sdata-leerpad-course-progress="),),
        ("course.css", "completion", "course"),
    ),
    "complete": ((re.compile(r"\sdata-leerpad-complete="),), ("completion",)),
    "catalogue": ((_class("leerpad-catalogue"),), ("course.css",)),
    "progress": (
        (re.compile(r"\sdata-leerpad-progress[\s=>]"),),
        ("progress.css", "completion", "progress"),
    ),
    "blog": (
        (_class("leerpad-cta"), _class("leerpad-related"), _class("leerpad-unpublished")),
        ("blog.css",),
    ),
    "posts": ((_class("md-post"),), ("blog",)),
}
"""The site's own parts as leerpad.js finds them (its ``SITE_SELECTORS``, as markers in
the HTML) and the files it loads for each (its ``SITE_FILES``). A part missed here leaves
a file out of a page's table; the package test loads every page in Chromium to catch it."""


def page_needs(html: str) -> set[str]:
    """The on-demand files (``quiz``, ``quiz.css``, …) leerpad.js loads for ``html``.

    A widget kind's (or part's) files when the page has ``data-leerpad-<kind>=``, a site
    part's when the page holds its marker.
    """
    needed: set[str] = set()
    for name, entry in front_end_kinds().items():
        if f" data-leerpad-{name}=" in html:
            files = entry["files"]
            assert isinstance(files, list)
            needed.update(files)
    for markers, files in SITE_PARTS.values():
        if any(marker.search(html) for marker in markers):
            needed.update(files)
    return needed


def trim_pages(site: Path) -> set[str]:
    """Cut each page's on-demand table in ``site`` to what the page loads.

    Returns every file of ``site`` that a page refers to (``src``, ``href`` or its
    table), as paths in the site: what the package must hold of leerpad's assets.
    """
    referred: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        trimmed = trim_page(html)
        if trimmed != html:
            page.write_text(trimmed, encoding="utf-8")
        folder = page.parent.relative_to(site).as_posix()
        referred.update(_in_site(folder, url) for url in references(trimmed))
    return referred


def trim_page(html: str) -> str:
    """``html`` with its ``leerpad-scripts`` table cut to what the page loads."""
    needed = page_needs(html)

    def trimmed(match: re.Match[str]) -> str:
        table = json.loads(unescape(match["table"]))
        kept = {key: url for key, url in table.items() if key in needed}
        return f'<meta name="leerpad-scripts" content="{escape(json.dumps(kept))}">'

    return ON_DEMAND.sub(trimmed, html)


def references(html: str) -> list[str]:
    """Every relative address ``html`` refers to: ``src``, ``href``, its on-demand table."""
    found = [m["url"] for m in _REFERENCE.finditer(html)]
    for match in ON_DEMAND.finditer(html):
        found += json.loads(unescape(match["table"])).values()
    return [url for url in found if ":" not in url and not url.startswith("/")]


def _in_site(folder: str, url: str) -> str:
    """The site path of ``url`` as written in a page in ``folder`` (``""`` is the root)."""
    return posixpath.normpath(posixpath.join(folder, url))


def is_leerpad_asset(path: str) -> bool:
    """Whether ``path`` (in the site) is one of leerpad's published assets."""
    return path.startswith(f"{ASSET_DIR}/")
