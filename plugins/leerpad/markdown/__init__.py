"""leerpad's Python-Markdown extension: the widget blocks, usable without MkDocs.

    import markdown
    html = markdown.markdown(text, extensions=["leerpad.markdown"])

Problems in widget blocks are rendered as a visible box in place of the widget and kept
in ``md.leerpad_problems`` (each with the line in the source), so that a build tool can
report them. They are written in the ``language`` setting's language (``nl`` or ``en``,
English by default; see ``leerpad.markdown.messages``).

Widgets without an ``id:`` get one derived from the page: from ``page_key`` when a build
tool gives it, else from ``path``, else from the document's title, so that two documents
converted one at a time do not share ids.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from pymdownx.blocks import BlocksExtension, BlocksProcessor

from ..problems import Problem
from ..widgets.registry import kinds
from .blocks import WIDGET_PREPROCESSOR, WIDGET_PREPROCESSOR_PRIORITY
from .document import CopyProcessor, DocumentState, SearchMarkerProcessor, WidgetPreprocessor


class LeerpadExtension(BlocksExtension):
    """Registers leerpad's widget blocks with pymdownx.blocks."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "language": ["en", "Language of the widgets' text and messages: 'nl' or 'en'."],
            "path": ["<markdown>", "Source file named in problem messages."],
            "line_offset": [0, "Lines before the Markdown text in its file (front matter)."],
            "page_key": ["", "Identifies the page; part of widget ids derived from it."],
            "referable": [
                {},
                "Widgets of the whole site that others refer to (REFERS_TO), by kind and id.",
            ],
            "widgets_read": [
                {},
                "Widgets already read per page (leerpad.site.widget_index), reused if unchanged.",
            ],
            "search_markers": [
                False,
                "Mark the parts search skips with comments (see leerpad.site.search_skip).",
            ],
        }
        super().__init__(**kwargs)
        self.problems: list[Problem] = []
        self.has_blocks = True
        """Whether the next document may hold a block; without any, nothing is registered."""

    def start_page(
        self, path: str, line_offset: int, page_key: str, *, has_blocks: bool = True
    ) -> None:
        """Set the source file and page of the next conversion.

        ``has_blocks=False`` says the page has no ``///`` line at all: its conversion then
        skips the widget machinery, which every page would otherwise pay for.
        """
        self.setConfig("path", path)
        self.setConfig("line_offset", line_offset)
        self.setConfig("page_key", page_key)
        self.has_blocks = has_blocks
        self.problems = []

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the widgets on ``md``, unless its document has no block."""
        if not self.has_blocks:
            md.leerpad_problems = self.problems  # type: ignore[attr-defined]
            return
        super().extendMarkdown(md)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:
        """Register the source scanner and the widget blocks on ``md``."""
        document = DocumentState(self)
        # After whitespace normalisation (30), before fenced code is stashed (25).
        md.preprocessors.register(
            WidgetPreprocessor(md, document), WIDGET_PREPROCESSOR, WIDGET_PREPROCESSOR_PRIORITY
        )
        # After inline Markdown (20) and smart symbols (6.1), before unescaping (0).
        md.treeprocessors.register(CopyProcessor(md, document), "leerpad_copies", 1)
        md.treeprocessors.register(SearchMarkerProcessor(md, document), "leerpad_markers", 0.5)
        for block in kinds().values():
            block_mgr.register(block, {"document": document})


def makeExtension(**kwargs: Any) -> LeerpadExtension:
    """Entry point used by ``markdown.markdown(extensions=["leerpad.markdown"])``."""
    return LeerpadExtension(**kwargs)
