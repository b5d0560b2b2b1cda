"""The front end's pure logic (storage checks and merge, result codes) under Node's runner."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

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
