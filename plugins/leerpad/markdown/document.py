"""Per-document state: the widgets read from the source, and the problems found."""

from __future__ import annotations

import copy
import difflib
import hashlib
import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..problems import Problem
from ..site import search_skip
from ..widgets.registry import kind_names, kinds
from .messages import Reporter
from .scanner import Region, find_regions
from .spec import WidgetSpec

if TYPE_CHECKING:
    from . import LeerpadExtension

REFERENCE_PREFIX = "@leerpad-"
DEFAULT_PATH = "<markdown>"
"""The ``path`` setting when the caller names no source file."""


def parse_region(region: Region, report: Reporter) -> WidgetSpec:
    """The checked spec of one widget block, read by its kind's parser."""
    spec = kinds()[region.kind].PARSER(region, report)
    spec.widget_kind = region.kind
    return spec


class DocumentState:
    """What the scanner found in the document being converted."""

    def __init__(self, extension: LeerpadExtension) -> None:
        self.extension = extension
        self.widgets: dict[str, tuple[str, WidgetSpec]] = {}
        self.problems: list[Problem] = []
        self.copies: list[tuple[etree.Element, etree.Element, etree.Element]] = []
        """(source, parent, anchor): source's rendered content goes right after anchor,
        a child of parent."""
        self.unsearched: list[tuple[etree.Element, etree.Element]] = []
        """(parent, element): elements to put between search-skip markers."""

    def referable(self, kind: str) -> dict[str, WidgetSpec]:
        """The widgets of ``kind`` by id: this page's own, then the rest of the site's."""
        found = {
            widget_id: spec
            for widget_id, spec in reversed(self.widgets.values())
            if spec.widget_kind == kind
        }
        for widget_id, spec in self.setting("referable").get(kind, {}).items():
            found.setdefault(widget_id, spec)
        return found

    def referred(self, kind: str, widget_id: str) -> WidgetSpec | None:
        """The widget of ``kind`` with ``widget_id``: on this page, or anywhere on the site."""
        return self.referable(kind).get(widget_id)

    def setting(self, name: str) -> Any:
        """A setting of the extension (language, path, ...)."""
        return self.extension.getConfig(name)

    def reset(self, md: Markdown) -> None:
        """Start a new document; share its problem list with the extension and ``md``."""
        self.widgets = {}
        self.problems = []
        self.copies = []
        self.unsearched = []
        self.extension.problems = self.problems
        md.leerpad_problems = self.problems  # type: ignore[attr-defined]


def read_widgets(
    regions: list[tuple[int, Region]],
    path: str,
    page_key: str,
    language: str = "en",
    document_key: str = "",
) -> list[tuple[str, WidgetSpec]]:
    """Parse each region and give it its id (explicit, or derived from the page).

    ``page_key`` names the page (its source path in a build). Without one (plain
    ``markdown.markdown``), widgets whose derived id depends on the page alone use
    ``document_key`` instead, so that ids still differ between documents.
    A derived id already taken on the page gets ``-2``, ``-3``, …: the first widget keeps
    the id it always had, so learners keep what they stored.
    """
    report = Reporter(path, language)
    widgets: list[tuple[str, WidgetSpec]] = []
    ordinals: Counter[str] = Counter()
    ids_seen: dict[str, int] = {}
    for _, region in regions:
        spec = parse_region(region, report)
        if region.written_kind:
            spec.problems.insert(
                0,
                report.problem(
                    region.line, "block_did_you_mean", name=region.written_kind, kind=region.kind
                ),
            )
        ordinals[region.kind] += 1
        explicit = spec.options_set.get("id")
        if explicit:
            widget_id = str(explicit)
            if widget_id in ids_seen:
                spec.problems.append(
                    report.problem(
                        region.line, "id_twice_on_page", id=widget_id, line=ids_seen[widget_id]
                    )
                )
        else:
            key = page_key or (document_key if spec.needs_page_key else "")
            widget_id = _free_id(spec.default_id(key, ordinals[region.kind]), ids_seen)
        ids_seen.setdefault(widget_id, region.line)
        widgets.append((widget_id, spec))
    return widgets


def _free_id(widget_id: str, taken: dict[str, int]) -> str:
    """``widget_id``, or with the first free ``-2``, ``-3``, … after it."""
    number = 1
    candidate = widget_id
    while candidate in taken:
        number += 1
        candidate = f"{widget_id}-{number}"
    return candidate


_TITLE = re.compile(r"^(?:title:[ ]*|#[ ]+)(?P<title>\S.*)$")


def document_key(lines: list[str], regions: list[tuple[int, Region]]) -> str:
    """A key for a document converted without a page key: its title, else its widgets.

    The title (front matter ``title:`` or the first ``#`` heading) tells the modules of a
    course apart and survives edits elsewhere on the page.
    """
    for line in lines:
        found = _TITLE.match(line.strip())
        if found:
            return found["title"].strip()
    sources = "\n".join(region.source for _, region in regions)
    return hashlib.sha1(sources.encode("utf-8")).hexdigest()[:12]


RegionKey = tuple[tuple[Any, ...], ...]


def region_key(regions: list[tuple[int, Region]]) -> RegionKey:
    """What the widgets read from ``regions`` depend on: kind, place, text (not the index)."""
    return tuple(
        (r.kind, r.line, r.argument, tuple(r.header), tuple(r.body), r.closed) for _, r in regions
    )


ReadWidgets = tuple[str, RegionKey, list[tuple[str, WidgetSpec]]]
"""A page's widgets as the site's widget index read them: (path, region key, widgets)."""


def read_or_reuse(
    regions: list[tuple[int, Region]],
    path: str,
    page_key: str,
    known: ReadWidgets | None,
    language: str = "en",
    key_of_document: str = "",
) -> list[tuple[str, WidgetSpec]]:
    """The widgets of ``regions``: those read before when nothing changed, else read now.

    Every page's widgets are read once before any page renders (leerpad.site.widget_index);
    reading them again for the page itself made a site with widgets slower to build.
    """
    if known is not None and known[0] == path and known[1] == region_key(regions):
        return known[2]
    return read_widgets(regions, path, page_key, language, key_of_document)


class WidgetPreprocessor(Preprocessor):
    """Reads every widget block from the raw lines and leaves a reference in its place."""

    def __init__(self, md: Markdown, document: DocumentState) -> None:
        super().__init__(md)
        self.document = document

    def run(self, lines: list[str]) -> list[str]:
        """Parse widgets, record their problems, replace each by a reference block."""
        document = self.document
        document.reset(self.md)
        path = document.setting("path")
        first_line = int(document.setting("line_offset")) + 1
        page_key = document.setting("page_key")
        regions = find_regions(lines, kind_names(), first_line)
        known = document.setting("widgets_read").get(page_key)
        language = document.setting("language")
        # Without a page key, the source path names the page when the caller gave one.
        named = path if path != DEFAULT_PATH else ""
        key = "" if page_key else (named or document_key(lines, regions))
        widgets = read_or_reuse(regions, path, page_key, known, language, key)
        for number, (widget_id, spec) in enumerate(widgets):
            document.widgets[f"{REFERENCE_PREFIX}{number}"] = (widget_id, spec)
        report = Reporter(path, language)
        for _, spec in document.widgets.values():
            problem = reference_problem(report, spec, document.referable)
            if problem is not None and problem not in spec.problems:
                spec.problems.append(problem)
            document.problems.extend(spec.problems)
        output = list(lines)
        for number, (start, region) in reversed(list(enumerate(regions))):
            reference = [
                f"{region.indent}/// {region.kind} | {REFERENCE_PREFIX}{number}",
                f"{region.indent}///",
            ]
            # An unclosed block would swallow the rest of the page: replace only its
            # opening and options, so that everything after it still shows.
            end = region.end if region.closed else start + 1 + len(region.header)
            output[start:end] = ["", *reference, ""]
        return output


class CopyProcessor(Treeprocessor):
    """Copies rendered content where a widget shows it twice (e.g. the answer key).

    It runs after every other processor that rewrites text (inline Markdown, smart
    symbols), so the copy is ready-made and no processor works on the same text twice.
    """

    def __init__(self, md: Markdown, document: DocumentState) -> None:
        super().__init__(md)
        self.document = document

    def run(self, root: etree.Element) -> None:
        """Put a copy of every source's text and elements right after its anchor."""
        for source, parent, anchor in self.document.copies:
            anchor.tail = (anchor.tail or "") + (source.text or "")
            position = list(parent).index(anchor) + 1
            for offset, child in enumerate(source):
                parent.insert(position + offset, copy.deepcopy(child))


class SearchMarkerProcessor(Treeprocessor):
    """Puts search-skip comments around the elements search skips (see search_skip).

    Last but one, because other processors (the table of contents) do not expect
    comments in the tree.
    """

    def __init__(self, md: Markdown, document: DocumentState) -> None:
        super().__init__(md)
        self.document = document

    def run(self, root: etree.Element) -> None:
        """Wrap every recorded element in a start and an end marker."""
        for parent, element in self.document.unsearched:
            position = list(parent).index(element)
            end = etree.Comment(AtomicString(search_skip.END))
            end.tail, element.tail = element.tail, None
            parent.insert(position + 1, end)
            start = etree.Comment(AtomicString(search_skip.START))
            parent.insert(position, start)


def referred_kinds() -> set[str]:
    """The kinds some kind's widgets refer to (``REFERS_TO``): the ones to index by id."""
    return {block.REFERS_TO.kind for block in kinds().values() if block.REFERS_TO}


def reference_problem(
    report: Reporter, spec: WidgetSpec, referable: Callable[[str], dict[str, WidgetSpec]]
) -> Problem | None:
    """What is wrong with the widget ``spec`` refers to, if its kind refers to one.

    ``referable(kind)`` gives the widgets of ``kind`` that may be named, by id. A widget
    must name one that exists and is itself sound (see ``Reference``).
    """
    reference = kinds()[spec.widget_kind].REFERS_TO if spec.widget_kind else None
    target = reference.target(spec) if reference is not None else ""
    if reference is None or not target:
        return None
    known = referable(reference.kind)
    found = known.get(target)
    if found is None:
        close = difflib.get_close_matches(target, list(known), n=1, cutoff=0.6)
        if close:
            return report.problem(spec.line, reference.did_you_mean, id=target, suggestion=close[0])
        listed = ", ".join(sorted(known)) or report.text("none")
        return report.problem(spec.line, reference.unknown, id=target, known=listed)
    if found.problems:
        return report.problem(spec.line, reference.broken, id=target)
    return None
