"""``python -m tui`` does what the ``hrplan`` command does."""

from tui.cli import run

run()
