"""``python -m leerpad``: the same as the ``leerpad`` command."""

import sys

from .cli import main

sys.exit(main())
