"""Migration 0004 on a database made at 0001: old changes keep their batches and stay undoable."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import func, select

from db.changes import ChangeSet
from db.engine import Database
from db.migrate import HEAD_REVISION, alembic_config, upgrade
from db.paths import resolve_db
from models.changelog import ChangeLog

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


@pytest.fixture
def at_0001(request: pytest.FixtureRequest, engine_name: str, db_path) -> Database:  # noqa: ANN001
    if engine_name == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        cluster.admin("CREATE DATABASE old_0001")
        database = Database(resolve_db(cluster.url("old_0001")))
        yield_after = lambda: cluster.admin('DROP DATABASE IF EXISTS "old_0001" WITH (FORCE)')  # noqa: E731
    else:
        database = Database(db_path)
        database.prepare()
        yield_after = lambda: None  # noqa: E731
    with database.write_engine.connect() as conn, conn.begin():
        config = alembic_config(database)
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    from sqlalchemy import text

    with database.write_engine.connect() as conn, conn.begin():
        for batch in (1, 2, 2, 5):
            conn.execute(
                text("INSERT INTO change_log (batch, plan_id, entity, entity_id, field, at, undone) "
                     "VALUES (:b, NULL, 'plan', 1, 'title', CURRENT_TIMESTAMP, false)"),  # fmt: skip
                {"b": batch},
            )
    yield database
    database.dispose()
    yield_after()


def test_upgrade_from_0001_keeps_the_log_and_hands_out_higher_batches(at_0001: Database) -> None:
    upgrade(at_0001)
    with at_0001.write_engine.connect() as conn:
        from db.migrate import _stamped_revision

        assert _stamped_revision(conn) == HEAD_REVISION
    with at_0001.write() as session:
        batch = ChangeSet(session, plan_id=None).batch
    assert batch > 5
    with at_0001.read() as session:
        assert session.execute(select(func.count()).select_from(ChangeLog)).scalar_one() == 4
        assert set(session.execute(select(ChangeLog.actor)).scalars()) == {""}
