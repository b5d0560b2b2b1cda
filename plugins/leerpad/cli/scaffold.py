"""Start a course, a module or a post from a template that already passes the checks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from ..markdown.ids import slugify
from ..problems import ProblemError
from ..source.front_matter import read_front_matter, read_source, shown, write_front_matter

_MODULE_NUMBER = re.compile(r"^(\d+)[-_ ]")


class ScaffoldError(Exception):
    """What keeps a new file from being made (nothing is ever overwritten)."""


def _write(path: Path, text: str) -> Path:
    """Create ``path`` with ``text``; refuse if it exists."""
    if path.exists():
        raise ScaffoldError(f"{path} already exists; nothing was changed")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _slug(title: str) -> str:
    """A file name part for ``title``."""
    slug = slugify(title, max_words=8)
    if not slug:
        raise ScaffoldError(f"cannot make a file name from the title {title!r}")
    return slug


def new_course(root: Path, title: str) -> Path:
    """``courses/<slug>/index.md`` with the course's front matter to fill in."""
    return _write(
        root / "courses" / _slug(title) / "index.md",
        write_front_matter(
            {
                "title": title,
                "summary": "Wat de deelnemer aan deze cursus heeft, in een of twee zinnen.",
                "audience": "Voor wie deze cursus is.",
                "duration": 60,
            },
            f"""Een korte inleiding: waarom deze cursus, en hoe je hem volgt. De lijst met modules
maakt de site zelf; begin met `leerpad new module {_slug(title)} "Titel"`.
""",
        ),
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


def find_course(root: Path, course: str) -> Path:
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
    known = "; ".join(f"{name} ({title})" for name, title in titles.items()) or "none yet"
    raise ScaffoldError(
        f"there is no course {shown(course)}; give a course's folder name or title. "
        f"The courses are: {known}"
    )


def new_module(root: Path, course: str, title: str) -> Path:
    """The next numbered module of ``course`` (folder name or title), with examples."""
    folder = find_course(root, course)
    numbers = [int(m.group(1)) for p in folder.glob("*.md") if (m := _MODULE_NUMBER.match(p.name))]
    number = max(numbers, default=0) + 1
    return _write(
        folder / f"{number:02d}-{_slug(title)}.md",
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
            """Begin met een herkenbare situatie van aan het loket, de telefoon of de winkelvloer.

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
    )


def new_post(root: Path, title: str, author: str | None = None) -> Path:
    """A draft post dated today in ``blog/posts/``, by an author of ``.authors.yml``."""
    authors_file = root / "blog" / ".authors.yml"
    authors = (yaml.safe_load(authors_file.read_text(encoding="utf-8")) or {}).get("authors", {})
    if not authors:
        raise ScaffoldError("blog/.authors.yml lists no authors; add one first")
    chosen = author or next(iter(authors))
    if chosen not in authors:
        raise ScaffoldError(f"unknown author {chosen!r}; choose one of: {', '.join(authors)}")
    today = dt.date.today()
    return _write(
        root / "blog" / "posts" / f"{today.isoformat()}-{_slug(title)}.md",
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
    )
