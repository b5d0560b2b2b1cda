"""Start a course, a module or a post from a template that already passes the checks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..blog.posts import PostRules
from ..markdown.ids import slugify
from ..problems import ProblemError, message_table
from ..source.front_matter import read_front_matter, read_source, shown, write_front_matter
from ..source.house_rules import UNFINISHED_MARKER
from .paths import site_path

_MODULE_NUMBER = re.compile(r"^(\d+)[-_ ]")

MESSAGES = message_table(
    "scaffold",
    en={
        "exists": "{path} already exists; nothing was changed",
        "not_written": "{path} could not be written ({reason}); nothing was changed",
        "no_slug": "cannot make a file name from the title {title}",
        "no_course": (
            "there is no course {course}; give a course's folder name or title. "
            "The courses are: {known}"
        ),
        "no_courses": "none yet",
        "no_authors": "blog/.authors.yml lists no authors; add one first",
        "unknown_author": "unknown author {author}; choose one of: {known}",
    },
    nl={
        "exists": "{path} bestaat al; er is niets veranderd",
        "not_written": "{path} kon niet geschreven worden ({reason}); er is niets veranderd",
        "no_slug": "van de titel {title} kan geen bestandsnaam gemaakt worden",
        "no_course": (
            "er is geen cursus {course}; geef de mapnaam of de titel van een cursus. "
            "Dit zijn de cursussen: {known}"
        ),
        "no_courses": "nog geen",
        "no_authors": "blog/.authors.yml noemt geen auteurs; voeg er eerst een toe",
        "unknown_author": "onbekende auteur {author}; kies uit: {known}",
    },
)


class ScaffoldError(Exception):
    """What keeps a new file from being made (nothing is ever overwritten).

    ``ScaffoldError(language, "exists", path=…)``: the message ``key`` of ``MESSAGES``.
    """

    def __init__(self, language: str, key: str, /, **values: object) -> None:
        super().__init__(MESSAGES.text(language, key, **values))


def _write(root: Path, path: Path, text: str, language: str) -> Path:
    """Create ``path`` (in the site ``root``) with ``text``; refuse if it exists.

    Raises ScaffoldError, naming the file from the site's folder, when it exists or
    cannot be written (a read-only folder, a full disk).
    """
    shown_path = site_path(path, root)
    if path.exists():
        raise ScaffoldError(language, "exists", path=shown_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ScaffoldError(language, "not_written", path=shown_path, reason=reason) from None
    return path


def _slug(title: str, language: str) -> str:
    """A file name part for ``title``."""
    slug = slugify(title, max_words=8)
    if not slug:
        raise ScaffoldError(language, "no_slug", title=shown(title))
    return slug


def new_course(root: Path, title: str, language: str = "en") -> Path:
    """``courses/<slug>/index.md`` with the course's front matter to fill in.

    Raises ScaffoldError (its message in ``language``) rather than overwrite a file.
    """
    slug = _slug(title, language)
    return _write(
        root,
        root / "courses" / slug / "index.md",
        write_front_matter(
            {
                "title": title,
                "summary": "Wat de deelnemer aan deze cursus heeft, in een of twee zinnen.",
                "audience": "Voor wie deze cursus is.",
                "duration": 60,
            },
            f"""Een korte inleiding: waarom deze cursus, en hoe je hem volgt. De lijst met modules
maakt de site zelf; begin met `leerpad new module {slug} "Titel"`.
""",
        ),
        language,
    )


def _course_titles(root: Path) -> dict[str, str]:
    """Each course folder's name in ``courses/`` and its title (the name if unreadable)."""
    titles = {}
    for index in sorted((root / "courses").glob("*/index.md")):
        name = index.parent.name
        try:
            meta = read_front_matter(read_source(str(index), name), name)
        except ProblemError:
            meta = None
        title = meta.data.get("title") if meta is not None else None
        titles[name] = title.strip() if isinstance(title, str) else name
    return titles


def find_course(root: Path, course: str, language: str = "en") -> Path:
    """The folder of the course named ``course``: its folder name or its title.

    Raises ScaffoldError listing the courses there are when none matches.
    """
    folder = root / "courses" / course
    if course and (folder / "index.md").is_file():
        return folder
    titles = _course_titles(root)
    wanted = " ".join(course.split()).casefold()
    for name, title in titles.items():
        if " ".join(title.split()).casefold() == wanted:
            return root / "courses" / name
    known = "; ".join(f"{name} ({title})" for name, title in titles.items())
    known = known or MESSAGES.text(language, "no_courses")
    raise ScaffoldError(language, "no_course", course=shown(course), known=known)


def new_module(root: Path, course: str, title: str, language: str = "en") -> Path:
    """The next numbered module of ``course`` (folder name or title), with examples."""
    folder = find_course(root, course, language)
    numbered = {p: m for p in sorted(folder.glob("*.md")) if (m := _MODULE_NUMBER.match(p.name))}
    slug = _slug(title, language)
    for path, match in numbered.items():
        # Another number with the same name gets the same address, which the check refuses.
        if path.stem[match.end() :] == slug:
            raise ScaffoldError(language, "exists", path=site_path(path, root))
    number = max((int(m.group(1)) for m in numbered.values()), default=0) + 1
    return _write(
        root,
        folder / f"{number:02d}-{slug}.md",
        write_front_matter(
            {
                "title": title,
                "description": "Eén zin over deze module, voor zoekmachines en deelkaartjes.",
                "duration": 30,
                "objectives": [
                    "Je kunt na deze module iets wat je daarvoor nog niet kon.",
                    "Je herkent een situatie uit je eigen werk.",
                ],
            },
            f"""{UNFINISHED_MARKER}

Begin met een herkenbare situatie van aan het loket, de telefoon of de winkelvloer.

## Eerste deel

De tekst van de module.

<!-- Een quizvraag: [x] is juist, [ ] is fout, '>' geeft feedback (4 spaties inspringen).
Haal dit commentaar weg en pas de vraag aan. -->

/// quiz | Een klant vraagt iets wat niet bij jou hoort. Wat doe je?
- [ ] Je zegt dat je er niets mee kunt.
    > Zo staat de klant met lege handen.
- [x] Je zoekt samen uit wie hem wel kan helpen.
    > Juist: je laat hem niet los voor hij verder kan.

Een klant onthoudt vooral of hij verder geholpen werd.
///

/// reflection | Wanneer had jij deze week zo'n gesprek, en wat deed je?
///
""",
        ),
        language,
    )


def new_post(root: Path, title: str, author: str | None = None, language: str = "en") -> Path:
    """A draft post dated today in ``blog/posts/``, by an author of ``.authors.yml``."""
    authors_file = root / "blog" / ".authors.yml"
    rules = PostRules.for_site(str(root), "blog", language=language)  # ProblemError: broken
    authors = list(rules.author_names) if authors_file.is_file() else []  # in file order
    if not authors:
        raise ScaffoldError(language, "no_authors")
    chosen = author or next(iter(authors))
    if chosen not in authors:
        raise ScaffoldError(
            language, "unknown_author", author=shown(chosen), known=", ".join(authors)
        )
    today = dt.date.today()
    return _write(
        root,
        root / "blog" / "posts" / f"{today.isoformat()}-{_slug(title, language)}.md",
        write_front_matter(
            {
                "title": title,
                "description": (
                    "Eén zin van hoogstens 160 tekens voor zoekmachines en deelkaartjes."
                ),
                "date": today,
                "authors": [chosen],
                "categories": ["Klantcontact"],
                "tags": ["klantcontact"],
                "draft": True,
            },
            """De opening: een of twee alinea's die nieuwsgierig maken. Ze verschijnen op de
blogpagina.

<!-- more -->

## Een kop die helpt bij het scannen

De rest van het bericht. Verwijs naar de module die dieper ingaat op het onderwerp.
""",
        ),
        language,
    )
