"""Several coordinators on one PostgreSQL database at the same moment: nothing lost, nothing clashes."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.edits import update_row
from db.engine import Database
from db.errors import ConflictError
from db.paths import server_url
from models.activity import Activity
from models.changelog import ChangeLog
from models.followup import FollowUpEntry, FollowUpRound

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shared(pg_url: str) -> Database:
    """A fresh database on the test server with the demo plan and an open round."""
    from db.demo import add_demo_plan
    from db.migrate import upgrade
    from db.queries.rounds import start_round

    database = Database(server_url(pg_url))
    upgrade(database)
    with database.write() as session:
        add_demo_plan(session=session)
    with database.write() as session:
        start_round(1, session=session, name="T3 2025", day=date(2025, 12, 1))
    yield database
    database.dispose()


def test_two_editors_of_one_activity_at_once_the_second_gets_the_conflict(shared: Database) -> None:
    url = shared.target
    with shared.read() as session:
        seen = session.get(Activity, 3).version
    ready = threading.Barrier(2)
    outcomes: list[str] = []

    def editor(text: str) -> None:
        database = Database(url)
        try:
            with database.write() as session:
                ready.wait(timeout=30)  # both inside a transaction, both having read the same version
                update_row(session, Activity, 3, {"follow_up": text}, expected_version=seen, plan_id=1)
            outcomes.append("saved")
        except ConflictError as exc:
            outcomes.append("conflict" if exc.current and exc.current["version"] == seen + 1 else "bad")
        finally:
            database.dispose()

    threads = [threading.Thread(target=editor, args=(f"från {n}",)) for n in "AB"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["conflict", "saved"]
    with shared.read() as session:
        assert session.get(Activity, 3).version == seen + 1


TICKER = """
import sys
from db.engine import Database
from db.paths import server_url
from db.queries.rounds import update_entry

url, who = sys.argv[1], sys.argv[2]
activity, shared_activity, count = (int(v) for v in sys.argv[3:6])
database = Database(server_url(url))
statuses = ("in_progress", "done", "delayed")
for i in range(count):
    target = activity if i % 2 else shared_activity
    with database.write() as session:
        update_entry(1, target, session=session, status=statuses[i % 3], comment=f"{who} {i}")
database.dispose()
print("ok")
"""


def test_four_processes_ticking_at_once_lose_nothing(shared: Database) -> None:
    """Four processes tick 200 times each, half of it on one shared activity: no error, every tick
    in the change log with its own undo batch."""
    with shared.read() as session:
        named = select(FollowUpRound.id).where(FollowUpRound.name == "T3 2025")
        round_id = session.execute(named).scalar_one()
        before = session.execute(select(func.count()).select_from(ChangeLog)).scalar_one()
    script = TICKER.replace("update_entry(1,", f"update_entry({round_id},")
    per_process = 200
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(shared.target), f"p{n}", str(10 + n), "5", str(per_process)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        for n in range(4)
    ]
    results = [p.communicate(timeout=300) for p in processes]
    for process, (out, err) in zip(processes, results, strict=True):
        assert process.returncode == 0 and out.strip() == "ok", err[-2000:]
    with shared.read() as session:
        logged = session.execute(
            select(ChangeLog.batch, ChangeLog.field).where(ChangeLog.entity == "followup_entry")
        ).all()
        total = session.execute(select(func.count()).select_from(ChangeLog)).scalar_one()
        comments = [b for b, f in logged if f == "comment"]
        assert len(comments) == 4 * per_process  # every tick changed the comment: none lost
        assert len(set(comments)) == 4 * per_process  # each in a batch of its own
        assert total > before
        for n in range(4):
            own = session.execute(
                select(FollowUpEntry.comment).where(
                    FollowUpEntry.round_id == round_id, FollowUpEntry.activity_id == 10 + n
                )
            ).scalar_one()
            assert own == f"p{n} {per_process - 1}"


def test_two_rounds_started_at_once_in_two_plans(shared: Database) -> None:
    from db.queries.plans import copy_plan
    from db.queries.rounds import start_round

    with shared.write() as session:  # a second plan: the demo copied to the next period
        second = copy_plan(1, title="Nästa plan", period_start=2028, period_end=2030, session=session)
    ready = threading.Barrier(2)
    errors: list[BaseException] = []

    def starter(plan_id: int) -> None:
        database = Database(shared.target)
        try:
            with database.write() as session:
                ready.wait(timeout=30)
                start_round(plan_id, session=session, name="Samtidig", day=date(2026, 1, 15))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            database.dispose()

    threads = [threading.Thread(target=starter, args=(p,)) for p in (1, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with shared.read() as session:
        for plan_id in (1, second):
            activities = session.execute(
                select(func.count()).select_from(Activity).where(Activity.plan_id == plan_id)
            ).scalar_one()
            entries = session.execute(
                select(func.count())
                .select_from(FollowUpEntry)
                .join(FollowUpRound)
                .where(FollowUpRound.plan_id == plan_id, FollowUpRound.name == "Samtidig")
            ).scalar_one()
            assert entries == activities > 0


async def test_a_tick_from_another_process_shows_in_an_open_checklist(shared: Database) -> None:
    from tests.tui.test_checklist import shown_status
    from tui.factory import make_app
    from tui.screens.checklist import ChecklistScreen
    from tui.widgets.db_watcher import DatabaseWatcher

    def status_of(screen: ChecklistScreen, aid: int) -> str | None:
        """The status drawn on the activity's row; None before the row is there."""
        try:
            return shown_status(screen, aid)
        except (StopIteration, ValueError, IndexError, LookupError):
            return None

    app = make_app(db_path=shared.target, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("f")  # the demo plan's open round
        screen = None
        for _ in range(200):
            await pilot.pause(0.05)
            if isinstance(app.screen, ChecklistScreen) and app.screen.query(DatabaseWatcher):
                screen = app.screen
                if screen.query_one(DatabaseWatcher).watching and status_of(screen, 7):
                    break
        assert screen is not None and status_of(screen, 7)
        new = "delayed" if status_of(screen, 7) != "delayed" else "done"
        done = subprocess.run(
            [sys.executable, "-m", "tui", "--db", str(shared.target), "tick", "1", "7", new],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        for _ in range(200):  # waits on the condition; the watcher looks once a second
            if status_of(screen, 7) == new:
                break
            await asyncio.sleep(0.05)
        assert status_of(screen, 7) == new


def test_two_coordinators_adding_to_one_plan_at_once_get_distinct_numbers(shared: Database) -> None:
    """The second add waits for the first one's transaction (the plan's row is locked), so both
    activities get their own number and place, however the two transactions interleave."""
    import time

    import psycopg

    from db.queries.activities import add_activity
    from db.server import conninfo
    from models.activity_rules import ActivityFields

    url = shared.target
    first = Database(url)
    second_id: list[int] = []

    def second_coordinator() -> None:
        database = Database(url)
        try:
            with database.write() as session:
                second_id.append(add_activity(1, ActivityFields(area_id=1, goal="B"), session=session))
        finally:
            database.dispose()

    def second_is_waiting() -> bool:
        with psycopg.connect(conninfo(url), autocommit=True) as conn:  # a fresh view of the server
            return conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND wait_event_type = 'Lock'"
            ).fetchone()[0] == 1  # fmt: skip

    try:
        with first.write() as session:
            first_id = add_activity(1, ActivityFields(area_id=1, goal="A"), session=session)
            thread = threading.Thread(target=second_coordinator)
            thread.start()
            deadline = time.monotonic() + 30
            while not second_is_waiting():  # the second add waits for this transaction
                assert time.monotonic() < deadline and thread.is_alive(), "the second add did not wait"
                time.sleep(0.01)
        thread.join(timeout=60)
    finally:
        first.dispose()
    with shared.read() as session:
        rows = {a.id: (a.number, a.position) for a in session.execute(select(Activity)).scalars()}
    a, b = rows[first_id], rows[second_id[0]]
    assert b[0] == a[0] + 1 and b[1] == a[1] + 1
    assert len({number for number, _ in rows.values()}) == len(rows)
