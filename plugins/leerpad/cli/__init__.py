"""The leerpad command: check a site, start a course, module or post, write snippets, export.

leerpad check [PATH ...]
leerpad new course "Titel"
leerpad new module <course> "Titel"
leerpad new post "Titel" [--author ID]
leerpad snippets [-o .vscode/leerpad.code-snippets]
leerpad export scorm <course> [--scorm 1.2|2004] [-o file.zip]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

from ..problems import ProblemError, message_table
from .check import SiteConfigError, check_repository, site_config, site_language
from .paths import site_path
from .scaffold import ScaffoldError, new_course, new_module, new_post
from .snippets import DEFAULT_PATH, write_snippets

MESSAGES = message_table(
    "cli",
    en={
        "created": "Created: {path}",
        "snippets_written": "Written: {path} ({count:# snippet|# snippets})",
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
        "args_missing": "still missing: {names} (see the usage line above)",
        "word_course": "course",
        "word_title": "title",
        "unknown_command": "'{given}' is not a command here; choose from {choices}",
        "extra_args": "not understood: {given}; put a title with spaces between quotes",
        "more_help": "'leerpad --help' shows every command",
        "path_outside": "{path} is not inside the site ({root}); give a file or folder in it",
    },
    nl={
        "created": "Aangemaakt: {path}",
        "snippets_written": "Geschreven: {path} ({count:# snippet|# snippets})",
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
        "args_missing": "er ontbreekt nog: {names} (zie de regel 'usage' hierboven)",
        "word_course": "cursus",
        "word_title": "titel",
        "unknown_command": "'{given}' is hier geen opdracht; kies uit {choices}",
        "extra_args": "niet begrepen: {given}; zet een titel met spaties tussen aanhalingstekens",
        "more_help": "'leerpad --help' toont alle opdrachten",
        "path_outside": "{path} ligt niet in de site ({root}); geef een bestand of map daarin",
    },
)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0: all fine, 2: not understood)."""
    given, _ = _root_only().parse_known_args(argv)
    args = _parser(_language(Path(given.root).resolve())).parse_args(argv)
    root = Path(args.root).resolve()
    if args.command == "check":
        return _check(root, args.paths)
    if args.command == "snippets":
        target = root / args.output
        count = write_snippets(target)
        path = site_path(target, root)
        print(MESSAGES.text(_language(root), "snippets_written", path=path, count=count))
        return 0
    if args.command == "export":
        from ..scorm.command import export_command  # see _add_export

        return export_command(root, args.course, args.scorm, args.output)
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
    print(MESSAGES.text(language, "created", path=site_path(created, root)))
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
            told = MESSAGES.text(language, key, path=given, root=os.path.relpath(root))
            print(f"leerpad: {told}", file=sys.stderr)
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
    """The site's language; when mkdocs.yml cannot be read, as far as its lines tell."""
    try:
        return site_language(site_config(str(root)))
    except SiteConfigError as error:
        return error.language


class _Parser(argparse.ArgumentParser):
    """argparse, telling a mistake on the command line in the site's language.

    argparse's own words ("usage", "--help") stay English; its three common complaints
    (a missing argument, an unknown command, an extra word) are told as leerpad's.
    """

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language

    def error(self, message: str) -> NoReturn:
        """Print the usage and the complaint, then exit with code 2 (argparse's)."""
        self.print_usage(sys.stderr)
        told = _told(message, self.language)
        hint = MESSAGES.text(self.language, "more_help")
        print(f"{self.prog}: {told}. {hint}", file=sys.stderr)
        raise SystemExit(2)


_ARGPARSE = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "args_missing"),
    (
        re.compile(
            r"argument \S+: invalid choice: '?(?P<given>[^']*)'? \(choose from (?P<choices>.+)\)"
        ),
        "unknown_command",
    ),
    (re.compile(r"unrecognized arguments: (?P<given>.+)"), "extra_args"),
)


def _told(message: str, language: str) -> str:
    """The ``message`` of argparse as leerpad says it; argparse's own words otherwise."""
    for pattern, key in _ARGPARSE:
        found = pattern.fullmatch(message)
        if found:
            return MESSAGES.text(language, key, **found.groupdict())
    return message


def _root_only() -> argparse.ArgumentParser:
    """Only ``--root``: the site whose language the real parser speaks."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--root", default=".")
    return parser


def _parser(language: str = "en") -> argparse.ArgumentParser:
    """The command line's grammar; mistakes in it are told in ``language``."""
    course, title = (MESSAGES.text(language, key) for key in ("word_course", "word_title"))
    parser = _Parser(prog="leerpad", description=__doc__.split("\n")[0], language=language)
    parser.add_argument("--root", default=".", help="the repository (where mkdocs.yml is)")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="check|new|snippets|export", parser_class=_Parser
    )
    check = commands.add_parser("check", help="check courses, posts and widgets", language=language)
    check.add_argument("paths", nargs="*", help="only report on these files or folders")
    new = commands.add_parser("new", help="start a course, module or post", language=language)
    kinds = new.add_subparsers(
        dest="kind", required=True, metavar="course|module|post", parser_class=_Parser
    )
    made = kinds.add_parser("course", help="a new course folder", language=language)
    made.add_argument("title", metavar=title)
    module = kinds.add_parser("module", help="the next module of a course", language=language)
    module.add_argument(
        "course", metavar=course, help="the course: its folder's name in courses/, or its title"
    )
    module.add_argument("title", metavar=title)
    post = kinds.add_parser("post", help="a draft blog post dated today", language=language)
    post.add_argument("title", metavar=title)
    post.add_argument("--author", help="an id from blog/.authors.yml (default: the first)")
    snippets = commands.add_parser("snippets", help="write the widgets' editor snippets")
    snippets.add_argument(
        "-o", "--output", default=str(DEFAULT_PATH), help="the file, relative to --root"
    )
    _add_export(commands)
    return parser


def _add_export(commands: Any) -> None:
    """The ``export`` command's options, from the SCORM package.

    Imported here, not at the top: the SCORM package reads the site through this package's
    ``check`` module, so importing it first (``import leerpad.scorm``) must not find this
    package half-made.
    """
    from ..scorm.command import add_export_parser

    add_export_parser(commands)
