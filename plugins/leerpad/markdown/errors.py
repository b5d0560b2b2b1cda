"""The visible box that replaces a broken widget while an author previews the page."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from ..problems import Problem


def error_box(
    parent: etree.Element, problems: list[Problem], strings: dict[str, str]
) -> etree.Element:
    """A ``div.leerpad-error`` listing ``problems`` under ``parent``."""
    box = etree.SubElement(parent, "div", {"class": "leerpad-error", "role": "alert"})
    title = etree.SubElement(box, "p", {"class": "leerpad-error__title"})
    title.text = strings["error_title"]
    items = etree.SubElement(box, "ul")
    for problem in problems:
        code = etree.SubElement(etree.SubElement(items, "li"), "code")
        # Atomic: a message quotes Markdown ('**Team:**') that must show as written.
        code.text = AtomicString(str(problem))
    return box
