"""Leerpad's few overrides of the theme's templates (``plugins/leerpad/theme``).

- ``404.html``: the not-found page in the site's language, with ways back.
- ``partials/language.html``: the theme's interface text, with corrections.
- ``partials/copyright.html``: the footer, with links to the guides.
"""

from __future__ import annotations

from importlib.resources import files as package_files

from mkdocs.config.defaults import MkDocsConfig


def add_theme_overrides(config: MkDocsConfig) -> None:
    """Look up templates in leerpad's ``theme`` folder before the theme's own ones.

    A site's ``custom_dir``, when it has one, is the theme's first folder and stays
    first, so a site can still override what leerpad overrides.
    """
    folder = str(package_files("leerpad").joinpath("theme"))
    dirs = config.theme.dirs
    if folder not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, folder)
