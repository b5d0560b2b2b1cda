"""leerpad stays within the page-weight budget written in bench/budget.json."""

from __future__ import annotations

import json
import re

import pytest

from leerpad.weight import page_weights

from conftest import REPO, Build

BUDGET = {
    kind: size
    for kind, size in json.loads((REPO / "bench/budget.json").read_text()).items()
    if not kind.startswith("_")
}


@pytest.mark.parametrize("kind", BUDGET)
def test_page_kind_stays_within_budget(kind: str) -> None:
    weight = page_weights()[kind]
    assert weight <= BUDGET[kind], f"{kind}: {weight} B gzipped, budget {BUDGET[kind]} B"


def test_a_page_without_widgets_loads_only_the_core(repository_build: Build) -> None:
    html = repository_build.page("over/")
    scripts = [src for src in re.findall(r'<script[^>]*\ssrc="([^"]+)"', html) if "leerpad" in src]
    assert len(scripts) == 1 and re.search(r"/leerpad\.[0-9a-f]{8}\.js$", scripts[0]), scripts
