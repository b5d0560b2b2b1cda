"""Trainers' tools: ``leerpad new module`` finds a course by its title, and the
pre-commit hook runs the same check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPO


def leerpad(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leerpad", "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_new_module_accepts_the_course_title(small_site: Path) -> None:
    title = yaml.safe_load(
        (small_site / "courses/proefcursus/index.md").read_text(encoding="utf-8").split("---")[1]
    )["title"]
    made = leerpad(small_site, "new", "module", f"  {title.upper()} ", "Vragen stellen")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "Aangemaakt: courses/proefcursus/11-vragen-stellen.md"


def test_new_module_lists_the_courses_when_it_cannot_find_one(small_site: Path) -> None:
    missing = leerpad(small_site, "new", "module", "Bestaat niet", "X")
    assert missing.returncode == 1
    assert "there is no course 'Bestaat niet'" in missing.stderr
    assert "The courses are: proefcursus (" in missing.stderr
    assert not list((small_site / "courses").glob("*/*-x.md"))


def test_the_pre_commit_hook_runs_leerpad_check() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(hook for hook in hooks if hook["id"] == "leerpad-check")
    assert hook["language"] == "python"
    # The entry is a command this package installs, and it checks a real site.
    command = hook["entry"].split()
    assert command[0] in _console_scripts()
    done = subprocess.run(
        [sys.executable, "-m", "leerpad", *command[1:]],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("No problems"), done.stdout


def _console_scripts() -> set[str]:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    section = text.split("[project.scripts]", 1)[1].split("[", 1)[0]
    return {line.split("=")[0].strip() for line in section.splitlines() if "=" in line}
