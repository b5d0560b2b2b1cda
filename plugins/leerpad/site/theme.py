"""Leerpad's few overrides of the theme's templates (``plugins/leerpad/theme``).

- ``404.html``: the not-found page in the site's language, with ways back.
- ``partials/copyright.html``: the footer, with links to the guides.
"""

from __future__ import annotations

from importlib.resources import files as package_files

from mkdocs.config.defaults import MkDocsConfig

THEME_TEXT_CORRECTIONS = {"nl": {"search.result.one": "1 overeenkomend document"}}
"""Material's interface text where its translation reads wrong, per language and key."""


def correct_theme_text(html: str, language: str) -> str:
    """``html`` (a page, or its end) with Material's translations corrected.

    The translations travel in the page's ``__config`` JSON at its end, where Material's
    search reads them. Correcting them there costs a page almost nothing; overriding the
    theme's language partial, which every template imports, made every build 1% slower.
    """
    return "".join(corrected_pieces(html, language))


def corrected_pieces(html: str, language: str, start: int = 0) -> list[str]:
    """``html`` from offset ``start`` on with Material's translations corrected, as pieces.

    A page is large where the navigation lists many pages: joined once with what comes
    before it, the page is copied once instead of once per correction.
    """
    fixes = []
    for key, text in THEME_TEXT_CORRECTIONS.get(language, {}).items():
        marker = f'"{key}": "'
        at = html.rfind(marker, start)
        if at >= 0:
            value = at + len(marker)
            fixes.append((value, html.find('"', value), text))
    pieces, done = [], start
    for fix_start, fix_end, text in sorted(fixes):
        pieces += [html[done:fix_start], text]
        done = fix_end
    return [*pieces, html[done:]]


def add_theme_overrides(config: MkDocsConfig) -> None:
    """Look up templates in leerpad's ``theme`` folder before the theme's own ones.

    A site's ``custom_dir``, when it has one, is the theme's first folder and stays
    first, so a site can still override what leerpad overrides.
    """
    folder = str(package_files("leerpad").joinpath("theme"))
    dirs = config.theme.dirs
    if folder not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, folder)
