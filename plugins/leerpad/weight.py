"""How much leerpad adds to a page: its published JavaScript and CSS, gzipped.

Every page loads the core script and the stylesheet; a widget's script comes only to
pages with that widget, and the progress page's only to that page. Figures are for a
Dutch site, as Echt Contact's: each script carries the interface text of one language.
"""

from __future__ import annotations

import gzip

from .assets import published_assets

_CORE = ("leerpad.js", "leerpad.css")
_MODULE = (*_CORE, "leerpad-completion.js")  # every module page says what is still open
_ASSESSMENT = ("leerpad-assessment.js", "leerpad-assessment.css")

PAGE_KINDS = {
    "every page": _CORE,
    "module with quizzes and a reflection": (
        *_MODULE,
        "leerpad-quiz.js",
        "leerpad-reflection.js",
    ),
    "module with a conversation simulation": (
        *_MODULE,
        "leerpad-quiz.js",
        "leerpad-reflection.js",
        "leerpad-scenario.js",
        "leerpad-scenario.css",
    ),
    "module with every widget": (
        *_MODULE,
        "leerpad-quiz.js",
        "leerpad-reflection.js",
        *_ASSESSMENT,
    ),
    "course page": (*_MODULE, "leerpad-course.js", "leerpad-course.css"),
    "blog post": (*_CORE, "leerpad-blog.css", "leerpad-blog.js"),
    "team scan page": (*_CORE, *_ASSESSMENT, "leerpad-teamscan.js"),
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
    return {kind: sum(sizes[name] for name in names) for kind, names in PAGE_KINDS.items()}
