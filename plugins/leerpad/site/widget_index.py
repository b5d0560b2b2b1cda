"""Every page's widgets, read once before any page renders.

A widget may refer to one on another page (a kind's ``REFERS_TO``: a team scan combines
a self-assessment), and the progress page lists what every module asks of a learner:
both need to know what the other pages hold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs.structure.files import File, Files

from ..markdown.document import ReadWidgets, read_widgets, referred_kinds, region_key
from ..markdown.messages import Reporter
from ..markdown.scanner import find_regions, source_lines
from ..markdown.spec import WidgetSpec
from ..problems import Problem
from ..widgets.registry import kind_names, kinds


@dataclass
class WidgetIndex:
    """The widgets of every page, by the page's source path."""

    read: dict[str, ReadWidgets] = field(default_factory=dict)
    """What was read per page: (path, region key, widgets); the page's own rendering
    reuses it."""
    referable: dict[str, dict[str, WidgetSpec]] = field(default_factory=dict)
    """The widgets other widgets may refer to, by kind and id (the first of each id)."""
    referring_pages: dict[tuple[str, str], tuple[str, File]] = field(default_factory=dict)
    """For a referred widget, by (its kind, its id): the referring kind and its page."""

    def widgets(self, src_uri: str) -> list[tuple[str, WidgetSpec]]:
        """The widgets of one page, as (id, spec)."""
        found = self.read.get(src_uri)
        return found[2] if found else []

    def summary(self, src_uri: str) -> dict[str, list[dict[str, str]]]:
        """What one page asks of a learner, for the progress page.

        Each kind's progress group (``"quizzes"``, …) with what its widgets list there.
        """
        found: dict[str, list[dict[str, str]]] = {
            block.PROGRESS: [] for block in kinds().values() if block.PROGRESS
        }
        for widget_id, spec in self.widgets(src_uri):
            block = kinds()[spec.widget_kind]
            if block.PROGRESS:
                found[block.PROGRESS].append(block.progress_entry(widget_id, spec))
        return found


def index_widgets(
    files: Files,
    display_path: Callable[[File], str],
    language: str = "en",
    sources: dict[str, str] | None = None,
) -> WidgetIndex:
    """Read the widget blocks of every page; ``display_path`` names a page's source.

    Problems are written in ``language`` (the site's ``theme.language``). ``sources``
    holds the text of pages read already, by source path; other pages are read here.
    """
    index = WidgetIndex()
    referred = referred_kinds()
    for file in files.documentation_pages():
        text = (sources or {}).get(file.src_uri)
        try:
            text = file.content_string if text is None else text
        except ValueError:  # not UTF-8: the page reports it when it is read
            continue
        if "///" not in text:
            continue
        regions = find_regions(source_lines(text), kind_names())
        path = display_path(file)
        widgets = read_widgets(regions, path, file.src_uri, language)
        index.read[file.src_uri] = (path, region_key(regions), widgets)
        for widget_id, spec in widgets:
            _index_references(index, widget_id, spec, file, referred)
    return index


def _index_references(
    index: WidgetIndex, widget_id: str, spec: WidgetSpec, file: File, referred: set[str]
) -> None:
    """Record ``spec`` if others may refer to it, and where it refers to one."""
    if spec.widget_kind in referred:
        index.referable.setdefault(spec.widget_kind, {}).setdefault(widget_id, spec)
    reference = kinds()[spec.widget_kind].REFERS_TO
    if reference is not None:
        key = (reference.kind, reference.target(spec))
        index.referring_pages.setdefault(key, (spec.widget_kind, file))


def ids_on_two_pages(index: WidgetIndex, language: str) -> list[Problem]:
    """An id an author gave on two pages: both widgets would share one learner's state.

    Each later page (by source path) is reported at its widget's line, naming the first.
    """
    first: dict[str, str] = {}
    problems = []
    for path, _, widgets in sorted(index.read.values(), key=lambda read: read[0]):
        for widget_id, spec in widgets:
            if not spec.options_set.get("id"):
                continue
            where = first.setdefault(widget_id, f"{path}:{spec.line}")
            if not where.startswith(f"{path}:"):
                report = Reporter(path, language)
                problems.append(
                    report.problem(spec.line, "id_on_two_pages", id=widget_id, where=where)
                )
    return problems
