"""How much leerpad adds to a page: its published JavaScript and CSS, gzipped.

Every page loads the core script and the stylesheet; a widget's script comes only to
pages with that widget, and the progress page's only to that page. Figures are for a
Dutch site, as Echt Contact's: each script carries the interface text of one language.
"""

from __future__ import annotations

import gzip

from ..widgets.registry import kinds
from .assets import published_assets

_CORE = ("leerpad.js", "leerpad.css")
_MODULE = (*_CORE, "leerpad-completion.js")  # every module page says what is still open


def _widgets(*names: str, parts: bool = False) -> tuple[str, ...]:
    """What pages with widgets of the kinds ``names`` load for them, each file once.

    With ``parts``, also what only some of their widgets need (``WidgetBlock.PARTS``).
    """
    found: list[str] = []
    for name in names:
        block = kinds()[name]
        found += block.ASSETS
        if parts:
            found += [file for files in block.PARTS.values() for file in files]
    return tuple(dict.fromkeys(found))


def page_kinds() -> dict[str, tuple[str, ...]]:
    """Each kind of page and the published files it loads, by name."""
    return {
        "every page": _CORE,
        "module with quizzes and a reflection": (*_MODULE, *_widgets("quiz", "reflection")),
        "module with an ordering question": (
            *_MODULE,
            *_widgets("quiz", "reflection"),
            *kinds()["quiz"].PARTS["ordering"],
        ),
        "module with a conversation simulation": (
            *_MODULE,
            *_widgets("quiz", "reflection", "scenario"),
        ),
        "module with every widget": (*_MODULE, *_widgets(*kinds(), parts=True)),
        "course page": (*_MODULE, "leerpad-course.js", "leerpad-course.css"),
        "blog post": (*_CORE, "leerpad-blog.css", "leerpad-blog.js"),
        "team scan page": (*_CORE, *_widgets("teamscan")),
        "progress page": (*_MODULE, "leerpad-progress.js", "leerpad-progress.css"),
    }


SITE_LANGUAGE = "nl"


def gzipped_sizes(language: str = SITE_LANGUAGE) -> dict[str, int]:
    """Each asset's published size in bytes after gzip -9."""
    return {
        name: len(gzip.compress(content.encode("utf-8"), compresslevel=9, mtime=0))
        for name, (_, content) in published_assets(language).items()
    }


def page_weights(language: str = SITE_LANGUAGE) -> dict[str, int]:
    """Bytes (gzipped) that leerpad adds to each kind of page."""
    sizes = gzipped_sizes(language)
    return {kind: sum(sizes[name] for name in names) for kind, names in page_kinds().items()}
