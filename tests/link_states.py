"""Text contrast of links and buttons in the states axe-core does not test: hover, focus.

axe-core measures the page at rest. Material colours a link on ``:hover`` and ``:focus``
(the accent colour, a filled button, an opacity), so a failing state colour passes axe.
``state_contrast_problems`` hovers every visible link and button with the mouse and walks
the page with Tab as a keyboard user does, and measures each in the browser (contrast.js,
WCAG 1.4.3: 4.5:1, 3:1 for large text or an icon).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

CONTRAST = (Path(__file__).resolve().parent / "contrast.js").read_text(encoding="utf-8")

# Transitions only delay the state's colours; without them each is measured at once.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"
INTERACTIVE = "a, button, .md-button, summary, label.md-header__button, label.md-nav__link"
MOST_TABS = 400  # more focusable elements than any page has; ends a walk that never ends


def too_faint(measured: dict[str, Any] | None) -> bool:
    """Whether a measurement (contrast.js's) is under what WCAG 1.4.3 asks."""
    return measured is not None and measured["ratio"] < measured["needed"]


def describe(state: str, measured: dict[str, Any]) -> str:
    """One line a reader finds the element by: state, text, colours, ratio."""
    return (
        f"{state} {measured['text']!r}: {measured['fg']} on {measured['bg']} "
        f"{measured['ratio']}:1 < {measured['needed']}:1"
    )


def state_contrast_problems(page: Page) -> list[str]:
    """Every hovered or focused element of ``page`` whose text is too faint, described.

    ``page`` is loaded; its context must bypass CSP (``bypass_csp=True``): the test
    turns transitions off with a style element.
    """
    page.add_style_tag(content=NO_TRANSITIONS)
    problems = []
    for element in page.locator(INTERACTIVE).all():
        if not element.is_visible():
            continue
        try:
            element.hover(timeout=1000)
        except Exception:  # covered by another element (a sticky header): not hoverable
            continue
        measured = element.evaluate(CONTRAST)
        if too_faint(measured):
            problems.append(describe("hover", measured))
    page.mouse.move(0, 0)
    problems += _focus_walk(page)
    return sorted(set(problems))


def _focus_walk(page: Page) -> list[str]:
    """Tab from the top of the page to its end, measuring each focused element."""
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    problems = []
    first = None
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        element = page.evaluate_handle("() => document.activeElement")
        if page.evaluate("(e) => e === document.body", element):
            break
        if first is None:
            first = element
        elif page.evaluate("([a, b]) => a === b", [element, first]):
            break  # back at the top: the walk went round once
        measured = page.evaluate(f"(e) => ({CONTRAST})(e)", element)
        if too_faint(measured):
            problems.append(describe("focus", measured))
    return problems
