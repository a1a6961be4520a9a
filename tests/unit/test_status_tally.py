"""The counts the database keeps (round_tally, plan_tally) stay exact through every way of writing,
and the plans list's figures read from them equal the general rule counted activity by activity."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import text

from db.changes import undo_last
from db.queries.activities import delete_activity
from db.queries.entries import set_entry_status
from db.queries.plan_list import list_plans
from db.queries.plans import copy_plan, delete_plan
from db.queries.rounds import delete_round, start_round
from db.queries.status import current_statuses, plan_tallies

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server

NO_DUE = dt.date(9999, 12, 31)
DAYS = (dt.date(2000, 1, 1), dt.date(2025, 6, 1), dt.date(2026, 1, 1), dt.date(2099, 1, 1))


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _kept_as_the_entries_say(session) -> None:  # noqa: ANN001
    """Every count in the tables equals a count over the rows themselves (zero counts left aside)."""
    run = session.execute
    entries = Counter()
    for round_id, status, reviewed, due, n in run(
        text(
            "SELECT e.round_id, e.status, e.reviewed, a.target_date, count(*) FROM followup_entry e "
            "JOIN activity a ON a.id = e.activity_id GROUP BY e.round_id, e.status, e.reviewed, a.target_date"
        )
    ):
        entries[(round_id, status, bool(reviewed), _as_date(due) if due is not None else NO_DUE)] += n
    rows = run(text("SELECT round_id, status, reviewed, due, n FROM round_tally WHERE n <> 0"))
    kept = {(r, s, bool(rv), _as_date(d)): n for r, s, rv, d, n in rows}
    assert kept == dict(entries)
    activities = Counter()
    for plan_id, due, n in run(
        text("SELECT plan_id, target_date, count(*) FROM activity GROUP BY plan_id, target_date")
    ):
        activities[(plan_id, _as_date(due) if due is not None else NO_DUE)] += n
    kept = {
        (p, _as_date(d)): n for p, d, n in run(text("SELECT plan_id, due, n FROM plan_tally WHERE n <> 0"))
    }
    assert kept == dict(activities)


def _by_the_rule(session, day: dt.date) -> tuple[dict, dict]:  # noqa: ANN001
    """Status counts and overdue activities per plan, computed activity by activity."""
    counts, overdue = {}, {}
    plans = [row[0] for row in session.execute(text("SELECT DISTINCT plan_id FROM activity"))]
    for plan_id in plans:
        statuses = current_statuses(plan_id, session=session)
        counts[plan_id] = dict(Counter(statuses.values()))
        due = dict(
            session.execute(
                text("SELECT id, target_date FROM activity WHERE plan_id = :p"), {"p": plan_id}
            ).all()
        )
        late = sum(
            1
            for a, s in statuses.items()
            if due[a] is not None and _as_date(due[a]) < day and s not in ("done", "cancelled")
        )
        if late:
            overdue[plan_id] = late
    return counts, overdue


def _check(database) -> None:  # noqa: ANN001
    with database.read() as session:
        _kept_as_the_entries_say(session)
        server = session.get_bind().dialect.name != "sqlite"
        for day in DAYS:
            assert plan_tallies(day if server else day.isoformat(), session=session) == _by_the_rule(
                session, day
            )


def _plan_and_latest(database) -> tuple[int, int]:  # noqa: ANN001
    with database.read() as session:
        plan_id = list_plans(session=session)[0].id
        latest = session.execute(
            text("SELECT id FROM followup_round WHERE plan_id = :p ORDER BY date DESC, id DESC"),
            {"p": plan_id},
        ).first()[0]
    return plan_id, latest


def test_the_counts_follow_ticks_dates_new_activities_and_rounds(demo_database) -> None:  # noqa: ANN001
    _check(demo_database)
    plan_id, latest = _plan_and_latest(demo_database)
    with demo_database.write() as session:
        session.execute(
            text("UPDATE followup_round SET closed = :f WHERE id = :r"), {"f": False, "r": latest}
        )
        ids = [
            r[0]
            for r in session.execute(
                text("SELECT id FROM activity WHERE plan_id = :p ORDER BY id"), {"p": plan_id}
            )
        ]
        for activity_id, status in zip(
            ids[:6], ("done", "cancelled", "delayed", "done", "in_progress", "done"), strict=True
        ):
            set_entry_status(latest, activity_id, status, session=session)
    _check(demo_database)
    with demo_database.write() as session:  # dates moved, one taken away, a round's entries gone through
        session.execute(
            text("UPDATE activity SET target_date = :d WHERE id = :a"),
            {"d": dt.date(2024, 3, 1), "a": ids[6]},
        )
        session.execute(text("UPDATE activity SET target_date = NULL WHERE id = :a"), {"a": ids[7]})
        session.execute(
            text("UPDATE followup_entry SET reviewed = NOT reviewed WHERE round_id = :r"), {"r": latest}
        )
        # An activity added after the round started (no entry in it), and one that loses its entry.
        from models.activity import Activity

        columns = ", ".join(c.name for c in Activity.__table__.columns if c.name != "id")
        session.execute(
            text(f"INSERT INTO activity ({columns}) SELECT {columns} FROM activity WHERE id = :a"),
            {"a": ids[8]},
        )
        session.execute(
            text("DELETE FROM followup_entry WHERE round_id = :r AND activity_id = :a"),
            {"r": latest, "a": ids[9]},
        )
    _check(demo_database)
    with demo_database.write() as session:
        start_round(plan_id, session=session, name="T3 2099", day=dt.date(2099, 12, 1))
    _check(demo_database)


def test_the_counts_follow_deletes_and_their_undo(demo_database) -> None:  # noqa: ANN001
    plan_id, latest = _plan_and_latest(demo_database)
    with demo_database.write() as session:
        activity_id = session.execute(
            text("SELECT min(id) FROM activity WHERE plan_id = :p"), {"p": plan_id}
        ).scalar()
        delete_activity(activity_id, session=session)
    _check(demo_database)
    with demo_database.write() as session:
        delete_round(latest, session=session)
    _check(demo_database)
    for _ in range(2):
        with demo_database.write() as session:
            undo_last(session)
        _check(demo_database)
    with demo_database.write() as session:
        copy = copy_plan(plan_id, title="Nästa period", period_start=2030, period_end=2032, session=session)
    _check(demo_database)
    with demo_database.write() as session:
        delete_plan(plan_id, session=session)
    _check(demo_database)
    with demo_database.write() as session:
        undo_last(session)
        delete_plan(copy, session=session)
    _check(demo_database)


def test_the_plans_list_reads_the_figures_of_the_rule(demo_database) -> None:  # noqa: ANN001
    """Late activities, share done and the open round's progress, as the rule and the entries give them."""
    plan_id, latest = _plan_and_latest(demo_database)
    day = dt.date(2026, 1, 1)
    with demo_database.write() as session:
        session.execute(
            text("UPDATE followup_entry SET reviewed = :f WHERE round_id = :r"), {"f": False, "r": latest}
        )
        first = session.execute(
            text("SELECT min(activity_id) FROM followup_entry WHERE round_id = :r"), {"r": latest}
        ).scalar()
        session.execute(
            text("UPDATE followup_entry SET reviewed = :t WHERE round_id = :r AND activity_id = :a"),
            {"t": True, "r": latest, "a": first},
        )
        session.execute(
            text("UPDATE followup_round SET closed = :f WHERE id = :r"), {"f": False, "r": latest}
        )
    with demo_database.read() as session:
        summary = next(p for p in list_plans(session=session, today=day) if p.id == plan_id)
        counts, overdue = _by_the_rule(session, day)
        entries = session.execute(
            text("SELECT count(*) FROM followup_entry WHERE round_id = :r"), {"r": latest}
        ).scalar()
    assert summary.activity_count == sum(counts[plan_id].values()) == 33
    assert summary.done == counts[plan_id].get("done", 0)
    assert summary.overdue == overdue.get(plan_id, 0) > 0
    assert (summary.open_round_entries, summary.open_round_reviewed) == (entries, 1)
