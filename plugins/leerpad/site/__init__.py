"""The MkDocs side of the site: courses, where pages go, what surrounds them, what ships.

- ``courses``: course and module front matter into a catalogue; ``navigation`` and
  ``mount`` put the courses into the site's navigation and file collection.
- ``render``: course headers, module footers, error pages (autoescaped templates).
- ``links``: links written as real paths on disk; ``search``/``search_skip``: what search
  stems and what it skips; ``theme``: the few theme overrides.
- ``assets``: the front end published as hashed, minified files; ``weight``: their size.
- ``widget_index``: every page's widgets, read once before any page renders.
"""
