"""Command-line helpers: argument types and running under the project's virtual environment."""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def require_packages(
    script: str, needed: tuple[str, ...] = ("mkdocs", "material", "leerpad")
) -> None:
    """Re-run ``script`` under the project's .venv, or exit with a hint, if a package is missing.

    ``needed`` are import names; a benchmark that compares with a peer adds the peer's.
    """
    missing = [name for name in needed if importlib.util.find_spec(name) is None]
    if not missing:
        return
    venv_python = REPO / ".venv" / "bin" / "python"
    if venv_python.is_file() and Path(sys.executable) != venv_python:
        print(f"({', '.join(missing)} missing here; re-running with {venv_python})", flush=True)
        os.execv(venv_python, [str(venv_python), str(Path(script).resolve()), *sys.argv[1:]])
    sys.exit(
        f"error: {', '.join(missing)} not importable by {sys.executable}; "
        "install the project with its bench extra (.venv/bin/pip install -e '.[bench]') "
        "and run with the project's .venv/bin/python"
    )
