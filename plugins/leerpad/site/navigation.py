"""Put the courses and their modules, in order, into the site's navigation."""

from __future__ import annotations

from typing import Any

from .courses import CourseCatalogue


def expand_courses_entry(
    nav: list[Any],
    catalogue_uri: str,
    catalogue: CourseCatalogue,
    title: str,
    max_courses: int,
) -> list[Any]:
    """Replace the nav entry that points at the course catalogue by a full section.

    ``- Cursussen: cursussen/index.md`` becomes a section whose index is the catalogue
    and which holds one sub-section per course: its overview, then its modules in order.
    With more than ``max_courses`` courses the section holds the catalogue alone: every
    page carries the navigation, so a navigation that grows with the site makes builds
    grow quadratically. The catalogue, the course pages and each module's links to its
    course and neighbours keep every page one or two clicks away.
    """
    section: list[Any] = [catalogue_uri]
    for course in catalogue.courses if len(catalogue.courses) <= max_courses else []:
        pages: list[Any] = [course.src_uri]
        pages += [{module.title: module.src_uri} for module in course.modules]
        section.append({course.title: pages})
    return [_expand(item, catalogue_uri, section, title) for item in nav]


def _expand(item: Any, catalogue_uri: str, section: list[Any], default_title: str) -> Any:
    """Expand one nav item (a string, a titled entry or a section)."""
    if item == catalogue_uri:
        return {default_title: section}
    if isinstance(item, dict) and len(item) == 1:
        ((title, value),) = item.items()
        if value == catalogue_uri:
            return {title: section}
        if isinstance(value, list):
            children = [_expand(child, catalogue_uri, section, default_title) for child in value]
            return {title: children}
    return item
