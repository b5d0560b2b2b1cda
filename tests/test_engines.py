"""The same pages from MkDocs, from ProperDocs and from two builds in a row; the
widgets from a plain Python-Markdown call (the path to engines without MkDocs plugins)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import markdown

from conftest import REPO

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def build(engine: str, site: Path) -> None:
    command = [sys.executable, "-m", engine, "build", "--strict", "-f", str(REPO / "mkdocs.yml")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [*command, "-d", str(site)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def pages(site: Path) -> dict[str, str]:
    """Every HTML page, with the line that names the generator left out."""
    return {
        str(path.relative_to(site)): GENERATOR.sub("", path.read_text(encoding="utf-8"))
        for path in sorted(site.rglob("*.html"))
    }


def test_two_builds_of_the_same_commit_give_identical_pages(tmp_path: Path) -> None:
    build("mkdocs", tmp_path / "first")
    build("mkdocs", tmp_path / "second")
    first, second = pages(tmp_path / "first"), pages(tmp_path / "second")
    assert len(first) > 30
    assert first == second


def test_properdocs_builds_the_same_pages(tmp_path: Path) -> None:
    build("mkdocs", tmp_path / "mkdocs")
    build("properdocs", tmp_path / "properdocs")
    assert pages(tmp_path / "properdocs") == pages(tmp_path / "mkdocs")


def test_a_plain_markdown_call_renders_every_widget() -> None:
    source = REPO / "courses/klantvriendelijk-van-binnenuit/02-het-team-als-veilige-haven.md"
    body = source.read_text(encoding="utf-8").split("---\n", 2)[2]
    html = markdown.markdown(body, extensions=["leerpad.markdown"])
    assert html.count('class="leerpad-quiz"') >= 3
    assert 'class="leerpad-assessment"' in html
    assert 'class="leerpad-reflection"' in html
    assert "leerpad-error" not in html
