"""``leerpad export scorm``: its grammar and what it prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..cli.paths import site_path
from .export import ExportError, export_scorm
from .manifest import VERSIONS


def add_export_parser(commands: Any) -> None:
    """Add ``export scorm <course> [--scorm 1.2|2004] [-o file.zip]`` to the subcommands."""
    export = commands.add_parser("export", help="export a course for an LMS")
    formats = export.add_subparsers(dest="format", required=True)
    scorm = formats.add_parser("scorm", help="a SCORM package (zip) of one course")
    scorm.add_argument("course", help="the course: its folder's name in courses/")
    scorm.add_argument(
        "--scorm", choices=VERSIONS, default="2004", help="SCORM version (default: 2004)"
    )
    scorm.add_argument(
        "-o", "--output", help="the zip to write (default: <course>-scorm<version>.zip)"
    )


def export_command(root: Path, course: str, version: str, output: str | None) -> int:
    """Run the export; prints the course's problems or the package written. Exit code."""
    target = Path(output or f"{course}-scorm{version.replace('.', '')}.zip").resolve()
    try:
        notes = export_scorm(root, course, version, target)
    except ExportError as error:
        for problem in error.problems:
            print(problem)
        print(f"leerpad: {error}", file=sys.stderr)
        return 1
    for note in notes:
        print(note, file=sys.stderr)
    print(site_path(target, root))
    return 0
