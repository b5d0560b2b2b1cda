"""Check a whole repository (or some files) the way the build does, without building.

One implementation of the rules: course and post front matter come from the same
functions as the build, widgets from the same scanner and parsers. On top, this finds
what only a view of the whole site shows: links and images that lead nowhere and widget
ids used on two pages.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig

from ..blog.posts import MESSAGES as ADDRESS_MESSAGES
from ..blog.posts import (
    PostRules,
    misplaced_post,
    post_address,
    post_sources,
    read_post,
    tag_near_misses,
)
from ..config import LeerpadConfig
from ..markdown.document import read_widgets, reference_problem, referred_kinds
from ..markdown.messages import Reporter
from ..markdown.scanner import CODE_FENCE, find_regions, source_lines
from ..markdown.spec import WidgetSpec
from ..problems import Problem, ProblemError, message_table
from ..site.courses import CourseCatalogue, load_catalogue
from ..source.front_matter import FrontMatter, image_problems, read_front_matter, read_source
from ..source.house_rules import HouseRules
from ..source.yaml_lines import error_line, yaml_reason
from ..widgets.registry import kind_names

# No '[' or ']' inside the text or the target: each match attempt stops at the next
# bracket, so a line of a hundred thousand brackets takes linear time, not hours.
_LINK = re.compile(
    r"(?P<image>!?)\[[^\[\]\n]*+\]\((?P<target><[^<>\n]++>|[^)\s\[\]]++)(?:\s+\"[^\"\n]*+\")?\)"
)

MESSAGES = message_table(
    "check",
    en={
        "link_missing": (
            "link to '{target}', which does not exist; check the path and the file name"
        ),
        "image_missing": (
            "image to '{target}', which does not exist; check the path and the file name"
        ),
        "site_config": "mkdocs.yml is not valid YAML: {reason}; nothing else could be checked",
    },
    nl={
        "link_missing": (
            "link naar '{target}', dat niet bestaat; kijk het pad en de bestandsnaam na"
        ),
        "image_missing": (
            "afbeelding '{target}', die niet bestaat; kijk het pad en de bestandsnaam na"
        ),
        "site_config": (
            "mkdocs.yml is geen geldige YAML: {reason}; de rest kon niet gecontroleerd worden"
        ),
    },
)
_INLINE_CODE = re.compile(r"`[^`\n]*`")


@dataclass
class Report:
    """What a check found, and how much it looked at."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    widgets: int = 0
    language: str = "en"
    """The site's ``theme.language``: the problems are written in it."""
    reminders: list[Problem] = field(default_factory=list)
    """Modules still marked unfinished, and what the house rules ask of them: told, but
    not problems (a module just started with ``leerpad new`` passes the check)."""


@dataclass
class _Page:
    path: str
    text: str
    ids: list[tuple[str, int]] = field(default_factory=list)
    language: str = "en"


def check_repository(
    root: str,
    only: Iterable[str] = (),
    courses_dir: str | None = None,
    blog_dir: str | None = None,
    docs_dir: str | None = None,
) -> Report:
    """Every problem in the repository at ``root`` (or only in the files ``only``).

    The folders are mkdocs.yml's (``docs_dir``, the leerpad plugin's ``courses_dir`` and
    ``blog_dir``), as the build reads them, unless given; MkDocs' and leerpad's defaults
    when it sets none.
    """
    report = Report()
    try:
        site = site_config(root)
    except SiteConfigError as error:
        report.problems.append(error.problem)
        report.language = error.language
        return report
    language = report.language = site_language(site)
    options = _plugin_options(site, "leerpad")
    courses_dir = courses_dir or _folder(options.get("courses_dir"), _default("courses_dir"))
    blog_dir = blog_dir or _folder(options.get("blog_dir"), _default("blog_dir"))
    docs_dir = docs_dir or _folder(site.get("docs_dir"), MkDocsConfig.docs_dir.default)
    catalogue = load_catalogue(root, courses_dir, language, docs_dir)
    report.problems += catalogue.problems
    try:
        categories = _allowed_categories(site)
        rules = PostRules.for_site(root, blog_dir, categories, language, docs_dir)
    except ProblemError as error:
        report.problems.append(error.problem)
        rules = PostRules(posts_dir=f"{blog_dir}/posts", language=language, docs_dir=docs_dir)
    addresses: dict[str, str] = {}
    sound: dict[str, FrontMatter] = {}
    for uri in post_sources(root, blog_dir):
        meta, found = read_post(root, uri, rules)
        report.problems += found
        if os.path.isfile(os.path.join(root, docs_dir, uri)):  # the build stops at it
            both = ADDRESS_MESSAGES.text(
                language, "both_places", uri=uri, blog=blog_dir, docs=docs_dir
            )
            report.problems.append(Problem(uri, 0, both))
        if meta is not None and not found:
            sound[uri] = meta
            report.problems += _same_post_address(meta, blog_dir, addresses)
    report.problems += tag_near_misses(sound)
    paths = _markdown_files(root, (courses_dir, blog_dir, docs_dir))
    report.files = len(paths)
    courses_url = str(options.get("courses_url") or _default("courses_url"))
    published = _published_addresses(catalogue, courses_url, blog_dir, sound)
    report.problems += _docs_over_published(paths, docs_dir, published, language)
    pages = []
    for path in paths:
        page = _read(root, path, report.problems, language)
        site_path = path.removeprefix(f"{docs_dir}/")
        if page is not None and site_path != path and site_path.startswith(f"{blog_dir}/"):
            report.problems += _misplaced_in_docs(page, site_path, f"{blog_dir}/posts")
        if page is not None and site_path != path:  # a page of docs_dir: as the build does
            report.problems += _image_in_docs(root, page, docs_dir)
        if page is not None:
            pages.append(page)
    referable = _referable(pages)
    for page in pages:
        report.problems += _widget_problems(page, referable, report)
        report.problems += _link_problems(root, page, docs_dir)
    report.problems += _duplicate_ids(pages)
    rule_problems, report.reminders = _house_rule_problems(root, site, catalogue, language)
    report.problems += rule_problems
    wanted = {os.path.normpath(path) for path in only}
    if wanted:
        report.problems = [p for p in report.problems if _selected(p.path, wanted)]
        report.reminders = [p for p in report.reminders if _selected(p.path, wanted)]
    report.problems = sorted(set(report.problems))
    return report


def _same_post_address(meta: FrontMatter, blog_dir: str, seen: dict[str, str]) -> list[Problem]:
    """A post whose date and slug another post already has (the build reports it too)."""
    address = post_address(meta)
    if address is None:
        return []
    key = "slug" if "slug" in meta.data else "title"
    here = f"{meta.path}:{meta.line_of(key)}"
    other = seen.setdefault(address, here)
    if other == here:
        return []
    fix = ADDRESS_MESSAGES.text(meta.language, "fix_post")
    url = f"/{blog_dir}/{address}/"
    return [meta.report(key, ADDRESS_MESSAGES, "same_address", url=url, other=other, fix=fix)]


@dataclass(frozen=True)
class _Published:
    """A page the build publishes from outside docs/: its ``src_uri`` and where to fix it."""

    src_uri: str
    where: str
    """``path`` for a course page, ``path:line`` of the slug or title for a post."""
    line: int


def _published_addresses(
    catalogue: CourseCatalogue,
    courses_url: str,
    blog_dir: str,
    posts: dict[str, FrontMatter],
) -> dict[str, _Published]:
    """Every course page and sound post, by the address it is published at (``a/b``)."""
    found = {}
    for uri, url_path in catalogue.pages.items():
        found[f"{courses_url}/{url_path}"] = _Published(uri, uri, 1)
    for uri, meta in posts.items():
        address = post_address(meta)
        if address is not None:
            line = meta.line_of("slug" if "slug" in meta.data else "title")
            found.setdefault(f"{blog_dir}/{address}", _Published(uri, f"{uri}:{line}", line))
    return found


def _docs_address(site_path: str) -> str:
    """The address MkDocs gives a page of docs/: ``a/b.md`` and ``a/b/index.md`` give ``a/b``."""
    folder, name = posixpath.split(site_path)
    if name in ("index.md", "README.md"):
        return folder
    return posixpath.splitext(site_path)[0]


def _docs_over_published(
    paths: list[str], docs_dir: str, published: dict[str, _Published], language: str
) -> list[Problem]:
    """A page of docs/ at the address of a course page or post: one would replace the other.

    Told as the build tells it (``on_nav``): of the two sources, sorted by their path as
    MkDocs knows it, the second is reported, naming the first.
    """
    problems = []
    for path in paths:
        site_path = path.removeprefix(f"{docs_dir}/")
        if site_path == path:
            continue
        address = _docs_address(site_path)
        other = published.get(address)
        if other is None:
            continue
        is_post = other.where != other.src_uri
        if other.src_uri < site_path:  # the docs page comes second
            here, line, there, fix = path, 1, other.where, "fix_page"
        else:
            here, line, there = other.src_uri, other.line, path
            fix = "fix_post" if is_post else "fix_page"
        url = f"/{address}/"
        problems.append(
            ADDRESS_MESSAGES.problem(
                language,
                here,
                line,
                "same_address",
                url=url,
                other=there,
                fix=ADDRESS_MESSAGES.text(language, fix),
            )
        )
    return problems


class SiteConfigError(ProblemError):
    """mkdocs.yml cannot be read.

    ``language`` is the site's all the same, as far as a scan of its lines finds it
    (``scanned_language``).
    """

    def __init__(self, problem: Problem, language: str) -> None:
        super().__init__(problem)
        self.language = language


DEFAULT_LANGUAGE = "nl"
"""The language of a site whose mkdocs.yml is broken and names none: the project's own."""

_THEME_LINE = re.compile(r"^theme:(?P<rest>.*)$")
_LANGUAGE_VALUE = r"""['"]?(?P<code>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)['"]?"""
_LANGUAGE_LINE = re.compile(rf"^[ \t]+language:[ \t]*{_LANGUAGE_VALUE}[ \t]*(?:#.*)?$")
_LANGUAGE_FLOW = re.compile(rf"[{{,][ \t]*language:[ \t]*{_LANGUAGE_VALUE}[ \t]*[,}}]")


def scanned_language(text: str) -> str:
    """The ``theme.language`` of an mkdocs.yml that YAML cannot read, found line by line.

    Looks only for a ``language:`` line indented under the top-level ``theme:`` (or in
    ``theme: {…}`` on one line); nothing is parsed as YAML, so no tag is ever run.
    ``DEFAULT_LANGUAGE`` when there is none.
    """
    in_theme = False
    for line in text.split("\n"):
        theme = _THEME_LINE.match(line)
        if theme:
            flow = _LANGUAGE_FLOW.search(theme["rest"])
            if flow:
                return flow["code"]
            in_theme = True
        elif line[:1] not in ("", " ", "\t", "#"):
            in_theme = False  # the next top-level key
        elif in_theme and (found := _LANGUAGE_LINE.match(line)):
            return found["code"]
    return DEFAULT_LANGUAGE


def site_config(root: str) -> dict[str, Any]:
    """mkdocs.yml as plain data (empty when there is none).

    Raises SiteConfigError at the line of mkdocs.yml that is not YAML (or not text), in
    the site's language as far as ``scanned_language`` finds it in the broken file.
    """
    path = os.path.join(root, "mkdocs.yml")
    if not os.path.isfile(path):
        return {}
    try:
        with open(path, "rb") as raw:
            language = scanned_language(raw.read().decode("utf-8", "replace"))
        text = read_source(path, "mkdocs.yml", language)
    except ProblemError as error:
        raise SiteConfigError(error.problem, language) from None
    except OSError:
        return {}  # unreadable: as if there were none; the build says why
    try:
        # mkdocs.yml may hold tags like !ENV or !!python/name; read it leniently.
        config = yaml.load(text, Loader=_LenientLoader) or {}
    except yaml.YAMLError as error:
        at = error_line(error, text) if isinstance(error, yaml.MarkedYAMLError) else 0
        line = text.split("\n")[at] if text else ""
        reason = yaml_reason(error, language, line)
        problem = MESSAGES.problem(language, "mkdocs.yml", at + 1, "site_config", reason=reason)
        raise SiteConfigError(problem, language) from None
    return config if isinstance(config, dict) else {}


def site_language(config: dict[str, Any]) -> str:
    """The site's ``theme.language`` from mkdocs.yml's data; ``en`` when it has none."""
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return str(language or "en")


def _plugin_options(config: dict[str, Any], name: str) -> dict[str, Any]:
    """The options of plugin ``name`` in mkdocs.yml (empty when it has none)."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get(name), dict):
            return dict(plugin[name])
    return {}


def _default(option: str) -> str:
    """The leerpad plugin's default for ``option`` (config.py), as the build uses it."""
    return str(getattr(LeerpadConfig, option).default)


def _folder(value: Any, default: str) -> str:
    """A folder named in mkdocs.yml, as a path relative to it (``default`` when unset)."""
    if not isinstance(value, str) or not value.strip():
        return default
    return os.path.normpath(value.strip()).replace(os.sep, "/")


def _allowed_categories(config: dict[str, Any]) -> list[str]:
    """The blog plugin's ``categories_allowed`` from mkdocs.yml, if it sets them."""
    return list(_plugin_options(config, "blog").get("categories_allowed") or [])


def _house_rule_problems(
    root: str, config: dict[str, Any], catalogue: CourseCatalogue, language: str
) -> tuple[list[Problem], list[Problem]]:
    """Where modules break the house rules mkdocs.yml sets for the leerpad plugin.

    Also returns the reminders for modules still marked unfinished.
    """
    options = _plugin_options(config, "leerpad").get("house_rules") or {}
    try:
        rules = HouseRules.from_options(options if isinstance(options, dict) else {}, language)
    except ValueError as error:
        return [Problem("mkdocs.yml", 0, str(error))], []
    problems = []
    reminders = []
    for course in catalogue.courses:
        for module in course.modules:
            try:
                text = read_source(os.path.join(root, module.src_uri), module.src_uri)
                meta = read_front_matter(text, module.src_uri, language)
            except ProblemError:
                continue  # reported with the module's other problems
            problems += rules.module_problems(meta)
            reminder = rules.reminder(meta)
            reminders += [reminder] if reminder is not None else []
    return problems, reminders


class _LenientLoader(yaml.SafeLoader):
    """A SafeLoader that reads any tagged value as plain data."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _selected(path: str, wanted: set[str]) -> bool:
    """Whether a problem's file is one of (or inside one of) the paths asked for."""
    path = os.path.normpath(path)
    return any(path == w or path.startswith(w.rstrip(os.sep) + os.sep) for w in wanted)


def _markdown_files(root: str, folders: Iterable[str]) -> list[str]:
    """Repository-relative paths of every Markdown file in ``folders``."""
    found = []
    for folder in folders:
        for directory, subdirs, names in os.walk(os.path.join(root, folder)):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith((".", "_")))
            found += [
                os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/")
                for name in sorted(names)
                if name.endswith(".md") and not name.startswith(".")
            ]
    return found


def _read(root: str, path: str, problems: list[Problem], language: str) -> _Page | None:
    """One page's text, after checking its bytes and front matter (None if unreadable).

    Course files and posts have their front matter checked by their own readers; the
    same problems found again here are merged by the report.
    """
    try:
        text = read_source(os.path.join(root, path), path, language)
    except ProblemError as error:
        problems.append(error.problem)
        return None
    try:
        problems += read_front_matter(text, path, language).warnings
    except ProblemError as error:
        problems.append(error.problem)
    return _Page(path, text, language=language)


def _image_in_docs(root: str, page: _Page, docs_dir: str) -> list[Problem]:
    """A page of docs_dir whose ``image:`` (its link preview) is not a file there."""
    try:
        meta = read_front_matter(page.text, page.path, page.language)
    except ProblemError:
        return []  # already reported by _read
    return image_problems(root, meta, docs_dir)


def _misplaced_in_docs(page: _Page, site_path: str, posts_dir: str) -> list[Problem]:
    """A page of docs/<blog>/ with post front matter, outside the posts folder."""
    try:
        meta = read_front_matter(page.text, page.path, page.language)
    except ProblemError:
        return []  # already reported by _read
    misplaced = misplaced_post(meta, site_path, posts_dir)
    return [misplaced] if misplaced is not None else []


def _referable(pages: list[_Page]) -> dict[str, dict[str, WidgetSpec]]:
    """Every widget of the site that others may refer to, by kind and id (``REFERS_TO``)."""
    wanted = referred_kinds()
    found: dict[str, dict[str, WidgetSpec]] = {}
    for page in pages:
        if not any(f"/// {kind}" in page.text for kind in wanted):
            continue
        regions = find_regions(source_lines(page.text), wanted)
        for widget_id, spec in read_widgets(regions, page.path, page.path, page.language):
            found.setdefault(spec.widget_kind, {}).setdefault(widget_id, spec)
    return found


def _widget_problems(
    page: _Page, referable: dict[str, dict[str, WidgetSpec]], report: Report
) -> list[Problem]:
    """The problems of every widget on one page, with the lines in the file."""
    regions = find_regions(source_lines(page.text), kind_names())
    problems: list[Problem] = []
    reporter = Reporter(page.path, page.language)
    for (widget_id, spec), (_, region) in zip(
        read_widgets(regions, page.path, page.path, page.language), regions, strict=True
    ):
        report.widgets += 1
        if spec.options_set.get("id"):
            page.ids.append((widget_id, region.line))
        problems += spec.problems
        found = reference_problem(reporter, spec, lambda kind: referable.get(kind, {}))
        problems += [found] if found else []
    return problems


def _link_problems(root: str, page: _Page, docs_dir: str) -> list[Problem]:
    """Links and images to files of the repository that do not exist.

    A link may be written as the file's real path or as MkDocs sees it (docs/ as the
    root, courses/ and blog/ beside it); the build accepts both, so does the check.
    """
    problems = []
    base = os.path.dirname(os.path.join(root, page.path))
    site_path = page.path.removeprefix(f"{docs_dir}/")
    for number, line in _prose_lines(page.text):
        for match in _LINK.finditer(_INLINE_CODE.sub("", line)):
            target = match["target"].strip("<>").split("#", 1)[0].split("?", 1)[0]
            if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
                continue
            virtual = os.path.normpath(os.path.join(os.path.dirname(site_path), target))
            candidates = (
                os.path.join(base, target),
                os.path.join(root, docs_dir, virtual),
                os.path.join(root, virtual),
            )
            if not any(os.path.exists(os.path.normpath(path)) for path in candidates):
                key = "image_missing" if match["image"] else "link_missing"
                problems.append(
                    MESSAGES.problem(page.language, page.path, number, key, target=target)
                )
    return problems


def _prose_lines(text: str) -> Iterable[tuple[int, str]]:
    """Numbered lines outside code fences."""
    fence = None
    for number, line in enumerate(text.splitlines(), start=1):
        opening = CODE_FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None and opening and opening.group(1)[0] == fence[0]:
            fence = None
        elif fence is None:
            yield number, line


def _duplicate_ids(pages: list[_Page]) -> list[Problem]:
    """An id given by authors on two pages would share one learner's state."""
    first: dict[str, tuple[str, int]] = {}
    problems = []
    for page in pages:
        for widget_id, line in page.ids:
            if widget_id in first and first[widget_id][0] != page.path:
                where = f"{first[widget_id][0]}:{first[widget_id][1]}"
                report = Reporter(page.path, page.language)
                problems.append(report.problem(line, "id_on_two_pages", id=widget_id, where=where))
            first.setdefault(widget_id, (page.path, line))
    return problems
