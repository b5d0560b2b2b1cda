"""leerpad: courses, quizzes, self-assessments and reflections for MkDocs sites.

The package, layer by layer (each folder's ``__init__`` says more):

- ``source/``   reading what authors wrote, safely: any bytes, hostile YAML, lines of keys.
- ``markdown/`` the Python-Markdown extension, without MkDocs: finds widget blocks, reports
  problems at their lines (``messages``), hands each block to its kind.
- ``widgets/``  one folder per widget kind (parser, block, script, styles) and the
  ``registry`` that everything listing kinds reads.
- ``site/``     the MkDocs side: courses, navigation, mounting, rendering, published assets.
- ``blog/``     posts, link previews and feed checks, extras around Material's blog.
- ``cli/``      the ``leerpad`` command: ``check``, ``new``.
- ``assets/``   the front end every page shares: loader, storage, progress, completion.
- ``plugin.py`` the MkDocs plugin: event hooks only, wiring the layers together.
"""

__version__ = "0.1.0"
