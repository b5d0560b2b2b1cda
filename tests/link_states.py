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
    problems = _hover_all(page) + _focus_walk(page)
    return sorted(set(problems))


# Brings the n-th interactive element into view; its centre, or null when it is hidden or
# another element covers it there (Material's sticky header over a scrolled link).
_INTO_VIEW = """([selector, n]) => {
  const element = document.querySelectorAll(selector)[n];
  if (!element.checkVisibility()) return null;
  element.scrollIntoView({ block: "center", inline: "nearest" });
  const box = element.getBoundingClientRect();
  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
  const top = document.elementFromPoint(x, y);
  return top && (element === top || element.contains(top)) ? [x, y] : null;
}"""


def _hover_all(page: Page) -> list[str]:
    """Move the mouse onto each interactive element in turn, measuring it hovered."""
    problems = []
    count = page.locator(INTERACTIVE).count()
    for n in range(count):
        centre = page.evaluate(_INTO_VIEW, [INTERACTIVE, n])
        if centre is None:
            continue
        page.mouse.move(*centre)
        measured = page.evaluate(
            f"([selector, n]) => ({CONTRAST})(document.querySelectorAll(selector)[n])",
            [INTERACTIVE, n],
        )
        if too_faint(measured):
            problems.append(describe("hover", measured))
    page.mouse.move(0, 0)
    return problems


# The focused element measured, or {end: true} when Tab has left the page's elements
# (focus on the body) or come round to the first one again.
_FOCUSED = f"""async () => {{
  const element = document.activeElement;
  if (!element || element === document.body || element === window.leerpadFirstFocus) {{
    return {{ end: true }};
  }}
  window.leerpadFirstFocus ??= element;
  return {{ measured: await ({CONTRAST})(element) }};
}}"""


def _focus_walk(page: Page) -> list[str]:
    """Tab from the top of the page to its end, measuring each focused element."""
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    problems = []
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused.get("end"):
            break
        if too_faint(focused["measured"]):
            problems.append(describe("focus", focused["measured"]))
    return problems
