"""Two instances on one file: different rows both survive, the same row never in silence."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from db.edits import update_row
from db.engine import Database
from db.errors import ConflictError, NotFoundError
from models.activity import Activity
from models.followup import FollowUpEntry

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server

def read_version(database: Database, model: type, row_id: int) -> tuple[int, dict]:
    with database.read() as session:
        row = session.get(model, row_id)
        return row.version, {c.name: getattr(row, c.name) for c in model.__table__.columns}


@pytest.fixture
def two(demo_database: Database) -> tuple[Database, Database]:
    first, second = Database(demo_database.target), Database(demo_database.target)
    yield first, second
    first.dispose()
    second.dispose()


def test_edits_to_different_activities_both_survive(two: tuple[Database, Database]) -> None:
    a, b = two
    va, _ = read_version(a, Activity, 1)
    vb, _ = read_version(b, Activity, 2)
    with a.write() as session:
        update_row(session, Activity, 1, {"responsible": "Enhetschef A"}, expected_version=va, plan_id=1)
    with b.write() as session:
        update_row(session, Activity, 2, {"responsible": "Enhetschef B"}, expected_version=vb, plan_id=1)
    assert read_version(a, Activity, 1)[1]["responsible"] == "Enhetschef A"
    assert read_version(a, Activity, 2)[1]["responsible"] == "Enhetschef B"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_same_activity_second_writer_gets_a_clear_message_and_the_newer_data(
    two: tuple[Database, Database], lang: str
) -> None:
    from i18n import set_language

    set_language(lang)
    a, b = two
    seen_by_a, _ = read_version(a, Activity, 3)
    seen_by_b, _ = read_version(b, Activity, 3)
    with a.write() as session:
        update_row(session, Activity, 3, {"follow_up": "från A"}, expected_version=seen_by_a, plan_id=1)
    with pytest.raises(ConflictError) as caught, b.write() as session:
        update_row(session, Activity, 3, {"follow_up": "från B"}, expected_version=seen_by_b, plan_id=1)
    text = caught.value.message()
    assert ("aktivitet" if lang == "sv" else "activity") in text and "\n" not in text
    assert caught.value.current["follow_up"] == "från A"
    assert read_version(b, Activity, 3)[1]["follow_up"] == "från A"


def test_same_follow_up_entry_is_never_overwritten_in_silence(two: tuple[Database, Database]) -> None:
    a, b = two
    seen, _ = read_version(a, FollowUpEntry, 5)
    with a.write() as session:
        update_row(session, FollowUpEntry, 5, {"status": "done"}, expected_version=seen, plan_id=1)
    with pytest.raises(ConflictError), b.write() as session:
        update_row(session, FollowUpEntry, 5, {"status": "delayed"}, expected_version=seen, plan_id=1)
    assert read_version(b, FollowUpEntry, 5)[1]["status"] == "done"


def test_a_row_deleted_by_the_other_instance_is_reported(two: tuple[Database, Database]) -> None:
    from db.changes import ChangeSet

    a, b = two
    seen, _ = read_version(b, Activity, 4)
    with a.write() as session:
        ChangeSet(session, plan_id=1).delete(session.get(Activity, 4))
    with pytest.raises(NotFoundError) as caught, b.write() as session:
        update_row(session, Activity, 4, {"goal": "x"}, expected_version=seen, plan_id=1)
    assert "tagit bort" in caught.value.message()


def test_racing_writers_lose_no_update(demo_database: Database) -> None:
    """Two threads, each with its own Database, count up one field; a conflict means read again."""
    path = demo_database.target
    per_writer = 40
    conflicts = []

    def writer() -> None:
        database = Database(path)
        done = 0
        while done < per_writer:
            version, row = read_version(database, Activity, 5)
            count = int(row["resources"] or 0)
            try:
                with database.write() as session:
                    update_row(session, Activity, 5, {"resources": str(count + 1)},
                               expected_version=version, plan_id=1)  # fmt: skip
            except ConflictError:
                conflicts.append(1)
                continue
            done += 1
        database.dispose()

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert read_version(demo_database, Activity, 5)[1]["resources"] == str(2 * per_writer)


def test_two_instances_starting_at_once_on_a_new_file(tmp_path: Path) -> None:
    """Both create and migrate the same new file: one does it, the others wait and find it done."""
    import subprocess
    import sys

    path = tmp_path / "ny.db"
    command = [sys.executable, "-m", "tui", "--db", str(path), "--lang", "en", "list"]
    pipe = subprocess.PIPE
    runs = [subprocess.Popen(command, stdout=pipe, stderr=pipe, text=True) for _ in range(4)]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], [err for _, err in results]
    assert all("No plans yet" in out for out, _ in results)
