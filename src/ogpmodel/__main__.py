"""``python -m ogpmodel``: the command line."""

from ogpmodel.cli import main

raise SystemExit(main())
