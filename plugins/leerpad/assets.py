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
from collections.abc import Callable
from functools import cache
from html import escape
from importlib.resources import files as package_files
from importlib.resources.abc import Traversable
from typing import Any

import minify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .widgets.registry import kinds

_MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}

ASSET_DIR = "assets/leerpad"
"""Where the assets are published, relative to the site root."""

SITE_ON_DEMAND = (
    "leerpad-course.js",
    "leerpad-course.css",
    "leerpad-completion.js",
    "leerpad-progress.js",
    "leerpad-progress.css",
    "leerpad-blog.css",
    "leerpad-blog.js",
)
"""What leerpad.js loads the first time a page needs it besides the widget kinds' files
(its FILES table says when)."""

SITE_STYLESHEETS = {
    "leerpad-course.css": ("data-leerpad-course-progress=", 'class="leerpad-catalogue"'),
    "leerpad-progress.css": ("data-leerpad-progress",),
    "leerpad-blog.css": ('class="leerpad-cta"', 'class="leerpad-related"', "leerpad-unpublished"),
}
"""Stylesheets of the site's own parts linked only in pages whose HTML holds one of these
markers (a widget kind's stylesheet: see ``page_stylesheets``)."""


@cache
def on_demand() -> tuple[str, ...]:
    """What leerpad.js may load on demand: every widget kind's assets, then the site's."""
    names = [name for block in kinds().values() for name in block.ASSETS]
    return tuple(dict.fromkeys([*names, *SITE_ON_DEMAND]))


@cache
def page_stylesheets() -> dict[str, tuple[str, ...]]:
    """Each on-demand stylesheet and the markers of the pages it is linked in.

    A widget kind's stylesheet goes with the kind's marker, ``data-leerpad-<kind>=``.
    """
    markers: dict[str, tuple[str, ...]] = {}
    for name, block in kinds().items():
        for asset in block.ASSETS:
            if asset.endswith(".css"):
                markers[asset] = (*markers.get(asset, ()), f"data-leerpad-{name}=")
    return {**markers, **SITE_STYLESHEETS}


BUNDLED = {"leerpad-storage.js": "leerpad.js", "leerpad-merge.js": "leerpad-progress.js"}
"""Files published inside another, in front of it: the storage module and the merge of
imports are files of their own (Node's test runner imports them), but every page needs
storage and only the progress page the merge, so each travels inside that script."""


def _sources() -> list[Traversable]:
    """The files in the package's ``assets`` folder, and those of kinds from other packages."""
    folder = package_files("leerpad").joinpath("assets")
    found = {
        item.name: item
        for item in folder.iterdir()
        if item.is_file() and not item.name.startswith(".")
    }
    for block in kinds().values():
        for name in block.ASSETS:
            if name not in found:
                found[name] = package_files(block.ASSET_PACKAGE).joinpath("assets", name)
    return [found[name] for name in sorted(found)]


_TEXT_MARKER = "/* leerpad:text */"
_KINDS_MARKER = "/* leerpad:kinds */"
_PROGRESS_MARKER = "/* leerpad:progress-kinds */"


def asset_key(name: str) -> str:
    """How the front end names an on-demand file: ``quiz``, ``assessment.css``."""
    return name.removeprefix("leerpad-").removesuffix(".js")


def front_end_kinds(language: str = "en") -> dict[str, dict[str, object]]:
    """The registry as leerpad.js reads it, by kind (its widgets: ``[data-leerpad-<kind>]``).

    ``files`` are what to load for the kind's widgets (stylesheets first, then scripts in
    order; keys of the ``leerpad-scripts`` meta tag); ``stored`` is what storage checks
    of an entry of the kind (see ``WidgetBlock.STORED``); ``completes`` when a module
    whose widgets of the kind are all solved is done.
    """
    table: dict[str, dict[str, object]] = {}
    for name, block in kinds().items():
        files = [a for a in block.ASSETS if a.endswith(".css")]
        files += [a for a in block.ASSETS if not a.endswith(".css")]
        entry: dict[str, object] = {"files": [asset_key(file) for file in files]}
        if block.STORED:
            entry["stored"] = block.STORED
        if block.COMPLETES_MODULE:
            entry["completes"] = True
        table[name] = entry
    return table


def progress_kinds(language: str = "en") -> dict[str, dict[str, object]]:
    """The registry as the progress page reads it: each kind that counts there.

    Per kind its ``progress`` group and ``summary`` (``WidgetBlock.SUMMARY``, with its
    ``text`` in ``language``).
    """
    return {
        name: {
            "progress": block.PROGRESS,
            "summary": {**block.SUMMARY, **_summary_text(name, block.TEXT, language)},
        }
        for name, block in kinds().items()
        if block.PROGRESS and block.SUMMARY
    }


def _summary_text(name: str, text: dict[str, dict[str, str]], language: str) -> dict[str, str]:
    """``{"text": …}``: the kind's progress text in ``language`` (else English), if any."""
    found = (text.get(language) or text.get("en") or {}).get(f"{name}_progress")
    return {"text": found} if found else {}


def with_kinds(script: str, language: str = "en") -> str:
    """``script`` with the registry's tables after their markers.

    ``/* leerpad:kinds */`` gets ``front_end_kinds``, ``/* leerpad:progress-kinds */``
    gets ``progress_kinds``.
    """
    for marker, make in ((_KINDS_MARKER, front_end_kinds), (_PROGRESS_MARKER, progress_kinds)):
        table = json.dumps(make(language), ensure_ascii=False, separators=(",", ":"))
        script = _replace_table(script, marker, _constant(table))
    return script


def _constant(text: str) -> Callable[[dict[str, Any]], str]:
    """A replacement that ignores the table it replaces."""
    return lambda _: text


def only_language(script: str, language: str) -> str:
    """``script`` with its interface text in ``language`` only, or else in English."""

    def chosen(table: dict[str, Any]) -> str:
        picked = language if language in table else "en"
        return json.dumps({picked: table[picked]}, ensure_ascii=False)

    return _replace_table(script, _TEXT_MARKER, chosen)


def _replace_table(script: str, marker: str, replace: Callable[[dict[str, Any]], str]) -> str:
    """``script`` with ``marker`` and the JSON object after it replaced by ``replace(object)``.

    A script without the marker comes back unchanged.
    """
    at = script.find(marker)
    if at < 0:
        return script
    after = at + len(marker)
    start = after + len(script[after:]) - len(script[after:].lstrip())
    table, end = json.JSONDecoder().raw_decode(script, start)
    return script[:at] + replace(table) + script[end:]


def minified(source: Traversable, language: str = "en") -> str:
    """The asset as it is published: minified, a script's text in ``language`` only."""
    text = source.read_text(encoding="utf-8")
    for part, host in BUNDLED.items():
        if source.name == host:
            bundled = package_files("leerpad").joinpath("assets", part)
            text = bundled.read_text(encoding="utf-8") + "\n" + text
    if source.name.endswith(".js"):
        text = with_kinds(only_language(text, language), language)
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
    # Every asset is in one folder: pages at the same depth get the same tag.
    folder = get_relative_url(f"{ASSET_DIR}/", page_url).removeprefix("./")
    return _on_demand_tag(folder, tuple((name, assets[name][0]) for name in on_demand()))


@cache
def _on_demand_tag(folder: str, paths: tuple[tuple[str, str], ...]) -> str:
    """The ``leerpad-scripts`` tag for a page whose way to the assets folder is ``folder``."""
    urls = {asset_key(name): folder + path.removeprefix(f"{ASSET_DIR}/") for name, path in paths}
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
        for name, markers in page_stylesheets().items()
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
