"""Who did it: the change log names the actor; history and comparison show it; undo is one's own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from db.engine import Database
from db.queries.rounds import activity_history, compare_rounds, list_rounds, start_round, update_entry
from db.queries.undo import undo_latest
from models.changelog import ChangeLog
from models.followup import FollowUpEntry

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


def as_user(database: Database, name: str, monkeypatch: pytest.MonkeyPatch) -> Database:
    """Another instance of the same database, run by ``name`` (as a browser session names it)."""
    monkeypatch.setenv("HRPLAN_USER", name)
    other = Database(database.target)
    other.actor()  # read now, while HRPLAN_USER names this user
    return other


def tick(database: Database, round_id: int, activity_id: int, status: str) -> None:
    with database.write() as session:
        update_entry(round_id, activity_id, session=session, status=status)


@pytest.fixture
def meeting(demo_database: Database) -> tuple[Database, int]:
    with demo_database.write() as session:
        summary = start_round(1, session=session, name="T3 2025", day=date(2025, 12, 1))
    return demo_database, summary.id


@pytest.fixture
def colleagues(
    monkeypatch: pytest.MonkeyPatch, meeting: tuple[Database, int]
) -> Iterator[tuple[Database, Database]]:
    """anna and bertil, two coordinators working on the meeting's database."""
    database, _ = meeting
    anna = as_user(database, "anna", monkeypatch)
    bertil = as_user(database, "bertil", monkeypatch)
    yield anna, bertil
    anna.dispose()
    bertil.dispose()


def test_without_hrplan_user_the_os_user_or_the_role_is_recorded(meeting: tuple[Database, int]) -> None:
    import getpass

    database, round_id = meeting
    tick(database, round_id, 3, "delayed")
    with database.read() as session:
        actor = session.execute(select(ChangeLog.actor).order_by(ChangeLog.id.desc()).limit(1)).scalar_one()
    # The tests' server logs in as its superuser role "postgres".
    assert actor == ("postgres" if database.is_server else getpass.getuser())


def test_history_and_comparison_name_who_set_the_status(
    meeting: tuple[Database, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    database, round_id = meeting
    anna = as_user(database, "Anna Andersson", monkeypatch)
    tick(anna, round_id, 3, "delayed")
    with database.read() as session:
        history = activity_history(3, session=session)
        assert history.items[0].round_id == round_id and history.items[0].by == "Anna Andersson"
        older = next(r for r in list_rounds(1, session=session) if r.id != round_id)
        changes = compare_rounds(older.id, round_id, session=session).status_changes
    assert [c.by for c in changes if c.activity_id == 3] == ["Anna Andersson"]
    anna.dispose()


def test_undo_undoes_ones_own_latest_change_never_a_colleagues(
    meeting: tuple[Database, int], colleagues: tuple[Database, Database]
) -> None:
    database, round_id = meeting
    anna, bertil = colleagues
    tick(anna, round_id, 3, "delayed")
    tick(bertil, round_id, 4, "cancelled")  # bertil's change is the latest of all
    with anna.write() as session:
        undone = undo_latest(session=session, plan_id=1)
    assert undone is not None
    with database.read() as session:
        entry = FollowUpEntry.__table__.c
        rows = session.execute(select(entry.activity_id, entry.status).where(entry.round_id == round_id))
        statuses = dict(rows.all())
    assert statuses[3] != "delayed"  # anna's own tick is undone
    assert statuses[4] == "cancelled"  # bertil's stays


def test_each_change_gets_its_own_batch_from_the_database(meeting: tuple[Database, int]) -> None:
    database, round_id = meeting
    for activity_id in (3, 4, 5):
        with database.write() as session:
            update_entry(round_id, activity_id, session=session, comment=f"Kommentar {activity_id}")
    with database.read() as session:
        batches = session.execute(
            select(ChangeLog.batch).where(ChangeLog.field == "comment").order_by(ChangeLog.id)
        ).scalars().all()
    assert len(batches[-3:]) == len(set(batches[-3:])) == 3
    assert batches[-3] < batches[-2] < batches[-1]


def test_undo_refuses_to_overwrite_what_a_colleague_changed_since(
    meeting: tuple[Database, int], colleagues: tuple[Database, Database]
) -> None:
    from db.errors import ConflictError

    database, round_id = meeting
    anna, bertil = colleagues
    tick(anna, round_id, 3, "delayed")
    tick(bertil, round_id, 3, "cancelled")  # the same entry, after anna
    with pytest.raises(ConflictError), anna.write() as session:
        undo_latest(session=session, plan_id=1)
    with database.read() as session:
        entry = FollowUpEntry.__table__.c
        status = session.execute(
            select(entry.status).where(entry.round_id == round_id, entry.activity_id == 3)
        ).scalar_one()
    assert status == "cancelled"


def test_one_activitys_actors_are_read_without_the_rest_of_the_rounds_changes(
    meeting: tuple[Database, int], colleagues: tuple[Database, Database]
) -> None:
    from db.queries.actors import entry_actors

    database, round_id = meeting
    anna, bertil = colleagues
    tick(anna, round_id, 3, "delayed")
    tick(bertil, round_id, 4, "cancelled")
    tick(bertil, round_id, 3, "done")  # the latest change of activity 3 is bertil's
    with database.read() as session:
        every = entry_actors([round_id], session=session)
        one = entry_actors([round_id], session=session, activity_id=3)
    assert every == {(round_id, 3): "bertil", (round_id, 4): "bertil"}
    assert one == {(round_id, 3): "bertil"}
