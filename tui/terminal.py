"""Ending the app when its terminal is gone.

A closed terminal window sends the app SIGHUP, which would end the process at once, in the middle
of whatever it was storing. And when the process that owned the terminal was not a shell (a
terminal multiplexer running ``make run`` directly), no signal comes at all: the terminal just
stops answering, Textual's input thread reads end-of-file in a loop, and the app spins on, busy
and invisible, holding its database connections. Both now end the app the way ``q`` does: the
screens' writes finish and the connections close.
"""

from __future__ import annotations

import os
import sys


def controlling_terminal() -> int | None:
    """The file descriptor of the terminal the app reads, when it is this process's own terminal."""
    try:
        fd = sys.__stdin__.fileno()
        os.tcgetpgrp(fd)  # fails unless ``fd`` is the controlling terminal
    except (AttributeError, OSError, ValueError):
        return None
    return fd


def terminal_gone(fd: int) -> bool:
    """True once the terminal hung up: asking it for its foreground process group fails."""
    try:
        os.tcgetpgrp(fd)
    except OSError:
        return True
    return False
