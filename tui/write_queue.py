"""Writes that must keep their order: queued on the event loop, run one by one in one thread.

The checklist draws a key press at once and stores it in the background; two quick presses on one
row must reach the database in the order they were made, which separate workers would not promise.
"""

from __future__ import annotations

import queue
from collections.abc import Callable

from textual.worker import Worker

Job = Callable[[], None]


class WriteQueue:
    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()

    def put(self, job: Job) -> None:
        self._jobs.put(job)

    def stop(self) -> None:
        self._jobs.put(None)

    def run(self, worker: Worker) -> None:
        """The loop of the writing thread; ends on ``stop()`` or when the worker is cancelled."""
        while not worker.is_cancelled:
            try:
                job = self._jobs.get(timeout=0.25)
            except queue.Empty:
                continue
            if job is None:
                return
            job()
