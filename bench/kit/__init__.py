"""The bench toolkit: what every benchmark script in bench/ shares.

- ``text``: seeded Dutch-like prose, titles and slugs for synthetic sites.
- ``quizzes``: quiz questions and how each site writes them (leerpad, plain, peers).
- ``builds``: writing files, building a site with ``mkdocs build`` in a subprocess, timing it.
- ``serving``: serving a built site on 127.0.0.1, and the Chromium that looks at it.
- ``cli``: argument types and the check that the project's packages are importable.

Benchmark scripts print figures and never assert timings; the toolkit exits loudly when a
build fails, so a script cannot silently measure nothing. Standard library only.
"""
