"""The pymdownx.blocks side of every widget: find the parsed spec, render it or its errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any, ClassVar

from markdown import Markdown
from markdown.util import AtomicString
from pymdownx.blocks.block import Block

from ..strings import strings_for
from .document import REFERENCE_PREFIX, DocumentState
from .errors import error_box
from .messages import Reporter
from .scanner import Region
from .spec import Reference, WidgetSpec


class WidgetBlock(Block):
    """Base of leerpad's blocks; each only ever sees the reference the scanner left.

    A subclass is a widget kind: it declares what leerpad.widgets.registry and everything
    reading it need, next to pymdownx.blocks' own ``NAME``, ``ARGUMENT`` and ``OPTIONS``.
    """

    ARGUMENT = True
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {}

    PARSER: ClassVar[Callable[[Region, Reporter], WidgetSpec]]
    """Reads one block from the raw source into a checked spec (problems at their lines)."""
    SOURCE_OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {}
    """The options an author may write under the opening line: name → (default, validator)."""
    ASSETS: ClassVar[tuple[str, ...]] = ()
    """Files in ``ASSET_PACKAGE``'s ``assets`` folder a page with this kind loads on demand:
    scripts in load order; a stylesheet is linked in the pages that have the kind."""
    PARTS: ClassVar[dict[str, tuple[str, ...]]] = {}
    """Files that only some widgets of this kind need, by part: ``{"ordering": (files)}``.
    They come, like ``ASSETS``, from ``ASSET_PACKAGE``, but only to pages with an element
    marked ``data-leerpad-<NAME>-<part>``; a part's last script defines the widget
    ``<NAME>-<part>`` (started on each such element), and loads before the kind's own on
    a page's first load; after instant navigation it may come after it."""
    ASSET_PACKAGE: ClassVar[str] = "leerpad"
    STORED: ClassVar[dict[str, Any] | None] = None
    """What one widget keeps in the learner's browser, for storage to check when it reads:
    ``{"fields": {name: check}, "required": [name, ...]}``; a check is one of
    leerpad-storage.js's CHECKS (``"flag"``, ``"text:1000"``, …). Optional: ``"sticky":
    [flag, ...]``, flags that stay true once they were (also through an import), and
    ``"kept": [name, ...]``, fields an import takes from the older of two entries when the
    newer has none. None: keeps nothing."""
    PROGRESS: ClassVar[str | None] = None
    """The group of the progress page this kind counts in (``"quizzes"``, …), or None."""
    SUMMARY: ClassVar[dict[str, str] | None] = None
    """How the progress page sums up a module's widgets of this kind from their stored
    state: ``{"count": flag}`` ("2 of 3 …": widgets whose flag is true), ``{"score":
    field, "when": flag}`` (each widget's title and score once the flag is true),
    ``{"writing": field}`` (the learner's texts, listed and downloadable) or ``{"outcome":
    field, "trail": field, "when": flag}`` (each widget's title, the word in ``outcome`` and
    the list in ``trail`` joined by arrows, once the flag is true). All but writing
    need the text ``<NAME>_progress`` in ``TEXT`` (placeholders ``{done}``, ``{total}``,
    or ``{title}``, ``{colon}``, ``{score}``, or ``{outcome}`` and ``{trail}``)."""
    DONE: ClassVar[str | None] = None
    """The stored field that says one widget is done, for a course's completion rule: true,
    or text that is not blank (a reflection's ``text``)."""
    COMPLETES_UNDER: ClassVar[tuple[str, ...]] = ()
    """The completion rules (a course's ``completion:``, leerpad.site.courses) under which a
    module waits until every widget of this kind in it is ``DONE``. Needs ``PROGRESS`` (the
    module lists its widgets by that group) and the text ``<NAME>_open`` in ``TEXT``, what
    is still to do (``"{count:# vraag|# vragen} goed beantwoorden"``)."""
    MESSAGES: ClassVar[dict[str, dict[str, str]]] = {}
    """What its parser tells authors, per language (leerpad.markdown.messages): the same keys
    and placeholders in every language, and ``what_<NAME>`` (``"deze vraag"``), which the
    shared messages use for a block of this kind left open."""
    SNIPPETS: ClassVar[dict[str, dict[str, Any]]] = {}
    """Its editor snippets by prefix, in VS Code's form: ``{"body": [line, …],
    "description": text}``, each body opening the block (``/// <NAME> |``); ``leerpad
    snippets`` writes them all into ``.vscode/leerpad.code-snippets``."""
    REFERS_TO: ClassVar[Reference | None] = None
    """The kind whose widgets this kind's widgets name by id (leerpad.markdown.spec's
    ``Reference``): checked at the referring widget's line, and the referred widget's
    element ``data-leerpad-<kind>="<id>"`` gets ``data-leerpad-<NAME>-url``, the address
    of the page that refers to it. None: refers to nothing."""
    TEXT: ClassVar[dict[str, dict[str, str]]] = {}
    """Its interface text per language, under ``<NAME>_`` keys: labels and instructions
    rendered into pages (with leerpad.strings' shared table), ``<NAME>_progress`` and
    ``<NAME>_open`` for the progress page and completion."""

    @classmethod
    def progress_entry(cls, widget_id: str, spec: WidgetSpec) -> dict[str, str]:
        """What the progress page lists of one widget of this kind."""
        return {"id": widget_id}

    @property
    def document(self) -> DocumentState:
        """State of the document being converted."""
        state: DocumentState = self.config["document"]
        return state

    def strings(self) -> dict[str, str]:
        """Interface text in the document's language."""
        language = self.document.setting("language")
        own = self.TEXT.get(language) or self.TEXT.get("en") or {}
        return {**strings_for(language), **own}

    def on_validate(self, parent: etree.Element) -> bool:
        """Accept only the references the scanner left; anything else stays text."""
        argument = str(self.argument)
        self.found: tuple[str, WidgetSpec] | None = self.document.widgets.get(argument)
        return argument.startswith(REFERENCE_PREFIX) and self.found is not None

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Build the widget, or a box listing its problems."""
        assert self.found is not None  # on_validate accepted the block
        widget_id, spec = self.found
        if spec.problems:
            return error_box(parent, spec.problems, self.strings())
        return self.render(parent, widget_id, spec)

    def render(self, parent: etree.Element, widget_id: str, spec: Any) -> etree.Element:
        """The widget's elements under ``parent``."""
        raise NotImplementedError


def unsearched(
    parent: etree.Element, tag: str, attributes: dict[str, str], document: DocumentState
) -> etree.Element:
    """A new element that site search skips.

    ``data-search-exclude`` tells search to skip it; when the document asks for search
    markers, the element is also put between comments that let a build hide it from
    search altogether (see ``leerpad.site.search_skip``).
    """
    element = etree.SubElement(parent, tag, {**attributes, "data-search-exclude": ""})
    if document.setting("search_markers"):
        document.unsearched.append((parent, element))
    return element


def text_element(
    parent: etree.Element, tag: str, css: str, content: str, **attributes: str
) -> etree.Element:
    """An element holding interface text, which Markdown must leave as it is."""
    element = etree.SubElement(parent, tag, {"class": css, **attributes})
    element.text = AtomicString(content)
    return element


# A line that Markdown may read as more than paragraph text: code, a list, a quote,
# a heading, a table, HTML, a reference, a block, or a blank line between paragraphs.
_BLOCK_SYNTAX = re.compile(
    r"^(?: {4}|\t)|^\s*(?:$|[-*+>#|:=~`<\[{]|\d+[.)](?:\s|$)|!!!|\?\?\?|///)"
)


def markdown_into(md: Markdown, container: etree.Element, markdown: str) -> etree.Element:
    """Render ``markdown`` into ``container``; a single paragraph as its text, without a ``p``.

    Most feedback and explanations are one paragraph: as the container's own text they
    skip the block parser and add one element less for every later step of the build.
    """
    lines = markdown.strip("\n").split("\n")
    if any(_BLOCK_SYNTAX.match(line) for line in lines):
        md.parser.parseChunk(container, "\n".join(_preprocessed(md, lines)))
    else:
        container.text = "\n".join(lines).lstrip()
    return container


WIDGET_PREPROCESSOR = "leerpad_widgets"
WIDGET_PREPROCESSOR_PRIORITY = 29
"""Where leerpad reads widgets from the raw lines: before fenced code is stashed (25)."""


def _preprocessed(md: Markdown, lines: list[str]) -> list[str]:
    """``lines`` after the preprocessors that run after leerpad's (fenced code, raw HTML).

    The widget's text was taken out of the page before those ran; without them a fenced
    code block inside a quiz would render as one line of inline code.
    """
    ours = md.preprocessors.get_index_for_name(WIDGET_PREPROCESSOR)
    names = [item.name for item in md.preprocessors._priority]  # type: ignore[attr-defined]
    for name in names[ours + 1 :]:
        # The meta extension reads 'key: value' lines at the top of a whole document only.
        if name != "meta":
            lines = md.preprocessors[name].run(lines)
    return lines
