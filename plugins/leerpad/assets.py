"""Ship leerpad's CSS and JavaScript as ordinary, cacheable files of the site."""

from __future__ import annotations

from importlib.resources import files as package_files

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ASSET_DIR = "assets/leerpad"
"""Where the assets are published, relative to the site root."""


def add_assets(files: Files, config: MkDocsConfig) -> None:
    """Add every file of the package's ``assets`` folder to the build."""
    for asset in sorted(package_files("leerpad").joinpath("assets").iterdir(), key=str):
        if asset.is_file() and not asset.name.startswith("."):
            uri = f"{ASSET_DIR}/{asset.name}"
            files.append(File.generated(config, uri, abs_src_path=str(asset)))
