"""The ``leerpad`` command: check a repository, or start a course, module or post.

leerpad check [PATH ...]
leerpad new course "Titel"
leerpad new module <course> "Titel"
leerpad new post "Titel" [--author ID]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .check import check_repository, site_config, site_language
from .problems import ProblemError, message_table
from .scaffold import ScaffoldError, new_course, new_module, new_post

MESSAGES = message_table(
    "cli",
    en={
        "created": "Created: {path}",
        "summary": (
            "{problems:# problem|# problems} in {files:# file|# files} ({checked:# file|# files}, "
            "{widgets:# widget|# widgets} checked in {seconds} s)"
        ),
        "no_problems": (
            "No problems: {checked:# file|# files} and {widgets:# widget|# widgets} checked "
            "in {seconds} s"
        ),
        "unfinished": (
            "{count:# module is|# modules are} still marked unfinished; the house rules "
            "apply once the marker is removed"
        ),
        "path_missing": "{path} does not exist; give a file or folder of the site",
        "path_outside": "{path} is not inside the site ({root}); give a file or folder in it",
    },
    nl={
        "created": "Aangemaakt: {path}",
        "summary": (
            "{problems:# fout|# fouten} in {files:# bestand|# bestanden} "
            "({checked:# bestand|# bestanden} en {widgets:# blok|# blokken} gecontroleerd "
            "in {seconds} s)"
        ),
        "no_problems": (
            "Geen fouten: {checked:# bestand|# bestanden} en {widgets:# blok|# blokken} "
            "gecontroleerd in {seconds} s"
        ),
        "unfinished": (
            "{count:# module is|# modules zijn} nog niet af; de huisregels gelden zodra de "
            "regel om nog in te vullen weg is"
        ),
        "path_missing": "{path} bestaat niet; geef een bestand of map van de site",
        "path_outside": "{path} ligt niet in de site ({root}); geef een bestand of map daarin",
    },
)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0: all fine)."""
    args = _parser().parse_args(argv)
    root = Path(args.root).resolve()
    if args.command == "check":
        return _check(root, args.paths)
    try:
        language = site_language(site_config(str(root)))
        if args.kind == "course":
            created = new_course(root, args.title, language)
        elif args.kind == "module":
            created = new_module(root, args.course, args.title, language)
        else:
            created = new_post(root, args.title, args.author, language)
    except ScaffoldError as error:
        print(f"leerpad: {error}", file=sys.stderr)
        return 1
    except ProblemError as error:  # mkdocs.yml or blog/.authors.yml cannot be read
        print(f"leerpad: {error.problem}", file=sys.stderr)
        return 1
    print(MESSAGES.text(language, "created", path=created.relative_to(root)))
    return 0


def _check(root: Path, paths: list[str]) -> int:
    """Print every problem as path:line: message, then a one-line summary.

    A path that does not exist, or lies outside the site, is said so (exit code 2): a
    typo must not read as "no problems".
    """
    started = time.perf_counter()
    wanted = []
    for given in paths:
        path = Path(given).resolve()
        if not path.exists() or not path.is_relative_to(root):
            language = _language(root)
            key = "path_missing" if not path.exists() else "path_outside"
            print(
                f"leerpad: {MESSAGES.text(language, key, path=given, root=root)}", file=sys.stderr
            )
            return 2
        wanted.append(str(path.relative_to(root)))
    report = check_repository(str(root), wanted)
    for problem in report.problems:
        print(problem)
    for reminder in report.reminders:
        print(reminder)
    counts = {
        "checked": report.files,
        "widgets": report.widgets,
        "seconds": f"{time.perf_counter() - started:.1f}",
    }
    if report.problems:
        files = len({problem.path for problem in report.problems})
        found = len(report.problems)
        print(MESSAGES.text(report.language, "summary", problems=found, files=files, **counts))
        return 1
    print(MESSAGES.text(report.language, "no_problems", **counts))
    if report.reminders:
        print(MESSAGES.text(report.language, "unfinished", count=len(report.reminders)))
    return 0


def _language(root: Path) -> str:
    """The site's language, or English when mkdocs.yml cannot be read."""
    try:
        return site_language(site_config(str(root)))
    except ProblemError:
        return "en"


def _parser() -> argparse.ArgumentParser:
    """The command line's grammar."""
    parser = argparse.ArgumentParser(prog="leerpad", description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=".", help="the repository (where mkdocs.yml is)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check courses, posts and widgets")
    check.add_argument("paths", nargs="*", help="only report on these files or folders")
    new = commands.add_parser("new", help="start a course, module or post")
    kinds = new.add_subparsers(dest="kind", required=True)
    kinds.add_parser("course", help="a new course folder").add_argument("title")
    module = kinds.add_parser("module", help="the next module of a course")
    module.add_argument("course", help="the course: its folder's name in courses/, or its title")
    module.add_argument("title")
    post = kinds.add_parser("post", help="a draft blog post dated today")
    post.add_argument("title")
    post.add_argument("--author", help="an id from blog/.authors.yml (default: the first)")
    return parser
