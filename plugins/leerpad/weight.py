"""How much leerpad adds to a page: its published JavaScript and CSS, gzipped.

Every page loads the core script and the stylesheet; a widget's script comes only to
pages with that widget, and the progress page's only to that page.
"""

from __future__ import annotations

import gzip

from .assets import published_assets

PAGE_KINDS = {
    "every page": ("leerpad.js", "leerpad.css"),
    "module with every widget": (
        "leerpad.js",
        "leerpad.css",
        "leerpad-quiz.js",
        "leerpad-reflection.js",
        "leerpad-assessment.js",
    ),
    "progress page": ("leerpad.js", "leerpad.css", "leerpad-progress.js"),
}


def gzipped_sizes() -> dict[str, int]:
    """Each asset's published size in bytes after gzip -9."""
    return {
        name: len(gzip.compress(content.encode("utf-8"), compresslevel=9, mtime=0))
        for name, (_, content) in published_assets().items()
    }


def page_weights() -> dict[str, int]:
    """Bytes (gzipped) that leerpad adds to each kind of page."""
    sizes = gzipped_sizes()
    return {kind: sum(sizes[name] for name in names) for kind, names in PAGE_KINDS.items()}
