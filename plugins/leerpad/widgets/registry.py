"""Every widget kind, declared once: what lists kinds (blocks, assets, index, check) reads this.

A kind is a pymdownx.blocks ``Block`` class (a subclass of
``leerpad.markdown.blocks.WidgetBlock``) that declares, next to ``NAME``, ``ARGUMENT`` and
``OPTIONS``, everything else leerpad needs to know about it: its ``PARSER`` (raw source to
a checked spec), its on-demand ``ASSETS`` (scripts and stylesheets, in load order), what it
``STORED`` in the learner's browser, the ``PROGRESS`` group it counts in, its editor
``SNIPPETS`` and its interface ``TEXT``. Registering a kind is one line: its class's import
path in ``BUILT_IN``, or, for a kind that lives in a package of its own, an entry point in
the ``leerpad.widgets`` group (``note = "my_package.note:NoteBlock"``).
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..markdown.blocks import WidgetBlock

BUILT_IN = (
    "leerpad.widgets.quiz.block:QuizBlock",
    "leerpad.widgets.reflection.block:ReflectionBlock",
    "leerpad.widgets.assessment.block:AssessmentBlock",
    "leerpad.widgets.teamscan.block:TeamScanBlock",
    "leerpad.widgets.scenario:ScenarioBlock",
)
"""leerpad's own kinds, one line each, in the order the front end loads their scripts."""

ENTRY_POINT_GROUP = "leerpad.widgets"
"""Where another installed package registers kinds of its own."""


def _load(reference: str) -> type[WidgetBlock]:
    """The class that ``module:Class`` names."""
    module, _, name = reference.partition(":")
    found: type[WidgetBlock] = getattr(importlib.import_module(module), name)
    return found


@cache
def kinds() -> dict[str, type[WidgetBlock]]:
    """Every kind by its ``NAME``: leerpad's own first, then those of other packages.

    Raises ``ValueError`` when two kinds share a name (the second would hide the first).
    """
    found: dict[str, type[WidgetBlock]] = {}
    references = list(BUILT_IN)
    references += [point.value for point in entry_points(group=ENTRY_POINT_GROUP)]
    for reference in references:
        block = _load(reference)
        if block.NAME in found:
            raise ValueError(f"two widget kinds are called {block.NAME!r}: {reference}")
        found[block.NAME] = block
    return found


def kind_names() -> set[str]:
    """The names that open a widget block: ``/// <name> | ...``."""
    return set(kinds())
