"""An invisible widget that notices when another connection committed to the database.

SQLite's ``PRAGMA data_version`` changes on a connection when any *other* connection commits. The
watcher keeps one read-only connection of its own; about once a second a timer starts a short
thread worker that asks for the number (microseconds), so nothing touches the database on the event
loop and no worker runs for long (``app.workers.wait_for_complete()`` still returns). When the
number moved it posts ``DatabaseWatcher.Changed``: another hrplan, an ``hrplan`` command in a
script, a restore. The app's own writes use other connections too, so a screen also hears about
its own saves; reloading must therefore be harmless to repeat.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from textual import work
from textual.message import Message
from textual.widget import Widget

# The watcher never waits long for a lock: it simply looks again at the next tick.
WATCH_TIMEOUT_S = 0.2


class DatabaseWatcher(Widget):
    """Mount it on a screen and handle ``DatabaseWatcher.Changed`` by reloading what it shows."""

    DEFAULT_CSS = "DatabaseWatcher { display: none; }"

    class Changed(Message):
        """Somebody committed to the database since the last look."""

    def __init__(self, path: Path, *, interval: float = 1.0, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.path = Path(path)
        self.interval = interval
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._seen: int | None = None
        self._closed = False

    def on_mount(self) -> None:
        self.check_database()
        self.set_interval(self.interval, self.check_database, name="database-watcher")

    def on_unmount(self) -> None:
        with self._lock:
            self._closed = True
            self._forget()

    @work(thread=True, exclusive=True, group="database-watcher", exit_on_error=False)
    def check_database(self) -> None:
        with self._lock:
            if self._closed:
                return
            try:
                if self._conn is None:
                    self._conn = self._connect()
                    self._seen = _data_version(self._conn)
                    return
                now = _data_version(self._conn)
            except sqlite3.Error:
                self._forget()  # locked, moved or being restored: look again at the next tick
                return
            if now == self._seen:
                return
            self._seen = now
        self.post_message(self.Changed())

    def _connect(self) -> sqlite3.Connection:
        from db.engine import readonly_uri

        return sqlite3.connect(readonly_uri(self.path), uri=True, timeout=WATCH_TIMEOUT_S,
                               check_same_thread=False)  # fmt: skip

    def _forget(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None


def _data_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA data_version").fetchone()[0]
