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
import re
from collections.abc import Callable
from functools import cache
from html import escape
from importlib.resources import files as package_files
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..widgets.registry import kinds
from .minify_cache import minify_text

if TYPE_CHECKING:
    from ..markdown.blocks import WidgetBlock

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


def _kind_files(block: type[WidgetBlock]) -> list[str]:
    """A kind's own assets and those of its parts."""
    return [*block.ASSETS, *(name for files in block.PARTS.values() for name in files)]


@cache
def on_demand() -> tuple[str, ...]:
    """What leerpad.js may load on demand: every widget kind's assets, then the site's."""
    names = [name for block in kinds().values() for name in _kind_files(block)]
    return tuple(dict.fromkeys([*names, *SITE_ON_DEMAND]))


@cache
def page_stylesheets() -> dict[str, tuple[str, ...]]:
    """Each on-demand stylesheet and the markers of the pages it is linked in.

    A widget kind's stylesheet goes with the kind's marker, ``data-leerpad-<kind>=``.
    """
    markers: dict[str, tuple[str, ...]] = {}
    for name, block in kinds().items():
        owners = [(f"data-leerpad-{name}=", block.ASSETS)]
        owners += [(f"data-leerpad-{name}-{part}=", files) for part, files in block.PARTS.items()]
        for marker, files in owners:
            for asset in files:
                if asset.endswith(".css"):
                    markers[asset] = (*markers.get(asset, ()), marker)
    return {**markers, **SITE_STYLESHEETS}


BUNDLED = {"leerpad-storage.js": "leerpad.js", "leerpad-merge.js": "leerpad-progress.js"}
"""Files published inside another, in front of it: the storage module and the merge of
imports are files of their own (Node's test runner imports them), but every page needs
storage and only the progress page the merge, so each travels inside that script."""


def _files_in(folder: Traversable) -> dict[str, Traversable]:
    """The files of ``folder`` by name (none when it does not exist)."""
    if not folder.is_dir():
        return {}
    return {i.name: i for i in folder.iterdir() if i.is_file() and not i.name.startswith(".")}


def asset_sources() -> dict[str, Traversable]:
    """Every file leerpad publishes, by name, with where it is read from.

    The site's own files are in ``leerpad/assets``; each widget kind's in the ``assets``
    folder of its ``ASSET_PACKAGE``.

    A kind may list a file of another kind in its ``ASSETS`` (the team scan uses the
    self-assessment's script). Raises ``FileNotFoundError`` naming the kind when a file it
    lists is in none of these folders.
    """
    found = _files_in(package_files("leerpad").joinpath("assets"))
    for block in kinds().values():
        for name, item in _files_in(package_files(block.ASSET_PACKAGE).joinpath("assets")).items():
            found.setdefault(name, item)
    for name, block in kinds().items():
        missing = [asset for asset in _kind_files(block) if asset not in found]
        if missing:
            raise FileNotFoundError(f"widget kind {name!r}: no asset {', '.join(missing)}")
    return found


def _sources() -> list[Traversable]:
    """What is published, in name order."""
    found = asset_sources()
    return [found[name] for name in sorted(found)]


_TEXT_MARKER = "/* leerpad:text */"
_KINDS_MARKER = "/* leerpad:kinds */"
_PROGRESS_MARKER = "/* leerpad:progress-kinds */"
_COMPLETION_MARKER = "/* leerpad:completion-kinds */"


def asset_key(name: str) -> str:
    """How the front end names an on-demand file: ``quiz``, ``assessment.css``."""
    return name.removeprefix("leerpad-").removesuffix(".js")


def front_end_kinds(language: str = "en") -> dict[str, dict[str, object]]:
    """The registry as leerpad.js reads it, by kind (its widgets: ``[data-leerpad-<kind>]``).

    ``files`` are what to load for the kind's widgets (stylesheets first, then scripts in
    order; keys of the ``leerpad-scripts`` meta tag); ``stored`` is what storage checks
    and keeps of an entry of the kind (``WidgetBlock.STORED``, and ``done``, the field of
    ``WidgetBlock.DONE``, which an import does not undo).

    A kind's parts (``WidgetBlock.PARTS``) come just before it, as ``<kind>-<part>`` with
    only their ``files``: leerpad.js loads them for the elements they mark
    (``[data-leerpad-<kind>-<part>]``) as it does a kind's, and before the kind's own.
    """
    table: dict[str, dict[str, object]] = {}
    for name, block in kinds().items():
        for part, files in block.PARTS.items():
            table[f"{name}-{part}"] = {"files": _load_order(files)}
        entry: dict[str, object] = {"files": _load_order(block.ASSETS)}
        if block.STORED:
            entry["stored"] = {**block.STORED, "done": block.DONE} if block.DONE else block.STORED
        table[name] = entry
    return table


def _load_order(files: tuple[str, ...]) -> list[str]:
    """``files`` as the front end names them: stylesheets first, then scripts in order."""
    ordered = sorted(files, key=lambda name: not name.endswith(".css"))  # sorted() is stable
    return [asset_key(file) for file in ordered]


def progress_kinds(language: str = "en") -> dict[str, dict[str, object]]:
    """The registry as the progress page reads it: each kind that counts there.

    Per kind its ``progress`` group, ``summary`` (``WidgetBlock.SUMMARY``, with its
    ``text`` in ``language``) and ``count``, how it counts entries of its kind in words
    (``<NAME>_count`` in its ``TEXT``: ``"{count:# vraag|# vragen}"``).
    """
    return {
        name: {
            "progress": block.PROGRESS,
            "summary": {**block.SUMMARY, **_summary_text(name, block.TEXT, language)},
            "count": _kind_text(block.TEXT, f"{name}_count", language),
        }
        for name, block in kinds().items()
        if block.PROGRESS and block.SUMMARY
    }


def completion_kinds(language: str = "en") -> dict[str, dict[str, object]]:
    """The registry as leerpad-completion.js reads it: each kind that holds up a module.

    Per kind its progress ``group`` (how a module lists its widgets), the stored field
    that says one is ``done``, the ``rules`` it counts under (``WidgetBlock.DONE``,
    ``COMPLETES_UNDER``) and ``open``, the text of what is still to do (``<NAME>_open`` in
    the kind's ``TEXT``, in ``language``, else English).
    """
    return {
        name: {
            "group": block.PROGRESS,
            "done": block.DONE,
            "rules": list(block.COMPLETES_UNDER),
            "open": _kind_text(block.TEXT, f"{name}_open", language),
        }
        for name, block in kinds().items()
        if block.COMPLETES_UNDER
    }


def _kind_text(text: dict[str, dict[str, str]], key: str, language: str) -> str:
    """``key`` of a kind's ``TEXT`` in ``language``, else in English ("" when it has none)."""
    return (text.get(language) or {}).get(key) or text.get("en", {}).get(key, "")


def _summary_text(name: str, text: dict[str, dict[str, str]], language: str) -> dict[str, str]:
    """``{"text": …}``: the kind's progress text in ``language`` (else English), if any."""
    found = (text.get(language) or text.get("en") or {}).get(f"{name}_progress")
    return {"text": found} if found else {}


def with_kinds(script: str, language: str = "en") -> str:
    """``script`` with the registry's tables after their markers.

    ``/* leerpad:kinds */`` gets ``front_end_kinds``, ``/* leerpad:progress-kinds */``
    ``progress_kinds`` and ``/* leerpad:completion-kinds */`` ``completion_kinds``.
    """
    tables = (
        (_KINDS_MARKER, front_end_kinds),
        (_PROGRESS_MARKER, progress_kinds),
        (_COMPLETION_MARKER, completion_kinds),
    )
    for marker, make in tables:
        if marker not in script:
            continue  # most scripts hold no table: do not work one out for them
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


def minified(source: Traversable, language: str = "en", cache_dir: str | None = None) -> str:
    """The asset as it is published: minified, a script's text in ``language`` only.

    With ``cache_dir``, a minified text an earlier build kept there is used again.
    """
    text = source.read_text(encoding="utf-8")
    for part, host in BUNDLED.items():
        if source.name == host:
            bundled = package_files("leerpad").joinpath("assets", part)
            text = bundled.read_text(encoding="utf-8") + "\n" + text
    if source.name.endswith(".js"):
        text = with_kinds(only_language(text, language), language)
    for extension, media_type in _MEDIA_TYPES.items():
        if source.name.endswith(extension):
            return minify_text(media_type, text, cache_dir)
    return text


def published_assets(
    language: str = "en", cache_dir: str | None = None
) -> dict[str, tuple[str, str]]:
    """Each asset's file name mapped to (published path, content), for a site in ``language``.

    ``cache_dir``: where minified texts are kept between builds (None: minify them all).

    The path carries a hash of the content, e.g. ``assets/leerpad/leerpad.1a2b3c4d.js``.
    """
    assets = {}
    language = language[:2].lower()
    for source in _sources():
        if source.name in BUNDLED:
            continue
        content = minified(source, language, cache_dir)
        stem, extension = posixpath.splitext(source.name)
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
        assets[source.name] = (f"{ASSET_DIR}/{stem}.{digest}{extension}", content)
    return assets


def add_assets(files: Files, config: MkDocsConfig, assets: dict[str, tuple[str, str]]) -> None:
    """Add every asset to the build under its published name."""
    for path, content in assets.values():
        files.append(File.generated(config, path, content=content))


class OnDemandTags:
    """Each page's ``leerpad-scripts`` meta tag, made once per folder of pages.

    The tag tells leerpad.js where it finds what it loads on demand. Keys are the names
    without ``leerpad-`` and ``.js``: ``quiz``, ``assessment.css``.
    """

    def __init__(self, assets: dict[str, tuple[str, str]]) -> None:
        self.paths = [(asset_key(name), assets[name][0]) for name in on_demand()]
        self.tags: dict[int, str] = {}
        """Made tags by the depth of the pages' folder."""

    def for_page(self, page_url: str) -> str:
        """The tag for the page published at ``page_url``."""
        # As get_relative_url: a file name at the end of the page's URL does not count.
        folder_of_page, name = posixpath.split(page_url)
        directory = folder_of_page if "." in name else page_url
        segments = [part for part in directory.split("/") if part not in ("", ".")]
        # The way to the assets depends only on the page's depth, unless the page is
        # under the assets' top folder (then the way is shorter) or goes up.
        unusual = segments[:1] == [ASSET_DIR.split("/")[0]] or ".." in segments
        key = -1 if unusual else len(segments)
        tag = self.tags.get(key)
        if tag is None:
            folder = get_relative_url(f"{ASSET_DIR}/", page_url).removeprefix("./")
            prefix = f"{ASSET_DIR}/"
            urls = {name: folder + path.removeprefix(prefix) for name, path in self.paths}
            tag = f'<meta name="leerpad-scripts" content="{escape(json.dumps(urls))}">'
            if key >= 0:
                self.tags[key] = tag
        return tag


_CONTENT_TAG = '<div class="md-content" data-md-component="content">'


def content_start(html: str) -> int:
    """Where a Material page's content area starts (0 if there is none).

    Widgets and the markers that need a stylesheet are in the content area (the page's
    own content, or post excerpts on a blog listing); the header and the navigation
    before it can be most of a page on a large site, so the theme's tag is looked for
    from the end: an author's own HTML does not carry Material's component name.
    """
    at = html.rfind(_CONTENT_TAG)
    return at if at >= 0 else max(html.find('<div class="md-content"'), 0)


def needed_stylesheets(html: str, start: int = 0) -> list[str]:
    """The widget stylesheets whose markers ``html`` holds from offset ``start`` on."""
    # Every marker holds "leerpad-"; the page's own scripts (assets/leerpad/leerpad.….js)
    # do not: a page without widgets (most pages) is done with one search.
    if html.find(MARKER_WORD, start) < 0:
        return []
    attributes = _leerpad_attributes(html, start)
    found = []
    for name, markers in page_stylesheets().items():
        for marker in markers:
            if not marker.startswith(ATTRIBUTE_PREFIX):
                present = html.find(marker, start) >= 0
            elif marker.endswith("="):
                present = marker in attributes
            else:
                present = any(attribute.startswith(marker) for attribute in attributes)
            if present:
                found.append(name)
                break
    return found


ATTRIBUTE_PREFIX = "data-leerpad-"
"""How most markers start: the attribute that names a widget kind (or one of its parts)."""
_ATTRIBUTE = re.compile(r"data-leerpad-[a-z0-9-]*=?")


def _leerpad_attributes(html: str, start: int) -> set[str]:
    """Every ``data-leerpad-…`` name in ``html`` from ``start`` on, with its ``=`` if any.

    One pass over a page with widgets, instead of one per marker: a marker of this form is
    in the page exactly when one of these names is the marker (or starts with it, for a
    marker without ``=``).
    """
    found = set()
    at = html.find(ATTRIBUTE_PREFIX, start)
    while at >= 0:
        match = _ATTRIBUTE.match(html, at)
        assert match is not None  # the pattern matches the prefix alone
        found.add(match.group())
        at = html.find(ATTRIBUTE_PREFIX, at + 1)
    return found


MARKER_WORD = "leerpad-"
"""What every marker of ``page_stylesheets`` holds."""


def link_stylesheets(
    head: str, names: list[str], assets: dict[str, tuple[str, str]], page_url: str
) -> str:
    """``head`` (a page's up to ``</head>``) with stylesheets ``names`` after leerpad.css.

    They follow it in the order given, before the site's own extra_css.

    A page without JavaScript gets them too; with instant navigation leerpad.js adds
    them when a page needs them.
    """
    if not names:
        return head
    core = f'href="{get_relative_url(assets["leerpad.css"][0], page_url)}"'
    links = "".join(
        f'\n<link rel="stylesheet" href="{get_relative_url(assets[name][0], page_url)}">'
        for name in names
    )
    at = head.find(core)
    end = head.find(">", at) + 1 if at >= 0 else len(head)
    return head[:end] + links + head[end:]
