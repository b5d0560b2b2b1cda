"""Blog posts: front matter checks that name the file and line before Material reads them.

Material's blog plugin stops at the first bad post with a message that has no line
number; we check every post first and keep broken ones out of the build.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from pymdownx.slugs import slugify

from ..problems import Problem, ProblemError, message_table
from ..site.courses import required_text
from ..source.front_matter import (
    PAGE_FIELDS,
    FrontMatter,
    image_problems,
    misspelt_fields,
    read_front_matter,
    read_source,
    readable_lines,
    shown,
)
from ..source.yaml_lines import error_line, load_yaml, yaml_reason

_H1 = re.compile(r"^#\s+\S", re.MULTILINE)
MORE_MARKER = "<!-- more -->"
"""Where a post's excerpt on the blog's lists ends (Material's blog)."""
_NEAR_MORE = re.compile(r"^\s*<!-{1,3}\s*(?:more|meer|read\s*more)\s*-{1,3}>\s*$", re.IGNORECASE)
_H1_TEXT = re.compile(r"^#\s+(?P<title>\S.*)$", re.MULTILINE)
_LIST_FIELDS = ("authors", "categories", "tags")
# What a post's front matter may hold: ours (schemas/post.schema.json) and what Material
# reads on a post. Another key close to one of these is a misspelling.
_POST_FIELDS = (
    *PAGE_FIELDS,
    *("date", "authors", "categories", "draft", "slug", "links", "readtime", "pin"),
)
_TITLE_SLUG = slugify(case="lower")  # Material's blog default for post addresses
MAX_DESCRIPTION = 160

MESSAGES = message_table(
    "posts",
    en={
        "same_address": (
            "publishes to {url}, like {other}; one page would silently replace the other. {fix}"
        ),
        "fix_post": "Give one post another title, or a 'slug: …' of its own",
        "fix_page": "Rename or move one of the files",
        "both_places": "{uri} exists both in {blog}/ and in {docs}/; keep only one of them",
        "did_you_mean": "{value}: did you mean '{meant}'?",
        "misplaced": (
            "this is a post (it has '{key}'), but posts belong in {posts_dir}/: outside it "
            "the blog would publish it as a plain page, even with a future date; move the "
            "file there"
        ),
        "authors_yaml": "not usable YAML: {reason}",
        "unknown_name": "{value} is not in {where}; use one of: {known}",
        "unknown_name_near": "{value}: did you mean '{meant}'? ({where}: {known})",
        "where_authors": "blog/.authors.yml",
        "where_categories": "the blog's allowed categories",
        "tag_near": "{value}: did you mean '{meant}'? (the tag other posts use)",
        "draft": "'draft' must be true or false",
        "description_text": "'description' must be a sentence of text",
        "description_long": (
            "'description' has {length} characters; keep it to {limit}, "
            "or search results cut it off"
        ),
        "date_missing": (
            "front matter has no 'date'; add the publication date, e.g. 'date: 2025-03-12'"
        ),
        "date_invalid": (
            "'date' is not a date: write it as year-month-day, e.g. 'date: 2025-03-12' "
            "(found {found})"
        ),
        "updated_before_created": (
            "'date': 'updated' ({updated}) is before 'created' ({created}); a post is "
            "updated after it is written: correct one of the two dates"
        ),
        "list": "'{key}' must be a list of names, e.g. '{key}: [a, b]'",
    },
    nl={
        "same_address": (
            "komt op {url}, net als {other}; de ene pagina zou de andere stilletjes vervangen. "
            "{fix}"
        ),
        "fix_post": "Geef een van de berichten een andere titel, of een eigen 'slug: …'",
        "fix_page": "Geef een van de bestanden een andere naam of plaats",
        "both_places": "{uri} staat zowel in {blog}/ als in {docs}/; hou er maar één",
        "did_you_mean": "{value}: bedoel je '{meant}'?",
        "misplaced": (
            "dit is een bericht (het heeft '{key}'), maar berichten horen in {posts_dir}/: "
            "daarbuiten publiceert de blog het als gewone pagina, ook met een datum in de "
            "toekomst; verplaats het bestand daarheen"
        ),
        "authors_yaml": "geen bruikbare YAML: {reason}",
        "unknown_name": "{value} staat niet in {where}; kies uit: {known}",
        "unknown_name_near": "{value}: bedoel je '{meant}'? ({where}: {known})",
        "where_authors": "blog/.authors.yml",
        "where_categories": "de toegestane categorieën van de blog",
        "tag_near": "{value}: bedoel je '{meant}'? (de tag die andere berichten gebruiken)",
        "draft": "'draft' is true of false",
        "description_text": "'description' is een zin tekst",
        "description_long": (
            "'description' heeft {length} tekens; hou het bij {limit}, "
            "anders knippen zoekmachines het af"
        ),
        "date_missing": (
            "de front matter heeft geen 'date'; voeg de publicatiedatum toe, "
            "bijvoorbeeld 'date: 2025-03-12'"
        ),
        "date_invalid": (
            "'date' is geen datum: schrijf jaar-maand-dag, bijvoorbeeld 'date: 2025-03-12' "
            "(nu: {found})"
        ),
        "updated_before_created": (
            "'date': 'updated' ({updated}) ligt voor 'created' ({created}); een bericht "
            "wordt bijgewerkt nadat het geschreven is: verbeter een van de twee datums"
        ),
        "list": "'{key}' is een lijst van namen, bijvoorbeeld '{key}: [a, b]'",
    },
)


def post_sources(root: str, folder: str) -> Iterator[str]:
    """Repository-relative paths of every Markdown file under ``root/folder``."""
    base = os.path.join(root, folder)
    for directory, subdirs, names in os.walk(base):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith((".", "_")))
        for name in sorted(names):
            if name.endswith(".md") and not name.startswith((".", "_")):
                yield os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/")


@dataclass(frozen=True)
class PostRules:
    """What the site allows in a post: author ids and categories (None: anything)."""

    authors: frozenset[str] | None = None
    categories: frozenset[str] | None = None
    author_names: dict[str, str] = field(default_factory=dict)
    posts_dir: str | None = None
    """Where posts must be (e.g. ``blog/posts``); None: anywhere."""
    language: str = "en"
    """The site's language: problems are written in it."""
    docs_dir: str = "docs"
    """mkdocs.yml's ``docs_dir`` (from the site root): where a post's ``image:`` is."""

    @classmethod
    def for_site(
        cls,
        root: str,
        blog_dir: str,
        categories: Iterable[str] = (),
        language: str = "en",
        docs_dir: str = "docs",
    ) -> PostRules:
        """Authors from ``<blog>/.authors.yml``; categories as the blog plugin allows."""
        path = os.path.join(root, blog_dir, ".authors.yml")
        posts_dir = f"{blog_dir}/posts"
        allowed = frozenset(categories) or None
        if not os.path.isfile(path):
            return cls(None, allowed, posts_dir=posts_dir, language=language, docs_dir=docs_dir)
        data = _read_authors(path, f"{blog_dir}/.authors.yml", language)
        names = {
            str(key): str(value.get("name", key)) if isinstance(value, dict) else str(key)
            for key, value in data.items()
        }
        return cls(frozenset(names), allowed, names, posts_dir, language, docs_dir)


def misplaced_post(meta: FrontMatter, site_path: str, posts_dir: str) -> Problem | None:
    """A post (it has ``date`` or ``authors``) outside ``posts_dir``, or None.

    Outside it the blog would publish it as a plain page. ``site_path`` is the file's
    path as the site sees it (``blog/…``).
    """
    if site_path.startswith(f"{posts_dir}/"):
        return None
    marker = next((key for key in ("date", "authors") if key in meta.data), None)
    if marker is None:
        return None
    return meta.report(marker, MESSAGES, "misplaced", key=marker, posts_dir=posts_dir)


def _read_authors(path: str, display: str, language: str) -> dict[Any, Any]:
    """The ``authors`` mapping of ``.authors.yml``; ProblemError with its line if unusable.

    Read like front matter (any bytes, alias bombs refused), since Material's blog and
    our pages would otherwise expand what it holds.
    """
    text = read_source(path, display, language)
    try:
        data = load_yaml(text).data
    except yaml.MarkedYAMLError as error:
        at = error_line(error, text)
        reason = yaml_reason(error, language, text.split("\n")[at])
        raise ProblemError(
            MESSAGES.problem(language, display, at + 1, "authors_yaml", reason=reason)
        ) from None
    except yaml.YAMLError as error:
        reason = yaml_reason(error, language)
        raise ProblemError(
            MESSAGES.problem(language, display, 1, "authors_yaml", reason=reason)
        ) from None
    authors = data.get("authors") if isinstance(data, dict) else None
    return authors if isinstance(authors, dict) else {}


def check_post(root: str, uri: str, rules: PostRules = PostRules()) -> list[Problem]:
    """Every problem in one post's front matter (an empty list when it is fine)."""
    return read_post(root, uri, rules)[1]


def read_post(
    root: str, uri: str, rules: PostRules = PostRules()
) -> tuple[FrontMatter | None, list[Problem]]:
    """A post's front matter and its problems.

    When the front matter cannot be read whole, the front matter is what its lines still
    tell (``readable_lines``: a date, a slug), so that the post's problems are shown at
    its own address; None when the file cannot be read at all.
    """
    text = None
    try:
        text = read_source(os.path.join(root, uri), uri, rules.language)
        meta = read_front_matter(text, uri, rules.language)
    except ProblemError as error:
        if text is None:
            return None, [error.problem]
        readable = FrontMatter(uri, readable_lines(text), language=rules.language)
        return readable, [error.problem]
    problems: list[Problem] = list(meta.warnings)
    if rules.posts_dir is not None:
        misplaced = misplaced_post(meta, uri, rules.posts_dir)
        if misplaced is not None:
            return meta, [*problems, misplaced]
    if "title" in meta.data or not _H1.search(meta.body):
        required_text(meta, "title", problems, "what_post_title")
    problems += misspelt_fields(meta, _POST_FIELDS)
    _check_date(meta, problems)
    for key in _LIST_FIELDS:
        _check_list(meta, key, problems)
    if "draft" in meta.data and not isinstance(meta.data["draft"], bool):
        problems.append(meta.report("draft", MESSAGES, "draft"))
    _check_allowed(meta, "authors", rules.authors, "where_authors", problems)
    _check_allowed(meta, "categories", rules.categories, "where_categories", problems)
    _check_description(meta, problems)
    problems += image_problems(root, meta, rules.docs_dir)
    _check_more_marker(meta, problems)
    return meta, problems


def post_address(meta: FrontMatter) -> str | None:
    """``YYYY/MM/DD/slug``: the address Material's blog gives a post by default, or None.

    The slug is the post's ``slug``, else its title (or first heading) slugified the way
    the blog plugin does out of the box.
    """
    value = meta.data.get("date")
    created = value.get("created") if isinstance(value, dict) else value
    slug = meta.data.get("slug")
    if not isinstance(slug, str) or not slug:
        title = meta.data.get("title")
        heading = _H1_TEXT.search(meta.body)
        if not isinstance(title, str):
            title = heading["title"] if heading else ""
        slug = _TITLE_SLUG(title, "-")
    if not isinstance(created, dt.date) or not slug:
        return None
    return f"{created:%Y/%m/%d}/{slug}"


def _check_allowed(
    meta: FrontMatter,
    key: str,
    allowed: frozenset[str] | None,
    where: str,
    problems: list[Problem],
) -> None:
    """Every author id (or category) must be one the site knows.

    ``where`` is the key of the ``MESSAGES`` text naming where the known names are.
    """
    values = meta.data.get(key)
    if allowed is None or not isinstance(values, list):
        return
    place = MESSAGES.text(meta.language, where)
    for value in values:
        if isinstance(value, str) and value not in allowed:
            known = ", ".join(sorted(allowed))
            meant = near_miss(value, allowed)
            details = {"value": shown(value), "where": place, "known": known}
            if meant is not None:
                problems.append(
                    meta.report(key, MESSAGES, "unknown_name_near", meant=meant, **details)
                )
            else:
                problems.append(meta.report(key, MESSAGES, "unknown_name", **details))


def _spelling_key(name: str) -> str:
    """``name`` without what authors vary by accident: case, spaces, hyphens, underscores."""
    return re.sub(r"[\s_-]+", "", name).casefold()


def near_miss(value: str, known: Iterable[str]) -> str | None:
    """The known name ``value`` was probably meant to be, or None.

    Same letters up to case, spacing and hyphens first; else one close spelling
    (``difflib``, ratio 0.8 or more on the normalised names).
    """
    by_key = {_spelling_key(name): name for name in sorted(known)}
    key = _spelling_key(value)
    if key in by_key and by_key[key] != value:
        return by_key[key]
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.8)
    return by_key[close[0]] if close and by_key[close[0]] != value else None


def _check_more_marker(meta: FrontMatter, problems: list[Problem]) -> None:
    """A line that is almost ``<!-- more -->`` leaves the whole post in the blog's lists."""
    for number, line in enumerate(meta.body.split("\n"), start=meta.end_line + 1):
        if _NEAR_MORE.match(line) and line.strip() != MORE_MARKER:
            message = MESSAGES.text(
                meta.language, "did_you_mean", value=shown(line.strip()), meant=MORE_MARKER
            )
            problems.append(Problem(meta.path, number, message))


def tag_near_misses(posts: Mapping[str, FrontMatter]) -> list[Problem]:
    """Tags that differ from another post's tag only by case, spacing or hyphens.

    The spelling most posts use is taken as the site's; each other spelling is reported
    at its post's ``tags`` line, since it would make a tag page of its own.
    """
    spellings: dict[str, Counter[str]] = {}
    for meta in posts.values():
        for tag in _names(meta.data.get("tags")):
            spellings.setdefault(_spelling_key(tag), Counter())[tag] += 1
    problems = []
    for _, meta in sorted(posts.items(), key=lambda item: item[0]):
        for tag in _names(meta.data.get("tags")):
            usual = spellings[_spelling_key(tag)].most_common(1)[0][0]
            if usual != tag:
                problems.append(
                    meta.report("tags", MESSAGES, "tag_near", value=shown(tag), meant=usual)
                )
    return problems


def _names(value: object) -> list[str]:
    """The strings of a list field (nothing when it is not a list)."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _check_description(meta: FrontMatter, problems: list[Problem]) -> None:
    """Search engines and link previews cut a description after about 160 characters."""
    value = meta.data.get("description")
    if value is None:
        return
    if not isinstance(value, str) or not value.strip():
        problems.append(meta.report("description", MESSAGES, "description_text"))
    elif len(value) > MAX_DESCRIPTION:
        problems.append(
            meta.report(
                "description",
                MESSAGES,
                "description_long",
                length=len(value),
                limit=MAX_DESCRIPTION,
            )
        )


def _check_date(meta: FrontMatter, problems: list[Problem]) -> None:
    """``date`` must be a date (2025-03-12) or a mapping with a ``created`` date."""
    value: Any = meta.data.get("date")
    if "date" not in meta.data:
        problems.append(meta.report("date", MESSAGES, "date_missing"))
        return
    dates = value.values() if isinstance(value, dict) and "created" in value else [value]
    if not all(isinstance(d, dt.date) for d in dates):
        problems.append(meta.report("date", MESSAGES, "date_invalid", found=shown(value)))
    elif isinstance(value, dict) and isinstance(value.get("updated"), dt.date):
        created, updated = _day(value["created"]), _day(value["updated"])
        if updated < created:  # the blog would show it updated before it was written
            problems.append(
                meta.report(
                    "date",
                    MESSAGES,
                    "updated_before_created",
                    updated=updated.isoformat(),
                    created=created.isoformat(),
                )
            )


def _day(value: dt.date) -> dt.date:
    """The day of a date or of a date and time (the two cannot be compared as they are)."""
    return value.date() if isinstance(value, dt.datetime) else value


def _check_list(meta: FrontMatter, key: str, problems: list[Problem]) -> None:
    """Authors, categories and tags are lists of names, e.g. ``[Teams, Leiderschap]``."""
    value = meta.data.get(key)
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(meta.report(key, MESSAGES, "list", key=key))
