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
