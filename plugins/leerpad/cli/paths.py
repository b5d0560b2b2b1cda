"""Paths in what the ``leerpad`` command prints: as authors know them, from the site."""

from __future__ import annotations

import os
from pathlib import Path


def site_path(path: Path | str, root: Path) -> str:
    """``path`` relative to the site's folder ``root``, with ``/``: ``courses/x/index.md``.

    A path outside the site is shown relative to the current folder (where the author
    typed the command) when it is below it, and as given otherwise; never the machine's
    whole absolute path when a shorter one says the same.
    """
    absolute = Path(os.path.abspath(path))
    for base in (Path(os.path.abspath(root)), Path.cwd()):
        if absolute.is_relative_to(base):
            return absolute.relative_to(base).as_posix() or "."
    return str(path)
