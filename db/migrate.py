"""Bringing a database file to the schema this hrplan knows, with a backup made first.

Start-up is measured, and importing Alembic costs time, so the current revision is read with plain
sqlite3 first; Alembic is imported only when an upgrade is really needed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.backup import damaged_error
from db.engine import BUSY_TIMEOUT_MS, Database, readonly_uri, translate_operational_error
from db.errors import (
    HrplanError,
    NewerDatabaseError,
    NotADatabaseError,
    StrayWalError,
)
from db.schema import is_newer, missing_parts

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# The newest revision in db/migrations/versions. A unit test checks it against Alembic's head.
HEAD_REVISION = "0009_change_log_plan_batch"
KNOWN_REVISIONS = ("0001", "0003_narrative_sections", "0004_change_actor", "0005_users_roles",
                   "0007_status_count_index", "0008_status_tally", "0009_change_log_plan_batch")  # fmt: skip


def current_revision(path: Path) -> str | None:
    """The revision stamped in the file; None for a new or empty file.

    A file whose revision this hrplan cannot use is refused here, each case with its own message: a
    file of another program, one from a newer hrplan, one whose revision record is gone or unknown,
    one made unreadable by a ``-wal`` file left beside it by another database.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        revision = _read_revision(path, readonly_uri(path))
    except (NotADatabaseError, sqlite3.DatabaseError) as exc:
        # Read with its -wal file the database is another program's, or no database at all; read
        # without it, it is a whole hrplan database: the -wal file is another database's.
        if _wal_is_foreign(path):
            raise StrayWalError(path=str(path), wal=f"{path}-wal") from None
        if isinstance(exc, sqlite3.DatabaseError):
            raised = translate_operational_error(exc, path)
            raise (raised or NotADatabaseError(path=str(path))) from None
        raise
    return revision


def _read_revision(path: Path, uri: str) -> str | None:
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        hrplan_tables = {"plan", "activity"} <= tables
        if "alembic_version" not in tables:
            if hrplan_tables:
                raise damaged_error(path, "damaged.no_revision")
            if tables:
                raise NotADatabaseError("error.foreign_database", path=str(path))
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or not (row[0] or "").strip():
            raise damaged_error(path, "damaged.no_revision")
        revision = row[0]
        if revision not in KNOWN_REVISIONS:
            if is_newer(revision, HEAD_REVISION):
                raise NewerDatabaseError(path=str(path), revision=revision)
            raise damaged_error(path, "damaged.unknown_revision", revision=revision)
        if revision == HEAD_REVISION and (missing := missing_parts(conn)):
            raise damaged_error(path, "damaged.missing", parts=", ".join(missing[:5]))
        return revision
    finally:
        conn.close()


def _wal_is_foreign(path: Path) -> bool:
    """Whether a ``-wal`` file beside ``path`` is what makes it unreadable: without it, it reads well."""
    wal = Path(f"{path}-wal")
    if not wal.is_file() or wal.stat().st_size == 0:
        return False
    try:
        _read_revision(path, readonly_uri(path).replace("?mode=ro", "?immutable=1"))
    except (HrplanError, sqlite3.DatabaseError):
        return False
    return True


def needs_upgrade(path: Path, revision: str | None = None) -> bool:
    revision = current_revision(path) if revision is None else revision
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerDatabaseError(path=str(path), revision=revision)
    return revision != HEAD_REVISION


def backup_before_upgrade(path: Path, revision: str | None) -> Path | None:
    """A rotating backup in the backup folder (SQLite's backup API, so a live WAL is included)."""
    if revision is None:
        return None
    from db.backup import make_backup

    return make_backup(path, f"before-upgrade-{revision}")


def alembic_config(database: Database):  # noqa: ANN201  (alembic imported lazily)
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    url = database.url.url if database.is_server else f"sqlite:///{database.path}"
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(database: Database) -> Path | None:
    """Upgrade the schema to head when needed. Returns the backup copy made, if any."""
    database.prepare()
    if database.is_server:
        return _upgrade_server(database)
    revision = current_revision(database.path)
    if not needs_upgrade(database.path, revision):
        return None
    from alembic import command

    backup = backup_before_upgrade(database.path, revision)
    config = alembic_config(database)
    # BEGIN IMMEDIATE: when two instances start on one file at once, one migrates and the other
    # waits for it, then finds the schema at head and does nothing.
    from sqlalchemy.exc import DatabaseError

    try:
        with database.translated(), database.write_engine.connect() as conn:
            # SQLite drops or changes a column by rebuilding the table; with foreign keys on, dropping
            # the old table would delete the rows that refer to it (ON DELETE CASCADE). The pragma only
            # takes effect outside a transaction, so it is set before BEGIN and checked and restored after.
            raw = conn.connection.driver_connection
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    if _stamped_revision(conn) == HEAD_REVISION:
                        return backup
                    config.attributes["connection"] = conn
                    command.upgrade(config, "head")
                    if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                        raise RuntimeError("foreign keys broken by an upgrade")
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
    except DatabaseError:  # a damage the checks before could not see: rolled back, nothing changed
        database.dispose()
        raise damaged_error(database.path, "damaged.upgrade") from None
    current_revision(database.path)  # what the migrations made holds every table and column
    return backup


def _stamped_revision(conn) -> str | None:  # noqa: ANN001
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


# Any number, the same for every hrplan: instances starting at once on one server migrate in turn.
MIGRATION_LOCK = 0x68727031


def _upgrade_server(database: Database) -> None:
    """Upgrade a PostgreSQL database. Its DDL is transactional: an upgrade that fails leaves the
    schema as it was, so no backup copy is made (the server's own backups apply)."""
    from alembic import command
    from sqlalchemy import inspect, text

    with database.translated(), database.write_engine.connect() as conn, conn.begin():
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        revision = _stamped_revision(conn)
        if revision is None and inspect(conn).get_table_names():
            raise NotADatabaseError("error.server_foreign_database", path=database.label)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise NewerDatabaseError("error.server_newer_database", path=database.label, revision=revision)
        if revision == HEAD_REVISION:
            return None
        config = alembic_config(database)
        config.attributes["connection"] = conn
        try:
            command.upgrade(config, "head")
        except Exception as exc:
            if getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501":  # no right to change tables
                raise NewerDatabaseError("error.server_upgrade_by_owner", path=database.label) from None
            raise
    return None
