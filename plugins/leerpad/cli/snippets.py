"""Editor snippets for every widget kind, from the registry: ``leerpad snippets``.

Visual Studio Code reads snippets from ``.vscode/*.code-snippets`` in a project: a JSON
object of ``name → {"scope", "prefix", "body": [line, …], "description"}``. Each kind
declares its own (``WidgetBlock.SNIPPETS``), so a kind from another package brings its
snippets with it.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..widgets.registry import kinds

DEFAULT_PATH = Path(".vscode") / "leerpad.code-snippets"
"""Where ``leerpad snippets`` writes, relative to the repository."""


def editor_snippets() -> dict[str, dict[str, object]]:
    """Every kind's snippets in VS Code's format, named ``leerpad <prefix>``."""
    return {
        f"leerpad {prefix}": {"scope": "markdown", "prefix": prefix, **snippet}
        for block in kinds().values()
        for prefix, snippet in block.SNIPPETS.items()
    }


def write_snippets(path: Path) -> int:
    """Write the snippets file at ``path`` (folders made as needed); returns their number.

    An existing file is replaced: it holds only what this command wrote.
    """
    snippets = editor_snippets()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(snippets, ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(snippets)
