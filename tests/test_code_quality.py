"""The package stays ruff- and mypy-clean: style problems fail the suite like bugs do."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True, check=False
    )


def test_ruff_finds_nothing() -> None:
    done = run("ruff", "check", "plugins", "tests")
    assert done.returncode == 0, done.stdout + done.stderr


def test_code_is_formatted_the_ruff_way() -> None:
    done = run("ruff", "format", "--check", "plugins")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_finds_nothing() -> None:
    done = run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_module_can_be_imported_first() -> None:
    # A plugin, a script or a test may import any module of leerpad before any other: an
    # import cycle shows only then (importing leerpad.scorm first once failed).
    modules = sorted(
        ".".join(path.relative_to(REPO / "plugins").with_suffix("").parts).removesuffix(".__init__")
        for path in (REPO / "plugins" / "leerpad").rglob("*.py")
        if path.name != "__main__.py"
    )
    assert len(modules) > 40
    script = (
        "import importlib, subprocess, sys\n"
        "failed = []\n"
        "for name in sys.argv[1:]:\n"
        "    done = subprocess.run([sys.executable, '-c', f'import {name}'],"
        " capture_output=True, text=True)\n"
        "    if done.returncode:\n"
        "        failed.append(name + ': ' + done.stderr.strip().splitlines()[-1])\n"
        "print('\\n'.join(failed))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *modules], capture_output=True, text=True, check=False
    )
    assert done.stdout.strip() == "", done.stdout
