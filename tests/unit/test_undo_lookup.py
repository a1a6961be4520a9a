"""Undo and redo find a plan's latest batch from the newest end of an index, whatever the plan's
history: the statements they run are planned on ``change_log (plan_id, batch)`` by SQLite."""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlalchemy import event

from db.changes import latest_batch, redo_batch
from db.engine import Database
from db.queries.rounds import start_round, update_entry


def _statements(database: Database, run) -> list[tuple[str, tuple]]:  # noqa: ANN001
    seen: list[tuple[str, tuple]] = []

    def before(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001, ARG001
        if "change_log" in statement:
            seen.append((statement, tuple(parameters)))

    with database.write() as session:
        engine = session.get_bind()
        event.listen(engine, "before_cursor_execute", before)
        try:
            run(session)
        finally:
            event.remove(engine, "before_cursor_execute", before)
    return seen


def test_undo_and_redo_look_up_the_latest_batch_on_the_plan_and_batch_index(demo_database: Database) -> None:
    with demo_database.write() as session:
        round_id = start_round(1, session=session, name="T3 2025", day=date(2025, 12, 1)).id
    for status in ("done", "delayed", "in_progress"):
        with demo_database.write() as session:
            update_entry(round_id, 3, session=session, status=status)

    def lookups(session) -> None:  # noqa: ANN001
        assert latest_batch(session, plan_id=1) is not None
        redo_batch(session, plan_id=1)

    statements = _statements(demo_database, lookups)
    assert len(statements) == 3  # the latest batch; then the batch in force and the undone after it
    with sqlite3.connect(demo_database.path) as conn:
        for statement, parameters in statements:
            plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}", parameters))
            assert "ix_change_log_plan_batch" in plan, (statement, plan)
