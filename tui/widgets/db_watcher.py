"""An invisible widget that notices when somebody else committed to the database.

``Database.data_version`` moves when another instance commits: on SQLite ``PRAGMA data_version`` of
the app's own writing connection, on PostgreSQL the notifications (LISTEN/NOTIFY) that came from
other connections than the app's own. So the app's own saves do not count: what it reports is
another hrplan, an ``hrplan`` command in a script, a restore, a colleague on the shared server.
A watcher that cannot look says so once (a notice) instead of going silent, and keeps trying.
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
        self._looking = threading.Event()
        self._seen: int | None = None
        self._closed = False
        self._told = False

    @property
    def watching(self) -> bool:
        """True once the first number was read: from then on every change elsewhere is seen."""
        return self._seen is not None

    def on_mount(self) -> None:
        # The first look waits one interval: it imports the database layer, which start-up has no
        # time for (the start screen reads through plain sqlite3). A change made elsewhere in that
        # first second shows with the next one.
        self.set_interval(self.interval, self.check_database, name="database-watcher")

    def on_unmount(self) -> None:
        with self._lock:
            self._closed = True

    def check_database(self) -> None:
        """Start a look unless one is still under way (a slow first look imports the database
        layer; cancelling it, as an exclusive worker would, helps nobody)."""
        if not self._looking.is_set():
            self._looking.set()
            self._look()

    @work(thread=True, group="database-watcher", exit_on_error=False)
    def _look(self) -> None:
        try:
            self._compare()
        finally:
            self._looking.clear()

    def _compare(self) -> None:
        with self._lock:
            if self._closed:
                return
            try:
                now = self.database.data_version()
            except Exception as exc:  # noqa: BLE001  (locked, moved, being restored: look again next tick)
                self._tell_once(exc)
                return
            changed = self._seen is not None and now != self._seen
            self._seen = now
        if changed:
            self.post_message(self.Changed())

    def _tell_once(self, exc: Exception) -> None:
        """The first failure is told in a notice; a busy file (SQLite's lock) is no failure."""
        from db.errors import DatabaseLockedError, HrplanError

        if self._told or isinstance(exc, DatabaseLockedError):
            return
        if not self.database.is_server and not isinstance(exc, HrplanError):
            return  # a file being restored or moved: the next look finds it again
        self._told = True
        from i18n import t

        reason = exc.message() if isinstance(exc, HrplanError) else type(exc).__name__
        message = t("watch.failed", reason=reason)
        try:
            self.app.call_from_thread(self.app.notify, message, severity="warning", timeout=10)
        except RuntimeError:  # the app is shutting down
            pass
