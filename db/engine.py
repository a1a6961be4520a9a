"""The SQLite database behind hrplan: file checks, connection settings and sessions.

Two engines share the file: reads begin a plain deferred transaction, writes begin with
``BEGIN IMMEDIATE`` so that two instances on one file queue for the write lock (under the busy
timeout) instead of failing half-way through a transaction.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import (
    DatabaseLockedError,
    DatabaseUnavailableError,
    DiskFullError,
    NotADatabaseError,
    ReadOnlyError,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from db.access import Principal

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def check_database_file(path: Path) -> None:
    """Raise a clear error when ``path`` exists but is not an SQLite database, or cannot be one."""
    if path.is_symlink() and not path.exists():
        raise DatabaseUnavailableError("error.db_dangling_link", path=str(path), target=os.readlink(path))
    if not path.exists():
        return
    if path.is_dir():
        raise NotADatabaseError("error.db_is_folder", path=str(path), example=str(path / "hrplan.db"))
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseUnavailableError(path=str(path), reason=exc.strerror or str(exc)) from None
    if head and head != SQLITE_HEADER:
        raise NotADatabaseError(path=str(path))


# The database and the files SQLite keeps beside it while it is open.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only (0600), with a private folder.

    A file that is already there (an empty file the user made, or the file a link points at) is
    adopted: it and the files SQLite keeps beside it are made 0600 too, when the user owns them.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        make_private(path)
        return
    except OSError as exc:
        raise DatabaseUnavailableError(path=str(path), reason=exc.strerror or str(exc)) from None
    os.close(fd)


def make_private(path: Path) -> None:
    """Mode 0600 for the database (through a link: the file it points at) and its -wal and -shm files."""
    real = path.resolve()
    for file in {path, real, *(Path(f"{p}{s}") for p in (path, real) for s in COMPANION_SUFFIXES)}:
        try:
            if file.is_file() and file.stat().st_mode & 0o077:
                os.chmod(file, 0o600)
        except OSError:  # somebody else's file: its owner decides
            continue


def readonly_uri(path: Path, mode: str = "ro") -> str:
    """A URI that opens ``path`` read-only (or ``mode``), whatever characters (?, #, %) its name holds."""
    from urllib.parse import quote

    return f"file:{quote(str(Path(path).absolute()))}?mode={mode}"


def connect_plain(path: Path, *, readonly: bool = False, query_only: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection with hrplan's busy timeout, for checks, backups and plain reads.

    ``query_only``: for reading, but not opened read-only. SQLite leaves the write-ahead log and its
    index (``-wal``, ``-shm``) beside the database when the last connection to close is read-only;
    this one refuses every write all the same, and, closing last, folds the log back and removes
    them. A file that is not there is not made (``mode=rw``); a write-protected one opens read-only.
    """
    uri = readonly or query_only
    target = readonly_uri(path, "rw" if query_only else "ro") if uri else str(path)
    conn = sqlite3.connect(target, uri=uri, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if query_only:
        conn.execute("PRAGMA query_only = ON")
    return conn


def configure_connection(conn: sqlite3.Connection) -> None:
    """Settings every connection gets: foreign keys, WAL, a busy timeout."""
    conn.isolation_level = None  # transactions are begun explicitly, see the begin events
    cur = conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable across an app crash
    cur.close()


def translate_operational_error(exc: Exception, path: Path) -> Exception | None:
    """Turn SQLite's low-level errors into errors the user can act on; None for anything else.

    Told apart by SQLite's result code (``sqlite_errorname``), not by the message: SQLite reports
    the same condition as OperationalError or DatabaseError depending on where it is met.
    """
    error = getattr(exc, "orig", None) or exc
    name = getattr(error, "sqlite_errorname", "") or ""
    where = str(path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseLockedError(path=where)
    if name.startswith("SQLITE_CORRUPT"):
        from db.backup import damaged_error

        return damaged_error(path)
    if name.startswith("SQLITE_NOTADB"):
        return NotADatabaseError(path=where)
    if name.startswith("SQLITE_FULL"):
        return DiskFullError(path=where)
    if name.startswith("SQLITE_READONLY") or (name and not is_writable(path)):
        return ReadOnlyError(path=where, folder=str(path.parent.absolute()))
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")):
        return DatabaseUnavailableError(path=where, reason=str(error).split("\n")[0])
    return None


def is_writable(path: Path) -> bool:
    """Whether SQLite can write the file and create its WAL files beside it.

    Permissions alone do not tell (an administrator passes them; an immutable or read-only mounted
    folder does not), so the folder is tried with a temporary file. Only asked after an error.
    """
    import tempfile

    if path.exists() and not os.access(path, os.W_OK):
        return False
    try:
        with tempfile.TemporaryFile(dir=path.parent):
            return True
    except OSError:
        return False


# The connection pools of this process's engines (held weakly), so that a command can close every
# pooled connection before its process ends: see ``close_pools``.
_POOLS: weakref.WeakSet = weakref.WeakSet()


def track_pool(engine: Engine) -> None:
    """Count ``engine``'s pool among those ``close_pools`` closes."""
    _POOLS.add(engine.pool)


def close_pools() -> None:
    """Close every pooled connection this process holds (SQLite checkpoints its WAL on the last one)."""
    for pool in list(_POOLS):
        pool.dispose()


def _make_engine(path: Path, *, immediate: bool) -> Engine:
    from sqlalchemy import create_engine, event

    # Pooled connections: a key press in the checklist must not pay for opening the file and setting
    # the pragmas again on every write. hide_parameters: an error's text never carries the user's data.
    # Writes share ONE connection: they queue for SQLite's write lock anyway, and on that connection
    # ``PRAGMA data_version`` moves only for commits made elsewhere (see Database.data_version).
    pool = {"pool_size": 1, "max_overflow": 0} if immediate else {"pool_size": 2, "max_overflow": 4}
    engine = create_engine(f"sqlite:///{path}", hide_parameters=True, **pool)
    track_pool(engine)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        configure_connection(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def os_user() -> str:
    """The OS user's name, or ``HRPLAN_USER`` when set (a browser session names its user so)."""
    chosen = (os.environ.get(ACTOR_ENV) or "").strip()
    if chosen:
        return chosen[:ACTOR_MAX]
    import getpass

    try:
        return getpass.getuser()[:ACTOR_MAX]
    except (KeyError, OSError):  # no name for this uid (a container)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "?"


ACTOR_ENV = "HRPLAN_USER"
ACTOR_MAX = 100


class Database:
    """One hrplan database: an SQLite file, or (given a ``ServerUrl``) a PostgreSQL database.

    Cheap to create; engines are made on first use.
    """

    is_server = False

    def __new__(cls, target: object, **_options: object) -> Database:  # noqa: D102
        from db.paths import ServerUrl

        if cls is Database and isinstance(target, ServerUrl):
            from db.server import ServerDatabase

            return super().__new__(ServerDatabase)
        return super().__new__(cls)

    def __init__(self, path: Path, *, principal: Principal | None = None) -> None:
        from db.access import TERMINAL

        self.path = Path(path)
        # Who this app acts for: every session carries it, and every write asks ``db.access``.
        self.principal = principal or TERMINAL
        self._read: Engine | None = None
        self._write: Engine | None = None
        self._actor: str | None = None

    @property
    def label(self) -> str:
        """How messages name the database: its path (a file) or its URL without a password."""
        return str(self.path)

    @property
    def target(self) -> Path:
        return self.path

    @property
    def engine(self) -> Engine:
        if self._read is None:
            self._read = _make_engine(self.path, immediate=False)
        return self._read

    @property
    def write_engine(self) -> Engine:
        if self._write is None:
            self._write = _make_engine(self.path, immediate=True)
        return self._write

    def actor(self, session: Session | None = None) -> str:  # noqa: ARG002
        """Who the change log names for this app's changes: ``HRPLAN_USER``, else the OS user."""
        if self._actor is None:
            self._actor = os_user()
        return self._actor

    def data_version(self) -> int:
        """A number that changes when a connection other than this app's writer commits.

        Read on the writing connection itself, so this app's own saves leave it alone: another
        hrplan, an ``hrplan`` command in a script or a restore move it. No transaction is begun.
        """
        conn = self.write_engine.raw_connection()
        try:
            cursor = conn.cursor()
            try:
                return cursor.execute("PRAGMA data_version").fetchone()[0]
            finally:
                cursor.close()
        finally:
            conn.close()

    def warm_writer(self, rehearsal: Callable[..., object] | None = None) -> None:
        """Make the first write ready ahead of time, from a worker that reads anyway: the writing
        connection opened, the actor learnt and, given ``rehearsal`` (called with ``session=``),
        that write run once in a transaction that is always rolled back. SQLAlchemy builds a
        statement's SQL on its first use (about 10 ms for a tick), which the first key press of a
        meeting would otherwise wait for. Nothing is stored; on SQLite the write lock is held only
        while the rehearsal runs."""
        with self.translated():
            if rehearsal is None:
                with self.write_engine.connect():  # opened, and back in the pool; nothing begun
                    pass
            else:
                from sqlmodel import Session

                with Session(self.write_engine, info={"principal": self.principal}) as session:
                    session.begin()
                    try:
                        session.info["actor"] = self.actor(session)
                        rehearsal(session=session)
                        session.flush()
                    finally:
                        session.rollback()
        self.actor()

    def refuse_own_file(self, target: Path) -> None:
        """Refuse to write ``target`` when it is this database, its -wal and -shm files or its backups."""
        from db.paths import refuse_own_file

        refuse_own_file(target, self.path)

    def prepare(self) -> None:
        """Check the file and create it (0600) when missing. Does not touch the schema."""
        check_database_file(self.path)
        create_private_file(self.path)

    def exists(self) -> bool:
        """Whether there is a database to open already (a file with something in it)."""
        return self.path.is_file() and self.path.stat().st_size > 0

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading. Objects stay usable after it closes (expire_on_commit off)."""
        from sqlmodel import Session

        with self.translated():
            info = {"principal": self.principal}
            with Session(self.engine, expire_on_commit=False, info=info) as session:
                yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back whole on any error."""
        from sqlmodel import Session

        with self.translated():
            info = {"principal": self.principal}
            with Session(self.write_engine, expire_on_commit=False, info=info) as session:
                with session.begin():
                    session.info["actor"] = self.actor(session)
                    yield session

    @contextmanager
    def plain_read(self) -> Iterator[sqlite3.Connection]:
        """A plain, read-only sqlite3 connection, for what the first screen shows.

        The start screen must take input soon after start, and importing SQLAlchemy alone costs more
        than a bare Textual app needs to show its first frame; the plans list needs none of it.
        """
        with self.translated():
            conn = connect_plain(self.path, query_only=True)
            try:
                yield conn
            finally:
                conn.close()

    @contextmanager
    def translated(self) -> Iterator[None]:
        """SQLite's errors as ``HrplanError``s: the file (locked, damaged, full, read-only), constraints."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            translated = translate_operational_error(exc, self.path)
            if translated is None:
                raise
            raise translated from None
        except Exception as exc:
            translated = self._error_for(exc)
            if translated is None:
                raise
            raise translated from None

    def _error_for(self, exc: Exception) -> Exception | None:
        """The ``HrplanError`` for an SQLAlchemy error, or None when it has none."""
        if "sqlalchemy" not in sys.modules:  # nothing of SQLAlchemy's can have been raised
            return None
        from sqlalchemy.exc import DatabaseError, IntegrityError

        if isinstance(exc, IntegrityError):
            from db.guard import refusal_from_integrity

            return refusal_from_integrity(exc)
        if isinstance(exc, DatabaseError):
            return translate_operational_error(exc, self.path)
        return None

    def dispose(self) -> None:
        for engine in (self._read, self._write):
            if engine is not None:
                engine.dispose()
