"""Keeping Python's garbage collector out of a large read (a checklist's round, an export).

A full collection looks at every object the collector tracks: with the database layer imported the
app holds more than 250,000 of them (modules, classes, SQLAlchemy's and Textual's structures), and
reading a round of 50,000 activities allocates enough to set off several full collections while the
screen opens, 0.1 to 0.3 s each on a busy machine, every thread standing still meanwhile. What such a
read makes is not garbage (the screen keeps it), so collecting during it finds nothing to free.

``pause_collection()`` holds automatic collections off from the start of such a read until the screen
has taken in what it read (``Pause.release()``, from any thread; also when the read fails or the screen
goes away); ``collection_paused()`` does the same around a block (an export gathered and written).
A collector switched off by somebody else stays off. When the last pause ends, the objects made
meanwhile are looked at once, as the youngest generations (a small collection, not a full one), and
collections go on as before. Memory is freed by reference counting as usual throughout; only
reference cycles made meanwhile wait for the end.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.RLock()
_paused = 0  # pauses not yet released
_was_enabled = True


class Pause:
    """One read's hold on collections; ``release`` is safe to call more than once, and a pause
    that is dropped unreleased (a message never handled) releases itself."""

    def __init__(self) -> None:
        self._held = True

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # at interpreter exit the module may be gone already
            self.release()

    def release(self) -> None:
        global _paused
        with _lock:
            if not self._held:
                return
            self._held = False
            _paused -= 1
            resume = _paused == 0 and _was_enabled
            if resume:
                gc.enable()
        if resume:
            gc.collect(1)  # what was made meanwhile, once: tuples of plain values leave the collector's sight


def pause_collection() -> Pause:
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    return Pause()


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    pause = pause_collection()
    try:
        yield
    finally:
        pause.release()


_kept = 0  # screens that keep what they hold out of the collector's sight


def keep_long_lived() -> None:
    """What is alive now stays out of later collections (``gc.freeze``) until ``let_go``: a
    meeting of 50,000 activities is held for as long as its screen is open, and a full collection
    over all of it (0.2 to 0.3 s) would otherwise fall on a key press sooner or later. Called once
    a load is taken in; each call is matched by one ``let_go`` when the screen goes."""
    global _kept
    with _lock:
        _kept += 1
        gc.freeze()


def let_go() -> None:
    """The screen that kept its objects went: when no other keeps any, every frozen object is
    looked at by collections again (``gc.unfreeze``), so nothing that became garbage meanwhile stays."""
    global _kept
    with _lock:
        if _kept == 0:
            return
        _kept -= 1
        if _kept == 0:
            gc.unfreeze()
