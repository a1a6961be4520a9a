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
    """Every table but the counts the database keeps itself (no model writes them: db/schema.py)."""
    from db.schema import KEPT_BY_TRIGGERS

    def include(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001, ARG001
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table not in KEPT_BY_TRIGGERS

    assert current_revision(database.path) == HEAD_REVISION
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include})
        diff = compare_metadata(context, SQLModel.metadata)
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


def _database_at_0001(db_path: Path) -> Database:
    """A database as hrplan 0001 left it: one plan, a unit with a risk text and one without, activities."""
    from alembic import command

    database = Database(db_path)
    database.prepare()
    command.upgrade(alembic_config(database), "0001")
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(
            "INSERT INTO plan (id, title, kind, organisation, period_start, period_end, decision_body,"
            " decision_paragraph, diary_number, cadence, status, notes, created_at, updated_at, version)"
            " VALUES (1, 'Plan', 'competence_supply', '', 2025, 2027, '', '', '', 'tertial', 'active', '',"
            " '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1)"
        )
        conn.execute("INSERT INTO area (id, name, plan_id, position) VALUES (1, 'Utveckla', 1, 0)")
        conn.execute(
            "INSERT INTO unit (id, name, manager, risk_analysis, plan_id, position, version)"
            " VALUES (1, 'Hemtjänsten', 'Åsa', 'Få undersköterskor på sikt.', 1, 0, 1),"
            " (2, 'Äldreboende', '', '  ', 1, 1, 1)"
        )
        for unit_id in (1, 2):
            conn.execute(
                "INSERT INTO activity (goal, description, target_text, ongoing, responsible, resources,"
                " follow_up, plan_id, unit_id, area_id, position, created_at, updated_at, version)"
                f" VALUES ('Mål', 'Gör', '', 0, '', '', '', 1, {unit_id}, 1, 0,"
                " '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1)"
            )
        conn.execute(
            "INSERT INTO key_figure (name, period_label, count, plan_id, unit_id, position)"
            " VALUES ('personalomsättning', '2024', 3, 1, 1, 0)"
        )
    return database


def test_upgrade_from_0001_moves_risk_text_into_a_section_and_keeps_everything_else(db_path: Path) -> None:
    database = _database_at_0001(db_path)
    upgrade(database)
    assert current_revision(db_path) == HEAD_REVISION
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM activity").fetchone() == (2,)
        assert conn.execute("SELECT count(*) FROM key_figure").fetchone() == (1,)
        assert conn.execute("SELECT unit_id, kind, title, body FROM section").fetchall() == [
            (1, "risks", "", "Få undersköterskor på sikt.")
        ]
        columns = {row[1] for row in conn.execute("PRAGMA table_info(unit)")}
        assert "risk_analysis" not in columns
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (0,)  # a fresh connection: the default
    database.dispose()
    database = Database(db_path)
    with database.write() as session:
        from sqlalchemy import text

        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        session.execute(text("DELETE FROM unit WHERE id = 1"))
        assert session.execute(text("SELECT count(*) FROM section")).scalar() == 0
    database.dispose()


def test_upgrade_from_0001_adds_users_and_keeps_the_plans(db_path: Path) -> None:
    database = _database_at_0001(db_path)
    upgrade(database)
    assert current_revision(db_path) == HEAD_REVISION
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT title FROM plan").fetchall() == [("Plan",)]
        assert conn.execute("SELECT count(*) FROM app_user").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM app_user_unit").fetchone() == (0,)
    database.dispose()
