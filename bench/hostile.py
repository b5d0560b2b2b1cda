"""Time and peak memory of ``leerpad check`` and ``mkdocs build`` on each kind of hostile file.

Usage (from the repository root, with the project's virtual environment)::

    .venv/bin/python bench/hostile.py            # leerpad check and mkdocs build per kind
    .venv/bin/python bench/hostile.py --check    # leerpad check only (quick)

For every kind (YAML alias bombs in front matter, a widget header and an unknown key of a
docs page; an alias that refers to itself; deep nesting; a PNG saved as .md; a 5 MB
title) the script copies the small test site to a temporary directory, adds one file of
that kind, reads it in-process the way build and check do (time, peak traced memory,
the message), then runs each command in a subprocess and prints its wall time and peak
resident memory, next to the same command on the clean site. Targets from issue 14: under 1 s
and under 100 MB more than the clean site. It only prints figures; it exits non-zero
when a command crashes (a traceback) or reports nothing, so it cannot measure a silent
pass. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SMALL_SITE = REPO / "tests" / "sites" / "small"

_ANCHORS = ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'] + [
    f"lol{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]" for level in range(1, 9)
]
_MODULE = "---\ntitle: {title}\nduration: 10\nobjectives: [Je test.]\n---\n\n{body}\n"


def _kinds() -> dict[str, tuple[str, bytes]]:
    """Kind name -> (path in the site, file content)."""
    anchors = "\n".join(_ANCHORS)
    header = "\n".join(f"    {line}" for line in _ANCHORS)
    return {
        "alias bomb in a module title": (
            "courses/proefcursus/06-bom.md",
            f"---\n{anchors}\nduration: 10\nobjectives: [Je test.]\ntitle: *a8\n---\n".encode(),
        ),
        "alias bomb in a quiz header": (
            "courses/proefcursus/06-bom.md",
            _MODULE.format(
                title="Bom",
                body=f"/// quiz | Welke?\n{header}\n    hint: *a8\n- [x] ja\n- [ ] nee\n///",
            ).encode(),
        ),
        "alias bomb in an unknown key": (
            "docs/bom.md",
            f"---\n{anchors}\nkenmerk: *a8\n---\n\n# Bom\n".encode(),
        ),
        "alias that refers to itself": ("docs/lus.md", b"---\nlus: &l [een, *l]\n---\n\n# Lus\n"),
        "nesting 100,000 deep": (
            "docs/diep.md",
            b"---\ndiep: " + b"[" * 100_000 + b"]" * 100_000 + b"\n---\n\n# Diep\n",
        ),
        "PNG saved as .md": ("courses/proefcursus/06-plaatje.md", b"\x89PNG\r\n\x1a\n\x00\x00"),
        "5 MB title": (
            "courses/proefcursus/06-lang.md",
            _MODULE.format(title="x" * 5_000_000, body="Tekst.").encode(),
        ),
    }


def _measure(command: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """Wall seconds, peak resident MB, exit status and output of one command."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    with subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    ) as process:
        assert process.stdout is not None
        output = process.stdout.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss / 1024, process.returncode, output


def _read_in_process(path: Path, display: str) -> tuple[float, float, str]:
    """Seconds and peak traced MB to read one file the way build and check do.

    Also the first problem found (front matter, then widget headers).
    """
    sys.path.insert(0, str(REPO / "plugins"))
    from leerpad.markdown.document import read_widgets
    from leerpad.markdown.scanner import find_regions
    from leerpad.problems import ProblemError
    from leerpad.source.front_matter import read_front_matter, read_source
    from leerpad.widgets.registry import kind_names

    tracemalloc.start()
    started = time.perf_counter()
    try:
        text = read_source(str(path), display)
        meta = read_front_matter(text, display)
        problems = list(meta.warnings)
        regions = find_regions(text.splitlines(), kind_names())
        for _, spec in read_widgets(regions, display, display):
            problems += spec.problems
        found = str(problems[0]) if problems else "no problem"
    except ProblemError as error:
        found = str(error.problem)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return seconds, peak, found


def _commands(site: Path, check_only: bool) -> dict[str, list[str]]:
    commands = {"leerpad check": [sys.executable, "-m", "leerpad", "--root", str(site), "check"]}
    if not check_only:
        commands["mkdocs build"] = [
            sys.executable, "-m", "mkdocs", "build", "--strict",
            "-f", str(site / "mkdocs.yml"), "--site-dir", str(site / "site"),
        ]  # fmt: skip
    return commands


def main() -> int:
    """Print one line per command and kind; non-zero when a command crashed or stayed quiet."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="run leerpad check only")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        clean = Path(scratch) / "clean"
        shutil.copytree(SMALL_SITE, clean)
        baselines = {
            name: _measure(command, clean) for name, command in _commands(clean, args.check).items()
        }
        for name, (seconds, megabytes, _, _) in baselines.items():
            print(f"{name:14} {'clean site':30} {seconds:6.2f} s {megabytes:7.1f} MB")
        for kind, (path, content) in _kinds().items():
            site = Path(scratch) / "site"
            shutil.rmtree(site, ignore_errors=True)
            shutil.copytree(SMALL_SITE, site)
            (site / path).write_bytes(content)
            for name, command in _commands(site, args.check).items():
                seconds, megabytes, status, output = _measure(command, site)
                extra = megabytes - baselines[name][1]
                crashed = "Traceback" in output or status not in (0, 1)
                quiet = path not in output
                note = " CRASHED" if crashed else " NOTHING REPORTED" if quiet else ""
                failed |= crashed or quiet
                print(
                    f"{name:14} {kind:30} {seconds:6.2f} s {megabytes:7.1f} MB "
                    f"(+{extra:5.1f} MB){note}"
                )
        # In this process, after the commands: its imports would otherwise add to the
        # resident memory every command inherits.
        for kind, (path, content) in _kinds().items():
            target = Path(scratch) / "one" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            seconds, megabytes, found = _read_in_process(target, path)
            figures = f"{seconds:6.3f} s {megabytes:5.1f} MB traced"
            print(f"{'reader':14} {kind:30} {figures}  {found[:70]}")
            target.unlink()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
