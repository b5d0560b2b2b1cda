"""Bring files from outside docs/ into the MkDocs build as ordinary pages.

Each mounted file keeps its real location (``src_dir`` is the repository root), so that
relative links between the author's files work as in any editor, edit links point at
the real file, and Material's blog, tags and search plugins treat it like any page.
"""

from __future__ import annotations

import os
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


def mounted_file(
    root: str, src_uri: str, config: MkDocsConfig, dest_uri: str | None = None
) -> File:
    """A File for ``root/src_uri``, optionally published at ``dest_uri``."""
    file = File(src_uri, root, config.site_dir, config.use_directory_urls, dest_uri=dest_uri)
    # The edit URL is joined to ``edit_uri`` (which points into docs/); a relative path
    # from docs/ to the real file makes the link land on the file the author must open.
    docs_to_root = os.path.relpath(root, config.docs_dir).replace(os.sep, "/")
    file.edit_uri = posixpath.normpath(posixpath.join(docs_to_root, src_uri))
    return file


def page_dest_uri(url_dir: str, config: MkDocsConfig) -> str:
    """Destination of a page that should be served at ``url_dir/``."""
    if config.use_directory_urls:
        return f"{url_dir}/index.html"
    return f"{url_dir}.html"


def add_or_replace(files: Files, file: File) -> None:
    """Add ``file``, replacing a file with the same source path if there is one."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)
