"""Writes that must keep their order: queued on the event loop, run one by one in one thread.

The checklist draws a key press at once and stores it in the background; two quick presses on one
row must reach the database in the order they were made, which separate workers would not promise.
The writing thread runs while there is something to write and ends when the queue is empty, so an
idle screen holds no thread and ``App.workers.wait_for_complete()`` means "everything is stored".
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

Job = Callable[[], None]


class WriteQueue:
    def __init__(self, start_thread: Callable[[], None]) -> None:
        """``start_thread`` starts a thread worker that calls ``run()``; called on the event loop."""
        self._start_thread = start_thread
        self._jobs: deque[Job] = deque()
        self._lock = threading.Lock()
        self._running = False

    def put(self, job: Job) -> None:
        with self._lock:
            self._jobs.append(job)
            if self._running:
                return
            self._running = True
        self._start_thread()

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._running

    def run(self) -> None:
        """The writing thread: every queued job in order, until none is left."""
        while True:
            with self._lock:
                if not self._jobs:
                    self._running = False
                    return
                job = self._jobs.popleft()
            job()
