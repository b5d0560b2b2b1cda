"""The package around a built course: its launch page, the SCORM script, the zip.

The launch page is the SCO: it finds the LMS's API, keeps the one session with it for
as long as the learner is in the course, and shows the course's pages in a frame, so
that going from page to page never ends the session (see leerpad-scorm.js).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import zipfile
from html import escape
from html.parser import HTMLParser
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from ..site.assets import ASSET_DIR, minified
from .manifest import Package, manifest_xml
from .trim import is_leerpad_asset, trim_pages

LAUNCH = "index.html"
"""The launch page, at the root of the package."""

LEFT_OUT = ("404.html", "sitemap.xml", "sitemap.xml.gz")
"""Built files an LMS never serves: the host's page for unknown addresses (with links
from the site's root) and the sitemap for search engines. Source maps (``*.map``) too."""

SCRIPT_PARTS = ("leerpad-merge.js", "leerpad-completion.js", "leerpad-scorm.js")
"""The launch page's own script: the merge of two states, the completion rules (both
shared with the site) and the SCORM session, published as one file."""


def write_package(site: Path, course: str, courses_url: str, version: str, output: Path) -> None:
    """Add the launch page to the built ``site`` and zip it with its manifest to ``output``.

    Raises FileExistsError when the site already has a page at the launch page's path.
    """
    start = f"{courses_url}/{course}.html"  # file-based URLs: the course page is a file
    structure = course_structure((site / start).read_text(encoding="utf-8"))
    structure["start"] = start
    if (site / LAUNCH).exists():
        raise FileExistsError(f"{LAUNCH} exists in the built course; the launch page needs it")
    language, title = _page_language_and_title(site / start)
    script = _publish(site, "leerpad-scorm.js", _script(language))
    style = _publish(site, "leerpad-scorm.css", _asset("leerpad-scorm.css", language))
    core = next(site.glob(f"{ASSET_DIR}/leerpad.*.js")).relative_to(site).as_posix()
    offline = _publish(
        site, "leerpad-search-offline.js", _asset("leerpad-search-offline.js", language)
    )
    add_after_core(site, core, offline)
    (site / LAUNCH).write_text(
        launch_page(title, language, version, structure, [core, script], style),
        encoding="utf-8",
    )
    referred = trim_pages(site)
    stemmers = _search_languages(site)
    paths = sorted(
        path
        for path in (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        if _belongs(path, stemmers) and (path in referred or not is_leerpad_asset(path))
    )
    package = Package(slug=course, title=title, launch=LAUNCH, files=paths)
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest_xml(package, version))
        for path in paths:
            archive.write(site / path, path)


def add_after_core(site: Path, core: str, script: str) -> None:
    """Load ``script`` (a path in ``site``) right after leerpad's core script in every page.

    Only pages with Material's search get it: the package's note that search does not
    work from disk (leerpad-search-offline.js) is about that search.
    """
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'data-md-component="search"' not in html:
            continue
        folder = page.parent
        tag = re.search(
            rf'<script src="([^"]*{re.escape(core.rsplit("/", 1)[-1])})"[^>]*></script>', html
        )
        if tag is None:
            continue
        src = posixpath.relpath(site / script, folder)
        added = f'{tag[0]}\n<script src="{escape(src)}" defer></script>'
        page.write_text(html.replace(tag[0], added, 1), encoding="utf-8")


def launch_page(
    title: str,
    language: str,
    version: str,
    structure: dict[str, Any],
    scripts: list[str],
    style: str,
) -> str:
    """The launch page's HTML: no inline script or style, the course data as JSON."""
    data = json.dumps(structure, ensure_ascii=False).replace("<", "\\u003c")
    start = escape(structure["start"])
    tags = "".join(f'  <script defer src="{escape(src)}"></script>\n' for src in scripts)
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(language)}" data-leerpad-scorm="{escape(version)}">\n'
        "<head>\n"
        '  <meta charset="utf-8">\n'
        '  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"  <title>{escape(title)}</title>\n"
        f'  <link rel="stylesheet" href="{escape(style)}">\n'
        f"{tags}"
        f'  <script type="application/json" id="leerpad-scorm-course">{data}</script>\n'
        "</head>\n"
        "<body>\n"
        '<main class="leerpad-scorm">\n'
        f'  <h1 class="leerpad-scorm__title">{escape(title)}</h1>\n'
        '  <p class="leerpad-scorm__notice" role="status" hidden></p>\n'
        f'  <iframe class="leerpad-scorm__frame" title="{escape(title)}"></iframe>\n'
        f'  <noscript><p><a href="{start}">{escape(title)}</a></p></noscript>\n'
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


class _CourseReader(HTMLParser):
    """Reads the course page's module list: its rule and what each module asks."""

    def __init__(self) -> None:
        super().__init__()
        self.completion = ""
        self.modules: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note the course's rule and every module item."""
        found = dict(attrs)
        if "data-leerpad-course-progress" in found:
            self.completion = found.get("data-leerpad-completion") or ""
        if "data-leerpad-module" in found:
            module = json.loads(found.get("data-leerpad-asks") or "{}")
            module["id"] = found["data-leerpad-module"]
            self.modules.append(module)


def course_structure(course_page: str) -> dict[str, Any]:
    """The course as its built page states it: its rule and what each module asks.

    ``{completion, modules: [{id, quizzes, assessments, reflections}]}``, the shape
    leerpad-completion.js's courseStatus reads.
    """
    reader = _CourseReader()
    reader.feed(course_page)
    return {"completion": reader.completion, "modules": reader.modules}


class _HeadReader(HTMLParser):
    """The page's language and the text of its first ``h1``."""

    def __init__(self) -> None:
        super().__init__()
        self.language = "en"
        self.title = ""
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note ``lang`` and the start of the first heading."""
        if tag == "html":
            self.language = dict(attrs).get("lang") or "en"
        if tag == "h1" and not self.title:
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        """Stop at the end of the heading."""
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        """Collect the heading's text."""
        if self._in_h1:
            self.title += data


def _page_language_and_title(page: Path) -> tuple[str, str]:
    """The built course page's language and title (its heading)."""
    reader = _HeadReader()
    reader.feed(page.read_text(encoding="utf-8"))
    return reader.language, " ".join(reader.title.split())


_STEMMER = re.compile(r"assets/javascripts/lunr/min/lunr\.([a-z]{2,3})\.min\.js")
"""Material's search stemmer of one language; it ships thirty, the course needs its own."""

_SEARCH_EXTRAS = {
    "assets/javascripts/lunr/tinyseg.js": lambda languages: "ja" in languages,
    "assets/javascripts/lunr/wordcut.js": lambda languages: bool({"hi", "th"} & languages),
    "assets/javascripts/lunr/min/lunr.multi.min.js": lambda languages: len(languages) > 1,
}
"""Material's search worker loads these only for these languages: word segmenters for
Japanese (23 KB) and for Hindi and Thai (677 KB, 159 KB of a 362 KB package zipped), and
the support for more than one language at a time."""


def _search_languages(site: Path) -> set[str] | None:
    """The languages the built site's search stems in (its index's ``lang``), or None."""
    try:
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        return set(index["config"]["lang"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # not known: keep every stemmer rather than break search


def _belongs(path: str, stemmers: set[str] | None) -> bool:
    """Whether a file of the built site goes into the package.

    Not what ``LEFT_OUT`` names, no source map, and no search stemmer or segmenter of a
    language the course is not searched in (those were about 230 KB of a 500 KB package,
    then the segmenters 159 KB of 362 KB).
    """
    name = path.rsplit("/", 1)[-1]
    if name in LEFT_OUT or name.endswith(".map"):
        return False
    extra = _SEARCH_EXTRAS.get(path)
    if extra is not None:
        return stemmers is None or extra(stemmers)
    stemmer = _STEMMER.fullmatch(path)
    return stemmer is None or stemmers is None or stemmer[1] in stemmers


def _asset(name: str, language: str) -> str:
    """One file as published, minified, in ``language`` only.

    The export's own files are in this package's ``assets`` (never in a site); the rest
    are leerpad's shared front end.
    """
    own = package_files("leerpad.scorm").joinpath("assets", name)
    source = own if own.is_file() else package_files("leerpad").joinpath("assets", name)
    return minified(source, language)


def _script(language: str) -> str:
    """The launch page's script: its parts in order, each minified."""
    return ";\n".join(_asset(name, language) for name in SCRIPT_PARTS)  # each part ends in a call


def _publish(site: Path, name: str, content: str) -> str:
    """Write ``content`` under a content-hashed name; returns its path in the site."""
    stem, extension = name.rsplit(".", 1)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
    path = f"{ASSET_DIR}/{stem}.{digest}.{extension}"
    (site / path).write_text(content, encoding="utf-8")
    return path
