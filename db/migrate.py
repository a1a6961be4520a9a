"""Bringing a database file to the schema this hrplan knows, with a backup made first.

Start-up is measured, and importing Alembic costs time, so the current revision is read with plain
sqlite3 first; Alembic is imported only when an upgrade is really needed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.engine import Database, connect_plain, translate_operational_error
from db.errors import NewerDatabaseError, NotADatabaseError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# The newest revision in db/migrations/versions. A unit test checks it against Alembic's head.
HEAD_REVISION = "0007_status_count_index"
KNOWN_REVISIONS = ("0001", "0003_narrative_sections", "0007_status_count_index")


def current_revision(path: Path) -> str | None:
    """The revision stamped in the file; None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = connect_plain(path, readonly=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise NotADatabaseError("error.foreign_database", path=str(path))
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raised = translate_operational_error(exc, path)
        raise (raised or NotADatabaseError(path=str(path))) from None


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
    config.set_main_option("sqlalchemy.url", f"sqlite:///{database.path}")
    return config


def upgrade(database: Database) -> Path | None:
    """Upgrade the schema to head when needed. Returns the backup copy made, if any."""
    database.prepare()
    revision = current_revision(database.path)
    if not needs_upgrade(database.path, revision):
        return None
    from alembic import command

    backup = backup_before_upgrade(database.path, revision)
    config = alembic_config(database)
    # BEGIN IMMEDIATE: when two instances start on one file at once, one migrates and the other
    # waits for it, then finds the schema at head and does nothing.
    with database.translated(), database.write_engine.connect() as conn:
        # SQLite drops or changes a column by rebuilding the table; with foreign keys on, dropping the
        # old table would delete the rows that refer to it (ON DELETE CASCADE). The pragma only takes
        # effect outside a transaction, so it is set before BEGIN and checked and restored after.
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
    return backup


def _stamped_revision(conn) -> str | None:  # noqa: ANN001
    from sqlalchemy import text

    if not conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'")).first():
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
