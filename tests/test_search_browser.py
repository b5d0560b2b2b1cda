"""Dutch search in a real browser: an inflected form finds the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_build, serve

pytestmark = pytest.mark.browser


def test_searching_an_inflected_word_finds_the_module(small_site: Path, page) -> None:
    build = run_build(small_site)
    assert build.returncode == 0, build.log
    with serve(build.site) as base:
        page.goto(base)
        # The search worker loads its index in the background; type once it is idle,
        # as a reader would after the page has appeared.
        page.wait_for_load_state("networkidle")
        page.keyboard.press("/")  # Material's search shortcut
        # The module says "klant"; the learner types the plural.
        page.keyboard.type("klanten", delay=30)
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=10_000)
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        assert any("cursussen/proefcursus/eerste-stappen/" in href for href in hrefs), hrefs
