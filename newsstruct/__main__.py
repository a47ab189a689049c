"""``python -m newsstruct``: the command line."""

from .cli import main

raise SystemExit(main())
