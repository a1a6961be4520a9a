"""Keeping Python's garbage collector out of a large read.

A full collection looks at every object the collector tracks: with the database layer imported the
app holds more than 250,000 of them (modules, classes, SQLAlchemy's and Textual's structures), and
reading a round of 50,000 activities allocates enough to set off several full collections while the
screen opens, 0.1 to 0.3 s each on a busy machine, every thread standing still meanwhile. What such a
read makes is not garbage (it is kept), so collecting during it finds nothing to free.

``collection_paused()`` holds automatic collections off while a read builds what it keeps; when the
last such read ends, the objects made meanwhile are looked at once, as the youngest generations
(a small collection, not a full one), and collections go on as before. Memory is freed by reference
counting as usual throughout; only reference cycles made meanwhile wait for the end of the read.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0  # reads under way that hold collections off
_was_enabled = True


@contextmanager
def collection_paused() -> Iterator[None]:
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            resume = _paused == 0 and _was_enabled
            if resume:
                gc.enable()
        if resume:
            gc.collect(1)  # what was made meanwhile, once: tuples of plain values leave the collector's sight
