"""Ship leerpad's CSS and JavaScript as ordinary, cacheable files of the site.

Each file is published minified (minify-go: local names shortened, comments and
spacing gone; the sources in the package stay readable and commented) under a name
that carries a hash of its content (``leerpad.3f2a9c1e.css``), like Material's own
assets: a host can let browsers keep them for a year, and a new version is a new name.
"""

from __future__ import annotations

import hashlib
import posixpath
from importlib.resources import files as package_files
from importlib.resources.abc import Traversable

import minify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

_MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}

ASSET_DIR = "assets/leerpad"
"""Where the assets are published, relative to the site root."""


def _sources() -> list[Traversable]:
    """The files in the package's ``assets`` folder."""
    folder = package_files("leerpad").joinpath("assets")
    return sorted(
        (item for item in folder.iterdir() if item.is_file() and not item.name.startswith(".")),
        key=lambda item: item.name,
    )


def minified(source: Traversable) -> str:
    """The asset as it is published: JavaScript and CSS minified."""
    text = source.read_text(encoding="utf-8")
    for extension, media_type in _MEDIA_TYPES.items():
        if source.name.endswith(extension):
            return str(minify.string(media_type, text))
    return text


def published_assets() -> dict[str, tuple[str, str]]:
    """Each asset's file name mapped to (published path, content).

    The path carries a hash of the content, e.g. ``assets/leerpad/leerpad.1a2b3c4d.js``.
    """
    assets = {}
    for source in _sources():
        content = minified(source)
        stem, extension = posixpath.splitext(source.name)
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
        assets[source.name] = (f"{ASSET_DIR}/{stem}.{digest}{extension}", content)
    return assets


def add_assets(files: Files, config: MkDocsConfig, assets: dict[str, tuple[str, str]]) -> None:
    """Add every asset to the build under its published name."""
    for path, content in assets.values():
        files.append(File.generated(config, path, content=content))
