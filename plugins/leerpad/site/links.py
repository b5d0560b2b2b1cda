"""Let authors link to files by their real path, as their editor shows them.

Courses and posts live outside docs/, so a link that is right on disk (from docs/index.md
to ``../courses/x/index.md``) is not where MkDocs looks. Just before MkDocs resolves
links, we rewrite every link that points at a real file of the build to the path MkDocs
knows. Links written the MkDocs way keep working unchanged.
"""

from __future__ import annotations

import os
import posixpath
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.structure.files import Files

# MkDocs resolves links in its "relpath" treeprocessor at priority 0; run just before.
_PRIORITY = 0.5
_LINK_ATTRIBUTES = {"a": "href", "img": "src"}


class RealPathResolver:
    """Maps real file paths to the source paths MkDocs uses, for the page being built."""

    def __init__(self) -> None:
        self.by_real_path: dict[str, str] = {}
        self.page_real_path: str | None = None
        self.page_src_uri = ""

    def index(self, files: Files) -> None:
        """Remember the real location of every file in the build."""
        self.by_real_path = {
            os.path.normpath(file.abs_src_path): file.src_uri
            for file in files
            if file.abs_src_path is not None
        }

    def start_page(self, real_path: str | None, src_uri: str) -> None:
        """Set the page whose links are rewritten next."""
        self.page_real_path = real_path
        self.page_src_uri = src_uri

    def rewrite(self, url: str) -> str:
        """The MkDocs-relative form of ``url`` if it points at a real file of the build."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return url
        if self.page_real_path is None:
            return url
        target = os.path.normpath(
            os.path.join(os.path.dirname(self.page_real_path), unquote(parts.path))
        )
        src_uri = self.by_real_path.get(target)
        if src_uri is None:
            return url
        relative = posixpath.relpath(src_uri, posixpath.dirname(self.page_src_uri) or ".")
        if relative == unquote(parts.path):
            return url
        suffix = f"?{parts.query}" if parts.query else ""
        suffix += f"#{parts.fragment}" if parts.fragment else ""
        return relative + suffix


class _RealPathLinks(Treeprocessor):
    """Rewrites links and image sources in the rendered tree."""

    def __init__(self, md: Markdown, resolver: RealPathResolver) -> None:
        super().__init__(md)
        self.resolver = resolver

    def run(self, root: Element) -> None:
        """Rewrite every ``a[href]`` and ``img[src]``."""
        for element in root.iter():  # one walk over the page for both tags
            attribute = _LINK_ATTRIBUTES.get(element.tag)
            if attribute is None:
                continue
            value = element.get(attribute)
            # A link within the page (every heading's permalink) names no file.
            if value and not value.startswith("#"):
                element.set(attribute, self.resolver.rewrite(value))


class RealPathLinksExtension(Extension):
    """Markdown extension that installs the link rewriter."""

    def __init__(self, resolver: RealPathResolver) -> None:
        super().__init__()
        self.resolver = resolver

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the treeprocessor just before MkDocs' own link resolution."""
        md.treeprocessors.register(_RealPathLinks(md, self.resolver), "leerpad_links", _PRIORITY)
