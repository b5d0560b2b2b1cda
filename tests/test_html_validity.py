"""The Nu HTML Checker finds no error in the markup leerpad writes.

Material's own templates trip it in a few places (autocomplete on its checkbox toggles,
an empty tabindex, a label for the table of contents toggle); those are not ours and
are left out by looking at the line each error points to.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, Build

VNU = Path(os.environ.get("VNU_JAR", REPO / ".ci/node/node_modules/vnu-jar/build/dist/vnu.jar"))
PAGES = [
    "index.html",
    "cursussen/klantvriendelijk-van-binnenuit/index.html",
    "cursussen/klantvriendelijk-van-binnenuit/het-team-als-veilige-haven/index.html",
    "cursussen/klantvriendelijk-van-binnenuit/grenzen-bewaken/index.html",
    "blog/2025/03/04/een-training-klantvriendelijkheid-heeft-geen-zin/index.html",
    "voortgang/index.html",
    "teamscan/index.html",
    "voor-trainers/index.html",
]


@pytest.fixture(scope="module")
def checker() -> list[str]:
    java = shutil.which("java")
    if not VNU.is_file() or java is None:
        if os.environ.get("CI"):
            pytest.fail(f"the Nu HTML Checker is missing ({VNU}); .ci/run installs vnu-jar")
        pytest.skip("Nu HTML Checker not installed (npm install --prefix .ci/node vnu-jar)")
    return [java, "-jar", str(VNU), "--errors-only", "--format", "gnu"]


def test_no_html_errors_in_leerpad_markup(checker: list[str], repository_build: Build) -> None:
    files = [str(repository_build.site / page) for page in PAGES]
    done = subprocess.run([*checker, *files], capture_output=True, text=True, check=False)
    ours = []
    for error in done.stderr.splitlines():
        # "file:/…/page.html":LINE.COL-LINE.COL: error: message
        location, _, message = error.partition(": error: ")
        path, _, position = location.rpartition('":')
        line = int(position.split(".")[0]) if position[:1].isdigit() else 0
        source = Path(path.strip('"').removeprefix("file:")).read_text(encoding="utf-8")
        if "leerpad" in source.splitlines()[line - 1] if line else True:
            ours.append(f"{path}:{line}: {message}")
    assert ours == []
