"""An invisible widget that notices when somebody else committed to the database.

SQLite's ``PRAGMA data_version`` changes on a connection when any *other* connection commits. The
watcher asks the app's own writing connection (``Database.data_version``), so the app's own saves
do not count: what it reports is another hrplan, an ``hrplan`` command in a script, a restore.
About once a second a timer starts a short thread worker that asks, so nothing touches the database
on the event loop and no worker runs for long (``app.workers.wait_for_complete()`` still returns).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:
    from db.engine import Database


class DatabaseWatcher(Widget):
    """Mount it on a screen and handle ``DatabaseWatcher.Changed`` by reloading what it shows."""

    DEFAULT_CSS = "DatabaseWatcher { display: none; }"

    class Changed(Message):
        """Somebody else committed to the database since the last look."""

    def __init__(self, database: Database, *, interval: float = 1.0, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.database = database
        self.interval = interval
        self._lock = threading.Lock()
        self._seen: int | None = None
        self._closed = False
        self._looking = False  # a look is running: the next tick skips

    @property
    def watching(self) -> bool:
        """True once the first number was read: from then on every change elsewhere is seen."""
        return self._seen is not None

    def on_mount(self) -> None:
        # The first look waits a moment: start-up has better things to do than import the database
        # layer for a number that is only compared later.
        self.set_timer(min(0.25, self.interval), self._tick, name="database-watcher-first")
        self.set_interval(self.interval, self._tick, name="database-watcher")

    def _tick(self) -> None:
        """Start a look unless one still runs (a busy machine): never cancel one, so that a test or
        a caller waiting for the workers never meets a cancelled one."""
        if not self._looking:
            self._looking = True
            self.check_database()

    def on_unmount(self) -> None:
        with self._lock:
            self._closed = True

    @work(thread=True, group="database-watcher", exit_on_error=False)
    def check_database(self) -> None:
        try:
            self._look()
        finally:
            self._looking = False

    def _look(self) -> None:
        with self._lock:
            if self._closed:
                return
            try:
                now = self.database.data_version()
            except Exception:  # noqa: BLE001  (locked, moved or being restored: look again next tick)
                return
            changed = self._seen is not None and now != self._seen
            self._seen = now
        if changed:
            self.post_message(self.Changed())
