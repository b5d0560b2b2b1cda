"""Course structure: a course folder holds ``index.md`` and numbered module files.

Reading and validating happen here, free of MkDocs, so that the build and a future
``leerpad check`` report the same problems with the same words.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from typing import Any

from ..markdown.ids import slugify
from ..problems import Problem, ProblemError, message_table
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

_COURSE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MODULE_NAME = re.compile(r"^(?P<number>\d+)[-_ ](?P<slug>[a-z0-9][a-z0-9-]*)\.md$")

MAX_TEXT = 400
"""Characters in a title, summary or audience: they are repeated in the navigation of
every page, so a runaway value (a pasted file) would multiply the whole site's size."""

MAX_MINUTES = 6000
"""The longest ``duration`` a module or course may have: 100 hours. More is a typing
mistake (an extra zero, hours in the wrong place), and would be shown as it is."""

COMPLETION_RULES = ("quizzes", "quizzes-and-reflection", "manual")
"""What completes a module, set per course (``completion:``): every quiz answered right
once and every self-assessment finished (the default); that and every reflection written;
or the learner's own click on "mark as done"."""

MESSAGES = message_table(
    "courses",
    en={
        "completion": (
            "'completion' must be one of: {rules} (found {found}); it says what completes a "
            "module, e.g. 'completion: quizzes'"
        ),
        "completion_near": "'completion: {found}': did you mean '{meant}'? (one of: {rules})",
        "too_long": "'{key}' has {length} characters; keep it to {limit} ({what})",
        "same_address": (
            "publishes to the same address as {other} ('{address}/'), which would replace "
            "one page by the other; give one of the files another name"
        ),
        "no_index": (
            "course folder has no index.md; create {index} with the course's "
            "title, summary, audience and duration"
        ),
        "module_name": (
            "module file names start with their number and use lowercase words "
            "joined by hyphens, e.g. '02-het-team-als-veilige-haven.md'"
        ),
        "course_name": (
            "a course folder's name is the course's web address: lowercase words joined "
            "by hyphens, without spaces or accents; rename the folder to '{suggested}'"
        ),
        "module_number_twice": (
            "module number {number} is also used by {other}; give each module its own number"
        ),
        "missing": "front matter has no '{key}'; add '{key}: …' ({what})",
        "not_text": "'{key}' must be text ({what})",
        "duration_missing": (
            "front matter has no 'duration'; add the time it takes in minutes, e.g. 'duration: 45'"
        ),
        "duration_invalid": (
            "'duration' must be a whole number of minutes, e.g. 'duration: 45' (found {found})"
        ),
        "duration_too_long": (
            "'duration' is {found} minutes, more than {limit} (100 hours): that is surely a "
            "mistake; write the time in minutes, e.g. 'duration: 45'"
        ),
        "draft": (
            "'draft: true' only holds a blog post back; a {what} would be published all "
            "the same, and its number and the course's progress would change once it is "
            "ready. Work on it in a branch of its own, or remove the line"
        ),
        "objectives_missing": (
            "front matter has no 'objectives'; list what the learner can do afterwards, "
            "one '- Je …' line each"
        ),
        "objectives_invalid": "'objectives' must be a list of sentences, one '- Je …' line each",
        "what_course_title": "the course's name",
        "what_course": "course",
        "what_module": "module",
        "what_course_summary": "one or two sentences on what it offers",
        "what_course_audience": "who the course is for",
        "what_module_title": "the module's name",
        "what_post_title": "the post's headline",
    },
    nl={
        "completion": (
            "'completion' is een van: {rules} (nu: {found}); het zegt wanneer een module "
            "afgerond is, bijvoorbeeld 'completion: quizzes'"
        ),
        "completion_near": "'completion: {found}': bedoel je '{meant}'? (een van: {rules})",
        "too_long": "'{key}' heeft {length} tekens; hou het bij {limit} ({what})",
        "same_address": (
            "komt op hetzelfde adres als {other} ('{address}/'), zodat de ene pagina de "
            "andere vervangt; geef een van de bestanden een andere naam"
        ),
        "no_index": (
            "de cursusmap heeft geen index.md; maak {index} aan met de titel, samenvatting, "
            "doelgroep en duur van de cursus"
        ),
        "module_name": (
            "de naam van een modulebestand begint met het nummer en bestaat uit kleine "
            "letters met streepjes, bijvoorbeeld '02-het-team-als-veilige-haven.md'"
        ),
        "course_name": (
            "de naam van een cursusmap wordt het webadres van de cursus: kleine letters met "
            "streepjes, zonder spaties of accenten; hernoem de map naar '{suggested}'"
        ),
        "module_number_twice": (
            "modulenummer {number} wordt ook gebruikt door {other}; geef elke module een "
            "eigen nummer"
        ),
        "missing": "de front matter heeft geen '{key}'; voeg '{key}: …' toe ({what})",
        "not_text": "'{key}' moet tekst zijn ({what})",
        "duration_missing": (
            "de front matter heeft geen 'duration'; voeg de duur in minuten toe, "
            "bijvoorbeeld 'duration: 45'"
        ),
        "duration_invalid": (
            "'duration' is een geheel aantal minuten, bijvoorbeeld 'duration: 45' (nu: {found})"
        ),
        "duration_too_long": (
            "'duration' is {found} minuten, meer dan {limit} (100 uur): dat is vast een "
            "vergissing; schrijf de duur in minuten, bijvoorbeeld 'duration: 45'"
        ),
        "draft": (
            "'draft: true' houdt alleen een blogbericht tegen; een {what} zou toch "
            "gepubliceerd worden, en het nummer en de voortgang in de cursus veranderen als "
            "hij klaar is. Werk eraan in een eigen branch, of haal de regel weg"
        ),
        "objectives_missing": (
            "de front matter heeft geen 'objectives'; zet erbij wat de deelnemer na de module "
            "kan, elk op een regel '- Je …'"
        ),
        "objectives_invalid": ("'objectives' is een lijst van zinnen, elk op een regel '- Je …'"),
        "what_course_title": "de naam van de cursus",
        "what_course": "cursus",
        "what_module": "module",
        "what_course_summary": "een of twee zinnen over wat de cursus biedt",
        "what_course_audience": "voor wie de cursus is",
        "what_module_title": "de naam van de module",
        "what_post_title": "de kop van het bericht",
    },
)


@dataclass
class Module:
    """One module of a course, read from ``NN-slug.md``."""

    src_uri: str
    """Path relative to the repository root, e.g. ``courses/x/01-luisteren.md``."""
    number: int
    slug: str
    title: str
    duration: int
    objectives: list[str]
    position: int = 0
    """1-based place in the course, after sorting by number."""


@dataclass
class Course:
    """A course: its front matter from ``index.md`` and its modules in order."""

    slug: str
    src_uri: str
    title: str
    summary: str
    audience: str
    duration: int
    completion: str = COMPLETION_RULES[0]
    """One of ``COMPLETION_RULES``."""
    modules: list[Module] = field(default_factory=list)

    def neighbours(self, module: Module) -> tuple[Module | None, Module | None]:
        """The modules before and after ``module`` in this course."""
        index = module.position - 1
        previous = self.modules[index - 1] if index > 0 else None
        following = self.modules[index + 1] if index + 1 < len(self.modules) else None
        return previous, following


@dataclass
class CourseCatalogue:
    """Every course found, every page to publish, and the problems found on the way."""

    courses: list[Course] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _by_source: dict[str, tuple[Course, Module | None]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    pages: dict[str, str] = field(default_factory=dict)
    """Every Markdown file under the courses folder, mapped to its URL path below the
    courses URL (``course/`` or ``course/module``). Broken files are published too, so
    that links to them resolve and the page can show what is wrong; so is the
    ``index.md`` a course folder lacks (the build makes its page)."""

    sound: dict[str, tuple[str, FrontMatter]] = field(default_factory=dict)
    """The text and front matter of each course and module file read soundly, by source
    path: the build publishes these pages from what was read here, instead of reading
    and parsing every module a second time."""

    def problems_in(self, src_uri: str) -> list[Problem]:
        """The problems reported for one file."""
        return [problem for problem in self.problems if problem.path == src_uri]

    def find(self, src_uri: str) -> tuple[Course, Module | None] | None:
        """The course (and module, if any) whose source is ``src_uri``.

        Asked for every page of a build: looked up in an index made on the first call
        (the catalogue is complete by then), not by going through every module.
        """
        if self._by_source is None:
            self._by_source = {}
            for course in self.courses:
                self._by_source[course.src_uri] = (course, None)
                for module in course.modules:
                    self._by_source[module.src_uri] = (course, module)
        return self._by_source.get(src_uri)


def load_catalogue(
    root: str, folder: str, language: str = "en", docs_dir: str = "docs"
) -> CourseCatalogue:
    """Read every course under ``root/folder``; broken files become problems.

    Problems are written in ``language`` (the site's ``theme.language``); an ``image:``
    must be a file under ``docs_dir`` (mkdocs.yml's, relative to ``root``).
    """
    catalogue = CourseCatalogue()
    base = os.path.join(root, folder)
    if not os.path.isdir(base):
        return catalogue
    for name in sorted(os.listdir(base)):
        if name.startswith((".", "_")) or not os.path.isdir(os.path.join(base, name)):
            continue
        course_dir = f"{folder}/{name}"
        found = catalogue.problems
        if not _COURSE_NAME.match(name):  # published all the same, at its odd address
            suggested = slugify(name, max_words=12) or "mijn-cursus"
            found.append(
                MESSAGES.problem(language, course_dir, 0, "course_name", suggested=suggested)
            )
        catalogue.pages.update(_page_paths(root, course_dir, name, found, language))
        course = _load_course(root, course_dir, name, found, language, docs_dir, catalogue.sound)
        # Without its index.md the course's page is one the build makes (its problem).
        catalogue.pages.setdefault(course.src_uri, name)
        # A module left out for sharing its address is not part of the course either.
        course.modules = [m for m in course.modules if m.src_uri in catalogue.pages]
        for position, module in enumerate(course.modules, start=1):
            module.position = position
        catalogue.courses.append(course)
    return catalogue


def _markdown_files(root: str, rel_dir: str) -> list[str]:
    """Names of the ``.md`` files in one course folder, sorted; a folder named x.md is none."""
    folder = os.path.join(root, rel_dir)
    return [
        name
        for name in sorted(os.listdir(folder))
        if name.endswith(".md") and os.path.isfile(os.path.join(folder, name))
    ]


def _page_paths(
    root: str, rel_dir: str, slug: str, problems: list[Problem], language: str
) -> dict[str, str]:
    """URL path of every Markdown file of one course folder.

    ``01-intro.md`` and ``02-intro.md`` would share one address: the second is left out
    of the build (not published over the first) and reported.
    """
    paths: dict[str, str] = {}
    owners: dict[str, str] = {}
    for name in _markdown_files(root, rel_dir):
        if name.startswith((".", "_")):
            continue
        match = _MODULE_NAME.match(name)
        if name == "index.md":
            paths[f"{rel_dir}/{name}"] = slug
        else:
            page = match["slug"] if match else name.removesuffix(".md")
            paths[f"{rel_dir}/{name}"] = f"{slug}/{page}"
    # The module with the lowest number keeps the address: it is usually the older one.
    for uri, address in sorted(paths.items(), key=_by_module_number):
        if address in owners:
            other = owners[address]
            problems.append(
                MESSAGES.problem(language, uri, 1, "same_address", other=other, address=address)
            )
        else:
            owners[address] = uri
    return {uri: address for uri, address in paths.items() if owners[address] == uri}


def _by_module_number(item: tuple[str, str]) -> tuple[int, str]:
    """Sort key for (uri, address): the module number in the file name, then the name."""
    match = _MODULE_NAME.match(item[0].rsplit("/", 1)[-1])
    return (int(match["number"]) if match else -1, item[0])


def _load_course(
    root: str,
    rel_dir: str,
    slug: str,
    problems: list[Problem],
    language: str,
    docs_dir: str,
    sound: dict[str, tuple[str, FrontMatter]],
) -> Course:
    """Read one course folder; append problems.

    A course whose front matter is broken (or whose ``index.md`` is missing) stays in the
    site (catalogue, navigation, progress), with a default for each field that could not
    be read: its page shows the problems, and learners keep their way to its modules and
    their progress in it.
    """
    index_uri = f"{rel_dir}/index.md"
    if os.path.isfile(os.path.join(root, index_uri)):
        meta, readable = _read(root, index_uri, problems, language, sound)
        fields = _course_fields(meta, problems) if meta is not None else _defaults(readable)
    else:
        problems.append(MESSAGES.problem(language, rel_dir, 0, "no_index", index=index_uri))
        meta, fields = None, {}
    if meta is not None:
        problems += image_problems(root, meta, docs_dir)
    course = Course(
        slug=slug,
        src_uri=index_uri,
        title=fields.get("title") or title_from_name(slug),
        summary=fields.get("summary", ""),
        audience=fields.get("audience", ""),
        duration=fields.get("duration", 0),
        completion=fields.get("completion", COMPLETION_RULES[0]),
    )
    course.modules = _load_modules(root, rel_dir, problems, language, docs_dir, sound)
    if not course.duration:  # unreadable: the modules' time is the best guess
        course.duration = sum(module.duration for module in course.modules)
    return course


def title_from_name(name: str) -> str:
    """A title for a course or module whose own could not be read: from its name.

    ``het-gesprek`` gives ``Het gesprek``.
    """
    words = name.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _load_modules(
    root: str,
    rel_dir: str,
    problems: list[Problem],
    language: str,
    docs_dir: str,
    sound: dict[str, tuple[str, FrontMatter]],
) -> list[Module]:
    """Read the numbered module files of one course, in order."""
    modules: list[Module] = []
    seen: dict[int, str] = {}
    for name in _markdown_files(root, rel_dir):
        if name == "index.md":
            continue
        uri = f"{rel_dir}/{name}"
        match = _MODULE_NAME.match(name)
        if match is None:
            problems.append(MESSAGES.problem(language, uri, 1, "module_name"))
            continue
        number = int(match["number"])
        if number in seen:
            other = seen[number]
            problems.append(
                MESSAGES.problem(
                    language, uri, 1, "module_number_twice", number=number, other=other
                )
            )
            continue
        # A module whose front matter is broken keeps its place (its page shows the
        # problems), so that the modules around it still link to it and it to them.
        meta, readable = _read(root, uri, problems, language, sound)
        fields = _module_fields(meta, problems) if meta is not None else _defaults(readable)
        problems += image_problems(root, meta, docs_dir) if meta is not None else []
        seen[number] = uri
        modules.append(
            Module(
                src_uri=uri,
                number=number,
                slug=match["slug"],
                title=fields.get("title") or title_from_name(match["slug"]),
                duration=fields.get("duration", 0),
                objectives=fields.get("objectives", []),
            )
        )
    modules.sort(key=lambda module: module.number)
    for position, module in enumerate(modules, start=1):
        module.position = position
    return modules


def _read(
    root: str,
    uri: str,
    problems: list[Problem],
    language: str,
    sound: dict[str, tuple[str, FrontMatter]],
) -> tuple[FrontMatter | None, dict[str, Any]]:
    """A file's front matter; problems are recorded instead of raised.

    When the front matter cannot be read whole: None, and what its lines still tell
    (``readable_lines``), for defaults. Read soundly: its text and front matter are kept
    in ``sound``.
    """
    text = ""
    try:
        text = read_source(os.path.join(root, uri), uri, language)
        meta = read_front_matter(text, uri, language)
    except ProblemError as error:
        problems.append(error.problem)
        return None, readable_lines(text)
    problems.extend(meta.warnings)
    sound[uri] = (text, meta)
    return meta, {}


def _defaults(readable: dict[str, Any]) -> dict[str, Any]:
    """The fields of a course or module whose front matter is broken.

    Taken from the lines that still read (``readable_lines``); a field that is not there
    or not sound is left out, for the caller's default.
    """
    fields: dict[str, Any] = {}
    for key in ("title", "summary", "audience"):
        value = readable.get(key)
        if isinstance(value, str) and value.strip() and len(value) <= MAX_TEXT:
            fields[key] = value.strip()
    duration = readable.get("duration")
    if isinstance(duration, int) and 0 < duration <= MAX_MINUTES:
        fields["duration"] = duration
    if readable.get("completion") in COMPLETION_RULES:
        fields["completion"] = readable["completion"]
    return fields


# Each kind's fields (schemas/*.schema.json) and what every page may hold.
COURSE_FIELDS = (*PAGE_FIELDS, "summary", "audience", "duration", "completion", "draft")
MODULE_FIELDS = (*PAGE_FIELDS, "duration", "objectives", "draft")


def _course_fields(meta: FrontMatter, problems: list[Problem]) -> dict[str, Any]:
    """Course fields, each validated; what is wrong is recorded and left empty (0, "")."""
    problems += misspelt_fields(meta, COURSE_FIELDS)  # reported; the course still builds
    found: list[Problem] = []
    fields = {
        "title": required_text(meta, "title", found, "what_course_title"),
        "summary": required_text(meta, "summary", found, "what_course_summary"),
        "audience": required_text(meta, "audience", found, "what_course_audience"),
        "duration": required_minutes(meta, found),
        "completion": completion_rule(meta, found),
    }
    found += _draft(meta, "what_course")
    problems.extend(found)
    return fields


def completion_rule(meta: FrontMatter, problems: list[Problem]) -> str:
    """The ``completion`` field: one of ``COMPLETION_RULES``, the first when absent."""
    value = meta.data.get("completion", COMPLETION_RULES[0])
    if value in COMPLETION_RULES:
        return str(value)
    rules = ", ".join(COMPLETION_RULES)
    typed = value.strip().lower() if isinstance(value, str) else ""
    close = difflib.get_close_matches(typed, COMPLETION_RULES, n=1, cutoff=0.6)
    if close:
        found = meta.report(
            "completion", MESSAGES, "completion_near", found=typed, meant=close[0], rules=rules
        )
    else:
        found = meta.report("completion", MESSAGES, "completion", rules=rules, found=shown(value))
    problems.append(found)
    return COMPLETION_RULES[0]


def _module_fields(meta: FrontMatter, problems: list[Problem]) -> dict[str, Any]:
    """Module fields, each validated; what is wrong is recorded and left empty (0, "", [])."""
    problems += misspelt_fields(meta, MODULE_FIELDS)  # reported; the module still builds
    found: list[Problem] = []
    fields = {
        "title": required_text(meta, "title", found, "what_module_title"),
        "duration": required_minutes(meta, found),
        "objectives": _objectives(meta, found),
    }
    found += _draft(meta, "what_module")
    problems.extend(found)
    return fields


def _draft(meta: FrontMatter, what: str) -> list[Problem]:
    """``draft: true`` on a course or module: reported, not honoured.

    Material's blog holds a draft post back. Holding a module back would renumber the
    course and change what completes it, between ``mkdocs serve`` and the site learners
    use; a strict build stops instead, and a lenient one shows this problem on the page.
    """
    if meta.data.get("draft") is not True:
        return []
    return [meta.report("draft", MESSAGES, "draft", what=MESSAGES.text(meta.language, what))]


def required_text(meta: FrontMatter, key: str, problems: list[Problem], what: str) -> str:
    """A non-empty string field; records a problem naming what belongs there.

    ``what`` is the key of a ``MESSAGES`` text that says what belongs in the field.
    """
    value = meta.data.get(key)
    what_text = MESSAGES.text(meta.language, what)
    if isinstance(value, str) and value.strip() and len(value) > MAX_TEXT:
        length = len(value)
        problems.append(
            meta.report(
                key, MESSAGES, "too_long", key=key, length=length, limit=MAX_TEXT, what=what_text
            )
        )
    elif isinstance(value, str) and value.strip():
        return value.strip()
    elif key not in meta.data:
        problems.append(meta.report(key, MESSAGES, "missing", key=key, what=what_text))
    else:
        problems.append(meta.report(key, MESSAGES, "not_text", key=key, what=what_text))
    return ""


def required_minutes(meta: FrontMatter, problems: list[Problem]) -> int:
    """The ``duration`` field: a whole number of minutes, 1 to ``MAX_MINUTES``; else 0."""
    value = meta.data.get("duration")
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_MINUTES:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value > MAX_MINUTES:
        found = shown(value)
        problems.append(
            meta.report("duration", MESSAGES, "duration_too_long", found=found, limit=MAX_MINUTES)
        )
        return 0
    if "duration" not in meta.data:
        problems.append(meta.report("duration", MESSAGES, "duration_missing"))
    else:
        problems.append(meta.report("duration", MESSAGES, "duration_invalid", found=shown(value)))
    return 0


def _objectives(meta: FrontMatter, problems: list[Problem]) -> list[str]:
    """The ``objectives`` field: a non-empty list of sentences."""
    value = meta.data.get("objectives")
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return [v.strip() for v in value]
    key = "objectives_missing" if "objectives" not in meta.data else "objectives_invalid"
    problems.append(meta.report("objectives", MESSAGES, key))
    return []
