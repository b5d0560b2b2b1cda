"""Ship leerpad's CSS and JavaScript as ordinary, cacheable files of the site.

Each file is published minified (minify-go: local names shortened, comments and
spacing gone; the sources in the package stay readable and commented) under a name
that carries a hash of its content (``leerpad.3f2a9c1e.css``), like Material's own
assets: a host can let browsers keep them for a year, and a new version is a new name.

A script's interface text is a table per language (``var TEXT = /* leerpad:text */
{"nl": {...}, "en": {...}}``); the site gets the table of its own language only.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from html import escape
from importlib.resources import files as package_files
from importlib.resources.abc import Traversable

import minify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

_MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}

ASSET_DIR = "assets/leerpad"
"""Where the assets are published, relative to the site root."""

ON_DEMAND = (
    "leerpad-quiz.js",
    "leerpad-reflection.js",
    "leerpad-assessment.js",
    "leerpad-assessment.css",
    "leerpad-teamscan.js",
    "leerpad-course.js",
    "leerpad-course.css",
    "leerpad-completion.js",
    "leerpad-progress.js",
    "leerpad-progress.css",
    "leerpad-blog.css",
    "leerpad-blog.js",
)
"""What leerpad.js loads the first time a page needs it (its FILES table says when)."""

PAGE_STYLESHEETS = {
    "leerpad-assessment.css": ("data-leerpad-assessment=", "data-leerpad-teamscan="),
    "leerpad-course.css": ("data-leerpad-course-progress=", 'class="leerpad-catalogue"'),
    "leerpad-progress.css": ("data-leerpad-progress",),
    "leerpad-blog.css": ('class="leerpad-cta"', 'class="leerpad-related"', "leerpad-unpublished"),
}
"""Stylesheets linked only in pages whose HTML holds one of these markers."""

BUNDLED = {"leerpad-storage.js": "leerpad.js", "leerpad-merge.js": "leerpad-progress.js"}
"""Files published inside another, in front of it: the storage module and the merge of
imports are files of their own (Node's test runner imports them), but every page needs
storage and only the progress page the merge, so each travels inside that script."""


def _sources() -> list[Traversable]:
    """The files in the package's ``assets`` folder."""
    folder = package_files("leerpad").joinpath("assets")
    return sorted(
        (item for item in folder.iterdir() if item.is_file() and not item.name.startswith(".")),
        key=lambda item: item.name,
    )


_TEXT_MARKER = "/* leerpad:text */"


def only_language(script: str, language: str) -> str:
    """``script`` with its interface text in ``language`` only, or else in English."""
    marker = script.find(_TEXT_MARKER)
    if marker < 0:
        return script
    after = marker + len(_TEXT_MARKER)
    start = after + len(script[after:]) - len(script[after:].lstrip())
    table, end = json.JSONDecoder().raw_decode(script, start)
    chosen = language if language in table else "en"
    return script[:marker] + json.dumps({chosen: table[chosen]}, ensure_ascii=False) + script[end:]


def minified(source: Traversable, language: str = "en") -> str:
    """The asset as it is published: minified, a script's text in ``language`` only."""
    text = source.read_text(encoding="utf-8")
    for part, host in BUNDLED.items():
        if source.name == host:
            bundled = package_files("leerpad").joinpath("assets", part)
            text = bundled.read_text(encoding="utf-8") + "\n" + text
    if source.name.endswith(".js"):
        text = only_language(text, language)
    for extension, media_type in _MEDIA_TYPES.items():
        if source.name.endswith(extension):
            return str(minify.string(media_type, text))
    return text


def published_assets(language: str = "en") -> dict[str, tuple[str, str]]:
    """Each asset's file name mapped to (published path, content), for a site in ``language``.

    The path carries a hash of the content, e.g. ``assets/leerpad/leerpad.1a2b3c4d.js``.
    """
    assets = {}
    language = language[:2].lower()
    for source in _sources():
        if source.name in BUNDLED:
            continue
        content = minified(source, language)
        stem, extension = posixpath.splitext(source.name)
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
        assets[source.name] = (f"{ASSET_DIR}/{stem}.{digest}{extension}", content)
    return assets


def add_assets(files: Files, config: MkDocsConfig, assets: dict[str, tuple[str, str]]) -> None:
    """Add every asset to the build under its published name."""
    for path, content in assets.values():
        files.append(File.generated(config, path, content=content))


def on_demand_meta(assets: dict[str, tuple[str, str]], page_url: str) -> str:
    """The ``leerpad-scripts`` meta tag: where leerpad.js finds what it loads on demand.

    Keys are the names without ``leerpad-`` and ``.js``: ``quiz``, ``assessment.css``.
    """
    urls = {
        name.removeprefix("leerpad-").removesuffix(".js"): get_relative_url(
            assets[name][0], page_url
        )
        for name in ON_DEMAND
    }
    return f'<meta name="leerpad-scripts" content="{escape(json.dumps(urls))}">'


def content_start(html: str) -> int:
    """Where a Material page's content area starts (0 if there is none).

    Widgets and the markers that need a stylesheet are in the content area (the page's
    own content, or post excerpts on a blog listing); the header and the navigation
    before it can be most of a page on a large site.
    """
    return max(html.find('<div class="md-content"'), 0)


def needed_stylesheets(html: str, start: int = 0) -> list[str]:
    """The widget stylesheets whose markers ``html`` holds from offset ``start`` on."""
    return [
        name
        for name, markers in PAGE_STYLESHEETS.items()
        if any(html.find(marker, start) >= 0 for marker in markers)
    ]


def link_stylesheets(
    head: str, names: list[str], assets: dict[str, tuple[str, str]], page_url: str
) -> str:
    """``head`` (a page's up to ``</head>``) with stylesheets ``names`` after leerpad.css.

    A page without JavaScript gets them too; with instant navigation leerpad.js adds
    them when a page needs them.
    """
    if not names:
        return head
    core = f'href="{get_relative_url(assets["leerpad.css"][0], page_url)}"'
    for name in names:
        link = f'<link rel="stylesheet" href="{get_relative_url(assets[name][0], page_url)}">'
        at = head.find(core)
        end = head.find(">", at) + 1 if at >= 0 else len(head)
        head = head[:end] + "\n" + link + head[end:]
    return head
