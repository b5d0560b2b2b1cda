"""The parts of mkdocs.yml every benchmark site shares, modelled on the real site."""

from __future__ import annotations

THEME = """\
theme:
  name: material
  language: nl
  font: false
  features:
    - navigation.instant
    - navigation.instant.progress
    - navigation.tabs
    - navigation.indexes
    - navigation.prune
    - navigation.top
    - search.suggest
    - search.highlight
    - content.tooltips
"""

SEARCH_PLUGIN = """\
  - search:
      lang: nl
      pipeline: [stemmer, stopWordFilter, trimmer]
"""
"""Material's search with the Dutch stemmer on, as the real site has it (a plugins item)."""

MARKDOWN_EXTENSIONS = """\
markdown_extensions:
  - toc:
      permalink: true
      permalink_title: Link naar dit deel
  - admonition
  - attr_list
  - md_in_html
  - def_list
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.smartsymbols
"""
