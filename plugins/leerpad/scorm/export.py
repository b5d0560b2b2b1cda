"""Export one course as a SCORM package: check it, build it alone, zip it with a manifest.

The course is built in a staging folder that holds a copy of the site's configuration
(only the leerpad and search plugins and the site's own non-blog plugins), the course
folder and the files of ``docs/`` that are not pages (stylesheets, images). Pages are
built for file-based URLs (``cursussen/<course>/<module>.html``), because an LMS serves
a package from wherever it unpacked it.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..cli.check import SiteConfigError, check_repository, site_config
from ..problems import Problem
from .links import point_outside
from .manifest import VERSIONS
from .packaging import write_package

MESSAGES = {
    "nl": {
        "no_course": "er is geen cursus '{course}' in {folder}/ (wel: {known})",
        "problems": "{count} probleem/problemen in de cursus: eerst oplossen, dan exporteren",
        "build": "de cursus kon niet gebouwd worden: {error}",
        "write": "het pakket kon niet geschreven worden: {error}",
        "version": "SCORM-versie '{version}' bestaat niet; kies 1.2 of 2004",
        "to_site": "de link naar {target} staat niet in het pakket: hij opent {address}",
        "outside": (
            "de link naar {target} leidt buiten het pakket en werkt in een leeromgeving "
            "niet; geef het volledige adres op de site (https://...)"
        ),
    },
    "en": {
        "no_course": "there is no course '{course}' in {folder}/ (there are: {known})",
        "problems": "{count} problem(s) in the course: fix them first, then export",
        "build": "the course could not be built: {error}",
        "write": "the package could not be written: {error}",
        "version": "SCORM version '{version}' does not exist; choose 1.2 or 2004",
        "to_site": "the link to {target} is not in the package: it opens {address}",
        "outside": (
            "the link to {target} leaves the package and does not work in an LMS; give "
            "its full address on the site (https://...)"
        ),
    },
}

# Plugins that publish pages other than the course's (the blog, its feed).
_LEFT_OUT_PLUGINS = {"blog", "material/blog", "rss", "social", "material/social"}
# Instant navigation needs site_url and an http(s) origin; a package has neither.
_LEFT_OUT_FEATURES = {"navigation.instant", "navigation.instant.progress"}
# What of the site's ``extra`` a package keeps: how its footer looks (Material's
# "Made with" line, the social links). The rest leads to pages outside the package
# (footer_links, alternate) or calls services (analytics, consent).
_KEPT_EXTRA = {"generator", "social"}


class ExportError(Exception):
    """The export stopped; ``problems`` are the course's ``path:line`` problems, if any."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def export_scorm(root: Path, course: str, version: str, output: Path) -> list[Problem]:
    """Write the SCORM ``version`` ("1.2" or "2004") package of ``course`` to ``output``.

    ``course`` is the course's folder name under ``courses/``. Returns what the author
    should know about the package (links that leave it), as ``path:line`` notes.
    Raises ExportError (in the site's language) when the course does not exist, has
    problems ``leerpad check`` reports, does not build, or cannot be written.
    """
    try:
        site_config(str(root))  # a broken mkdocs.yml: told at its line, in the site's language
    except SiteConfigError as error:
        raise ExportError(str(error.problem)) from None
    config = _site_config(root)
    text = MESSAGES.get(_language(config), MESSAGES["en"])
    if version not in VERSIONS:
        raise ExportError(text["version"].format(version=version))
    courses_dir = _leerpad_option(config, "courses_dir", "courses")
    known = sorted(p.name for p in (root / courses_dir).glob("*") if (p / "index.md").is_file())
    if course not in known:
        listed = ", ".join(known) or "-"
        raise ExportError(text["no_course"].format(course=course, folder=courses_dir, known=listed))
    report = check_repository(str(root), [f"{courses_dir}/{course}"], courses_dir=courses_dir)
    if report.problems:
        raise ExportError(text["problems"].format(count=len(report.problems)), report.problems)
    with tempfile.TemporaryDirectory(prefix="leerpad-scorm-") as staging:
        site = _build(root, Path(staging), config, courses_dir, course, text)
        courses_url = _leerpad_option(config, "courses_url", "cursussen")
        notes = _links_outside(site, root, config, courses_dir, courses_url, course, text)
        try:
            write_package(site, course, courses_url, version, output)
        except OSError as error:
            raise ExportError(text["write"].format(error=error)) from None
    return notes


def _links_outside(
    site: Path,
    root: Path,
    config: dict[str, Any],
    courses_dir: str,
    courses_url: str,
    course: str,
    text: dict[str, str],
) -> list[Problem]:
    """Point links to other courses at the site; a note on every link leaving the package."""
    pages = [p.relative_to(site).as_posix() for p in (site / courses_url).rglob("*.html")]
    layout = {
        "courses_dir": courses_dir,
        "courses_url": courses_url,
        "site_url": str(config.get("site_url") or ""),
    }
    notes = []
    for link in point_outside(site, sorted(pages), f"{courses_dir}/{course}", layout):
        source, line = _source_line(root / courses_dir / course, link.target)
        message = (
            text["to_site"].format(target=link.target, address=link.address)
            if link.address
            else text["outside"].format(target=link.target)
        )
        notes.append(Problem(f"{courses_dir}/{course}/{source}", line, message))
    return sorted(set(notes))


def _source_line(folder: Path, target: str) -> tuple[str, int]:
    """The course file and line that hold a link to ``target`` (first found)."""
    for path in sorted(folder.glob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if f"({target}" in line:
                return path.name, number
    return "index.md", 0


def _build(
    root: Path,
    staging: Path,
    config: dict[str, Any],
    courses_dir: str,
    course: str,
    text: dict[str, str],
) -> Path:
    """Build the course alone in ``staging``; returns the built site's folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    docs_dir = root / str(config.get("docs_dir") or "docs")
    shutil.copytree(root / courses_dir / course, staging / courses_dir / course)
    shutil.copytree(docs_dir, staging / "docs", ignore=_pages_and_hidden, dirs_exist_ok=True)
    (staging / "blog" / "posts").mkdir(parents=True)
    staged = _staging_config(root, config, courses_dir)
    # Material's logo leads to extra.homepage. Without it, it leads to the package's root,
    # whose index.html is the launch page: a second launch page inside the first one's frame.
    courses_url = _leerpad_option(config, "courses_url", "cursussen")
    staged["extra"] = _kept_extra(config) | {"homepage": f"{courses_url}/{course}.html"}
    (staging / "mkdocs.yml").write_text(
        yaml.safe_dump(staged, allow_unicode=True),
        encoding="utf-8",
    )
    site = staging / "site"
    try:
        build(load_config(str(staging / "mkdocs.yml"), site_dir=str(site)))
    except (MkDocsException, OSError) as error:
        raise ExportError(text["build"].format(error=error)) from None
    finally:
        # MkDocs leaves its handlers' level where a build set it; keep the caller's.
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
    return site


def _kept_extra(config: dict[str, Any]) -> dict[str, Any]:
    """The site's ``extra`` entries a package keeps (``_KEPT_EXTRA``)."""
    extra = config.get("extra")
    if not isinstance(extra, dict):
        return {}
    return {key: value for key, value in extra.items() if key in _KEPT_EXTRA}


def _pages_and_hidden(folder: str, names: list[str]) -> list[str]:
    """What the staging copy of docs/ leaves out: pages, and hidden files."""
    return [
        name
        for name in names
        if name.startswith(".")
        or (name.endswith(".md") and os.path.isfile(os.path.join(folder, name)))
    ]


def _staging_config(root: Path, config: dict[str, Any], courses_dir: str) -> dict[str, Any]:
    """The site's configuration for a build of one course, with file-based URLs."""
    staged = {
        key: value
        for key, value in config.items()
        if key not in {"nav", "not_in_nav", "docs_dir", "site_dir", "hooks", "extra"}
    }
    staged["use_directory_urls"] = False
    # A link that leaves the package is the export's own note (scorm/links.py).
    staged["validation"] = {"links": {"not_found": "info"}}
    staged["docs_dir"] = "docs"
    staged["nav"] = [{_catalogue_title(config): "cursussen/index.md"}]
    theme = dict(config.get("theme") or {})
    theme["features"] = [f for f in theme.get("features", []) if f not in _LEFT_OUT_FEATURES]
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(root / theme["custom_dir"])
    staged["theme"] = theme
    if config.get("hooks"):
        staged["hooks"] = [str(root / hook) for hook in config["hooks"]]
    plugins = []
    for plugin in config.get("plugins") or []:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name in _LEFT_OUT_PLUGINS:
            continue
        if name == "leerpad":
            options = dict(plugin[name] or {}) if isinstance(plugin, dict) else {}
            options["courses_dir"] = courses_dir
            plugin = {"leerpad": options}
        plugins.append(plugin)
    staged["plugins"] = plugins
    return staged


def _catalogue_title(config: dict[str, Any]) -> str:
    """The navigation's name for the course section, in the site's language."""
    return "Cursus" if _language(config) == "nl" else "Course"


def _site_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as data, read with MkDocs' own loader (it knows ``!ENV``)."""
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", encoding="utf-8") as source:
        return yaml_load(source) or {}


def _language(config: dict[str, Any]) -> str:
    """The site's language code, ``nl`` or ``en`` (English when another)."""
    language = str((config.get("theme") or {}).get("language") or "en").split("-")[0]
    return language if language in MESSAGES else "en"


def _leerpad_option(config: dict[str, Any], name: str, default: str) -> str:
    """An option of the leerpad plugin in mkdocs.yml, or its default."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "leerpad" in plugin:
            return str((plugin["leerpad"] or {}).get(name) or default)
    return default
