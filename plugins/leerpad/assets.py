"""Ship leerpad's CSS and JavaScript as ordinary, cacheable files of the site.

Each file is published under a name that carries a hash of its content
(``leerpad.3f2a9c1e.css``), like Material's own assets: a host can let browsers keep
them for a year, and a new version is a new name.
"""

from __future__ import annotations

import hashlib
import posixpath
from importlib.resources import files as package_files
from importlib.resources.abc import Traversable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ASSET_DIR = "assets/leerpad"
"""Where the assets are published, relative to the site root."""


def _sources() -> list[Traversable]:
    """The files in the package's ``assets`` folder."""
    folder = package_files("leerpad").joinpath("assets")
    return sorted(
        (item for item in folder.iterdir() if item.is_file() and not item.name.startswith(".")),
        key=lambda item: item.name,
    )


def published_names() -> dict[str, str]:
    """Each asset's file name mapped to its published path, e.g. ``assets/leerpad/x.1a2b.js``."""
    names = {}
    for source in _sources():
        stem, extension = posixpath.splitext(source.name)
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:8]
        names[source.name] = f"{ASSET_DIR}/{stem}.{digest}{extension}"
    return names


def add_assets(files: Files, config: MkDocsConfig, names: dict[str, str]) -> None:
    """Add every asset to the build under its published name."""
    for source in _sources():
        files.append(File.generated(config, names[source.name], abs_src_path=str(source)))
