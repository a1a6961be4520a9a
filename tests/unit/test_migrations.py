"""The schema comes from Alembic, and it matches the models exactly."""

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import models.tables  # noqa: F401
from db.engine import Database
from db.errors import NewerDatabaseError, NotADatabaseError
from db.migrate import HEAD_REVISION, KNOWN_REVISIONS, alembic_config, current_revision, upgrade


def test_head_constant_matches_alembic(database: Database) -> None:
    script = ScriptDirectory.from_config(alembic_config(database))
    assert script.get_current_head() == HEAD_REVISION
    assert {r.revision for r in script.walk_revisions()} == set(KNOWN_REVISIONS)


def test_migrated_schema_has_no_difference_from_models(database: Database) -> None:
    assert current_revision(database.path) == HEAD_REVISION
    with database.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_new_database_is_private(db_path: Path) -> None:
    upgrade(Database(db_path))
    assert db_path.stat().st_mode & 0o777 == 0o600


def test_upgrade_at_head_makes_no_backup(database: Database) -> None:
    assert upgrade(database) is None
    assert not [p for p in database.path.parent.iterdir() if "before-upgrade" in p.name]


def test_backup_before_upgrade_is_a_private_copy(database: Database) -> None:
    from db.migrate import backup_before_upgrade

    copy = backup_before_upgrade(database.path, "0001")
    assert copy is not None and copy.exists()
    assert copy.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)


def test_file_that_is_not_sqlite_is_refused_and_untouched(db_path: Path) -> None:
    db_path.write_bytes(b"hello, this is a text file\n" * 10)
    before = db_path.read_bytes()
    with pytest.raises(NotADatabaseError):
        upgrade(Database(db_path))
    assert db_path.read_bytes() == before


def test_database_from_newer_hrplan_is_refused_and_untouched(database: Database) -> None:
    with sqlite3.connect(database.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = database.path.read_bytes()
    with pytest.raises(NewerDatabaseError):
        upgrade(database)
    assert database.path.read_bytes() == before


def test_other_sqlite_database_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER)")
    with pytest.raises(NotADatabaseError):
        upgrade(Database(db_path))
