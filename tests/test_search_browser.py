"""Dutch search in a real browser: an inflected form finds the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

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


SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser):
    context = browser.new_context(viewport=SIZES[request.param])
    yield context.new_page()
    context.close()


def search(page, base: str, words: str):
    """Type ``words`` into Material's search; returns the result list once it has settled."""
    page.goto(base)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type(words, delay=20)
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile("Typ om te beginnen|initialiseren"))
    return page.locator(".md-search-result")


def test_a_stemmed_word_is_not_reported_missing(sized_page, small_url: str) -> None:
    results = search(sized_page, small_url, "klanten")
    items = results.locator(".md-search-result__item")
    expect(items.first).to_be_visible()
    expect(results.locator("mark").first).to_be_visible()
    assert results.locator(".md-search-result__terms").all_inner_texts() == []


def test_a_word_that_is_really_missing_is_still_reported(sized_page, small_url: str) -> None:
    results = search(sized_page, small_url, "klanten zxqwv")
    expect(results.locator(".md-search-result__item").first).to_be_visible()
    missing = results.locator(".md-search-result__terms").all_inner_texts()
    assert missing, "the line for a missing word disappeared altogether"
    assert all("zxqwv" in line and "klanten" not in line for line in missing), missing


def test_a_typo_finds_the_word_before_nothing_is_found(sized_page, small_url: str) -> None:
    results = search(sized_page, small_url, "glimlag")
    # One post mentions it: the count reads as Dutch (Material says "overeenkomende").
    expect(sized_page.locator(".md-search-result__meta")).to_have_text("1 overeenkomend document")
    expect(results.locator("mark").first).to_have_text(re.compile("glimlach", re.I))
    hrefs = results.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert any("blog/" in href for href in hrefs), hrefs
    assert results.locator(".md-search-result__terms").all_inner_texts() == []


def test_a_word_far_from_any_still_finds_nothing(page, small_url: str) -> None:
    search(page, small_url, "zxqwv")
    expect(page.locator(".md-search-result__meta")).to_have_text("Geen overeenkomende documenten")
