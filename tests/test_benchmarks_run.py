"""The benchmark scripts still run and print their figures (on tiny inputs).

They import leerpad's internals, which move; a benchmark that no longer starts is found
here, not by the next person who needs its figures. Nothing about the figures is asserted.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from conftest import REPO


def run_bench(*args: str) -> str:
    """Run ``bench/<script>`` with ``args``; its output, after checking it ended well."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, *args], cwd=REPO, capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_hostile_files_are_read_checked_and_refused() -> None:
    output = run_bench("bench/hostile.py", "--check")
    assert "alias bomb in a module title" in output
    assert "front matter refused" in output


def test_widget_overhead_prints_its_ratio() -> None:
    output = run_bench("bench/quiz_overhead.py", "--pages", "4", "--rounds", "1")
    assert "overhead ratio" in output


def test_scale_prints_pages_per_second() -> None:
    output = run_bench("bench/scale.py", "--sizes", "60", "--no-overhead", "--no-plain")
    assert "linearity" in output


@pytest.mark.skipif(
    importlib.util.find_spec("mkdocs_quiz") is None, reason="the bench extra is not installed"
)
def test_peer_prints_every_site() -> None:
    output = run_bench("bench/peer.py", "--pages", "4", "--rounds", "1")
    assert "mkdocs-quiz" in output and "leerpad, geen widgets" in output
