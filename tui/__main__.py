"""``python -m tui`` does what the ``hrplan`` command does."""

import sys

from tui.cli import main

sys.exit(main())
