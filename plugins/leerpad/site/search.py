"""Make Material's search stem what readers type, so "klanten" finds "klant"."""

from __future__ import annotations

from importlib.resources import files as package_files

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

_LANGUAGE_FILE = "assets/javascripts/lunr/min/lunr.{lang}.min.js"


def search_languages(config: MkDocsConfig) -> list[str]:
    """The languages of Material's search plugin, if it is enabled."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    languages = getattr(plugin, "config", {}).get("lang") or []
    return [str(lang) for lang in languages]


def patch_search_stemming(files: Files, config: MkDocsConfig) -> None:
    """Append our stem-before-prefix patch to each search language file of the theme.

    English is stemmed inside lunr's core, which the worker bundles; the languages
    Material loads as separate files are the ones that need the patch.
    """
    patch = package_files("leerpad").joinpath("patches/lunr-stem-prefix.js").read_text("utf-8")
    for lang in search_languages(config):
        original = files.get_file_from_path(_LANGUAGE_FILE.format(lang=lang))
        if original is None:
            continue
        content = original.content_string + "\n" + patch
        files.remove(original)
        files.append(File.generated(config, original.src_uri, content=content))
