"""Links from the course to pages outside the package: to the site, in a new window.

A package holds one course. A link its author made to another course (by its real
path, ``../andere-cursus/index.md``) has no page in the package; it is pointed at that
page on the published site (``site_url``) and opens outside the LMS's frame. A link to
any other page of the site (a post, a page of docs/) is left as it is and reported: its
address is known only to a build of the whole site.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

_SOURCE_LINK = re.compile(r'href="(?P<target>[^"#?:]+\.md)(?P<anchor>#[^"]*)?"')
_MODULE_NAME = re.compile(r"^\d+[-_ ](?P<slug>[a-z0-9][a-z0-9-]*)\.md$")


@dataclass(frozen=True)
class Outside:
    """One link that leaves the package: the page it is on and where it leads."""

    page: str
    """The built page, e.g. ``cursussen/x/module.html``."""
    target: str
    """The link as its author wrote it."""
    address: str | None
    """Where it now leads on the site, or None when it was left as it was."""


def point_outside(
    site: Path, pages: list[str], source_dir: str, layout: dict[str, str]
) -> list[Outside]:
    """Point links to other courses in ``pages`` at the site; return every link leaving.

    ``pages`` are paths in ``site``; ``source_dir`` is the course's folder
    (``courses/x``), against which the links were written; ``layout`` gives
    ``courses_dir``, ``courses_url`` and ``site_url``.
    """
    found: list[Outside] = []
    for page in pages:
        path = site / page
        html = path.read_text(encoding="utf-8")

        def outside(match: re.Match[str], page: str = page) -> str:
            target = match["target"]
            address = public_address(posixpath.join(source_dir, target), layout)
            found.append(Outside(page, target, address))
            if address is None:
                return match[0]
            anchor = match["anchor"] or ""
            return f'href="{address}{anchor}" target="_blank" rel="noopener"'

        changed = _SOURCE_LINK.sub(outside, html)
        if changed != html:
            path.write_text(changed, encoding="utf-8")
    return found


def public_address(source: str, layout: dict[str, str]) -> str | None:
    """The site's address of a course page or module, or None.

    ``source`` is a repository path such as ``courses/y/02-slug.md``; any other file, or
    a site without ``site_url``, gives None.
    """
    site_url = layout.get("site_url") or ""
    parts = posixpath.normpath(source).split("/")
    if not site_url or len(parts) != 3 or parts[0] != layout["courses_dir"]:
        return None
    course, name = parts[1], parts[2]
    module = _MODULE_NAME.match(name)
    if name == "index.md":
        address = f"{layout['courses_url']}/{course}/"
    elif module:
        address = f"{layout['courses_url']}/{course}/{module['slug']}/"
    else:
        return None
    return site_url.rstrip("/") + "/" + address
