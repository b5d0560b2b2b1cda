"""leerpad's Python-Markdown extension: the widget blocks, usable without MkDocs."""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension


class LeerpadExtension(Extension):
    """Registers leerpad's blocks (quiz, assessment, reflection) with pymdownx.blocks."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Hook the widget blocks into ``md``."""


def makeExtension(**kwargs: Any) -> LeerpadExtension:
    """Entry point used by ``markdown.markdown(extensions=["leerpad.markdown"])``."""
    return LeerpadExtension(**kwargs)
