"""The front end's pure logic (storage checks and merge, result codes) under Node's runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from importlib.resources import files as package_files

import pytest

from leerpad.site.assets import completion_kinds, front_end_kinds, with_kinds

from conftest import REPO


def test_node_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is missing; the front end's unit tests need Node 20")
        pytest.skip("node not installed: the unit tests in tests/js/ did not run")
    done = subprocess.run(
        [node, "--test", "tests/js/"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout and "# pass 0" not in done.stdout


def test_node_tests_read_the_registrys_table_as_the_build_writes_it() -> None:
    # tests/js/ cannot ask Python for the widget kinds: they read a copy, which must not
    # drift from what the build writes into leerpad.js.
    copy = json.loads((REPO / "tests" / "js" / "kinds.json").read_text(encoding="utf-8"))
    assert copy == front_end_kinds(), "regenerate tests/js/kinds.json from front_end_kinds()"
    completing = json.loads((REPO / "tests" / "js" / "completion-kinds.json").read_text("utf-8"))
    assert completing == completion_kinds(), "regenerate tests/js/completion-kinds.json"
    source = package_files("leerpad").joinpath("assets", "leerpad.js").read_text(encoding="utf-8")
    written = with_kinds(source)
    assert written != source
    assert json.dumps(front_end_kinds(), ensure_ascii=False, separators=(",", ":")) in written
