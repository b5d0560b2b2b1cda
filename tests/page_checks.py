"""Accessibility checks that several browser tests run page after page."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page


def violations(page: Page) -> list[tuple[str, str]]:
    """axe-core's violations on ``page``: (rule id, start of the element's HTML), each."""
    results = Axe().run(page)
    return [
        (v["id"], node["html"][:120]) for v in results.response["violations"] for node in v["nodes"]
    ]


def problems_by_page(
    page: Page, pages: Iterable[tuple[str, str]], check: Callable[[Page], list[Any]]
) -> dict[str, list[Any]]:
    """``check``'s problems on each of ``pages`` (name, URL) that has any, by name."""
    found = {}
    for name, url in pages:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if problems := check(page):
            found[name] = problems
    return found
