"""hrplan on a PostgreSQL server: one database shared by several coordinators.

The same storage layer as for the SQLite file (``db.engine.Database``), with what differs here:
the driver (psycopg 3, the optional extra ``hrplan[postgres]``, imported only on this path), errors
told apart by SQLSTATE, the actor taken from the database role, and another instance's commits
seen through LISTEN/NOTIFY (the triggers of migration 0004 notify on every change).

No password is ever part of the URL: libpq finds it in ``~/.pgpass``, ``PGPASSWORD`` or a service
file, so it is never printed, logged or put in a path.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from db.engine import ACTOR_ENV, ACTOR_MAX, Database, track_pool
from db.errors import (
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    HrplanError,
    ReadOnlyError,
    ServerError,
    ServerSchemaError,
)

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from db.access import Principal
    from db.paths import ServerUrl

NOTIFY_CHANNEL = "hrplan_changes"
CONNECT_TIMEOUT_S = 10


class DriverMissingError(HrplanError):
    key = "error.postgres_driver_missing"


def require_driver() -> None:
    """psycopg is an optional extra: say how to get it instead of failing with an ImportError."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise DriverMissingError() from None


def conninfo(url: ServerUrl) -> str:
    """The URL as libpq takes it (``postgresql://...``)."""
    return "postgresql://" + str(url).split("://", 1)[1]


class ServerDatabase(Database):
    """One hrplan database on a PostgreSQL server, named by a ``ServerUrl``."""

    is_server = True

    def __init__(self, url: ServerUrl, *, principal: Principal | None = None) -> None:  # noqa: D107
        from db.access import TERMINAL

        self.url = url
        self.principal = principal or TERMINAL  # see Database
        self.path = None  # no file: nothing of the SQLite path applies
        self._engine: Engine | None = None
        self._actor: str | None = None
        self._own_pids: set[int] = set()
        self._listener: Any = None
        self._listen_lock = threading.Lock()
        self._seen = 0

    @property
    def label(self) -> str:
        return str(self.url)

    @property
    def target(self) -> ServerUrl:
        return self.url

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self._make_engine()
        return self._engine

    # Reads and writes share one pool: PostgreSQL needs no write lock taken at BEGIN.
    write_engine = engine

    def _make_engine(self) -> Engine:
        require_driver()
        from sqlalchemy import create_engine, event

        engine = create_engine(
            self.url.url,
            hide_parameters=True,
            pool_size=2,
            max_overflow=4,
            # No ping before each use: a key press must not pay a round trip for it. A connection the
            # server dropped fails once (a clear message) and is replaced.
            connect_args={"application_name": "hrplan", "connect_timeout": CONNECT_TIMEOUT_S},
        )

        track_pool(engine)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # noqa: ANN001
            # This app's own connections: their notifications are its own saves, not news.
            self._own_pids.add(dbapi_conn.info.backend_pid)

        return engine

    def actor(self, session: Session | None = None) -> str:
        """``HRPLAN_USER`` when set, else the database role this app logged in as."""
        if self._actor is None:
            chosen = (os.environ.get(ACTOR_ENV) or "").strip()
            if chosen:
                self._actor = chosen[:ACTOR_MAX]
            else:
                from sqlalchemy import text

                if session is not None:
                    role = session.execute(text("SELECT current_user")).scalar()
                else:
                    with self.engine.connect() as conn:
                        role = conn.execute(text("SELECT current_user")).scalar()
                self._actor = str(role)[:ACTOR_MAX]
        return self._actor

    def prepare(self) -> None:
        require_driver()

    def refuse_own_file(self, target: Path) -> None:
        """A server database has no files on this machine that an export could write over."""

    def exists(self) -> bool:
        """Whether the database holds hrplan's tables already."""
        from sqlalchemy import inspect

        with self.translated(), self.engine.connect() as conn:
            return inspect(conn).has_table("alembic_version")

    @contextmanager
    def plain_read(self) -> Iterator[Session]:
        """The start screen's reader: on a server, an ordinary read session."""
        with self.read() as session:
            yield session

    # ---- seeing other instances' changes ------------------------------------------------------

    def data_version(self) -> int:
        """A number that moves when another connection (not this app's own) commits a change.

        A connection of its own LISTENs on ``hrplan_changes``; the triggers notify on commit. Each
        call fetches what arrived since the last one (a ``SELECT 1`` hands it over).
        """
        with self._listen_lock, self.translated():
            conn = self._listener
            if conn is None or conn.closed:
                import psycopg

                conn = psycopg.connect(
                    conninfo(self.url), autocommit=True, application_name="hrplan watcher",
                    connect_timeout=CONNECT_TIMEOUT_S,
                )  # fmt: skip
                conn.add_notify_handler(self._on_notify)
                conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                self._listener = conn
            conn.execute("SELECT 1")
            return self._seen

    def _on_notify(self, note: Any) -> None:
        if note.pid not in self._own_pids:
            self._seen += 1

    # ---- errors -------------------------------------------------------------------------------

    @contextmanager
    def translated(self) -> Iterator[None]:
        try:
            yield
        except HrplanError:
            raise
        except Exception as exc:
            translated = self._error_for(exc)
            if translated is None:
                raise
            raise translated from None

    def _error_for(self, exc: Exception) -> Exception | None:
        """The ``HrplanError`` for a psycopg error (bare or wrapped by SQLAlchemy), by SQLSTATE."""
        try:
            import psycopg
        except ImportError:
            return None
        from sqlalchemy.exc import IntegrityError

        if isinstance(exc, IntegrityError):
            from db.guard import refusal_from_integrity

            return refusal_from_integrity(exc)
        orig = getattr(exc, "orig", None) or exc
        if not isinstance(orig, psycopg.Error):
            return None
        return server_error(orig, self.label)

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        with self._listen_lock:
            if self._listener is not None:
                self._listener.close()
                self._listener = None


def server_error(error: Any, where: str) -> HrplanError | None:
    """A psycopg error as an ``HrplanError``: by its SQLSTATE, else by its class."""
    import psycopg

    state = getattr(error, "sqlstate", None) or ""
    if state in ("40001", "40P01", "55P03", "55006"):  # serialization, deadlock, lock not available
        return DatabaseLockedError(path=where)
    if state == "53100":
        return DiskFullError(path=where)
    if state in ("42501", "25006"):  # no privilege; a read-only transaction or standby
        return ReadOnlyError("error.server_read_only", path=where)
    if state in ("28P01", "28000"):
        return DatabaseUnavailableError(path=where, reason=_t("error.server_login"))
    if state == "3D000":
        return DatabaseUnavailableError(path=where, reason=_t("error.server_no_database"))
    # libpq's and the server's own words (host, socket, reason, table); they never hold a password.
    reason = str(error).strip().split("\n")[0][:200] or type(error).__name__
    if state.startswith(("08", "57P")) or (not state and isinstance(error, psycopg.OperationalError)):
        return DatabaseUnavailableError(path=where, reason=reason)
    if state.startswith("42"):  # a table, column or function not as hrplan's migrations made it
        return ServerSchemaError(path=where, reason=f"{reason} [{state}]")
    # Anything else the server refuses: one line with its SQLSTATE; the transaction was rolled back.
    return ServerError(path=where, reason=f"{reason} [{state}]" if state else reason)


def _t(key: str) -> str:
    from i18n import t

    return t(key)
