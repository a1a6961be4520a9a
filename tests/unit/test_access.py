"""Roles enforced where the data is written: a manager on their own units only, a viewer nowhere."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.access import COORDINATOR, MANAGER, VIEWER, Principal, from_environment
from db.changes import undo_last
from db.edits import update_row
from db.engine import Database
from db.errors import AccessDeniedError
from db.queries import rounds as q
from models.activity import Activity
from models.followup import FollowUpEntry, FollowUpRound
from models.unit import Unit

BOTH_ENGINES = True  # the rules hold on SQLite and on a PostgreSQL server alike

HEMTJANSTEN_ACTIVITY = 6  # the demo plan's first activity of Hemtjänsten
SARSKILT_BOENDE_ACTIVITY = 16


@pytest.fixture
def open_round(demo_database: Database) -> int:
    with demo_database.write() as s:
        return q.start_round(1, session=s, name="T3 2025", day=dt.date(2025, 12, 1)).id


def as_role(database: Database, role: str, units: tuple[str, ...] = ()) -> Database:
    return Database(database.target, principal=Principal(name="anna", role=role, units=frozenset(units)))


def entry(database: Database, round_id: int, activity_id: int) -> FollowUpEntry:
    with database.read() as s:
        return s.execute(
            select(FollowUpEntry).where(
                FollowUpEntry.round_id == round_id, FollowUpEntry.activity_id == activity_id
            )
        ).scalar_one()


def test_a_manager_sets_status_and_comment_on_their_own_units_activity(demo_database, open_round) -> None:  # noqa: ANN001
    manager = as_role(demo_database, MANAGER, ("Hemtjänsten",))
    with manager.write() as s:
        q.update_entry(open_round, HEMTJANSTEN_ACTIVITY, session=s, status="delayed", comment="Vänta på kurs")
    stored = entry(demo_database, open_round, HEMTJANSTEN_ACTIVITY)
    assert (stored.status, stored.comment, stored.reviewed) == ("delayed", "Vänta på kurs", True)


def test_a_manager_writing_outside_their_units_is_refused_and_told_why(demo_database, open_round) -> None:  # noqa: ANN001
    manager = as_role(demo_database, MANAGER, ("Hemtjänsten",))
    with pytest.raises(AccessDeniedError) as refused, manager.write() as s:
        q.update_entry(open_round, SARSKILT_BOENDE_ACTIVITY, session=s, status="done")
    assert refused.value.message("sv") == (
        "Inte tillåtet: aktiviteten hör till Särskilt boende, som inte är en av dina enheter."
    )
    assert "Särskilt boende, which is not one of your units" in refused.value.message("en")
    assert entry(demo_database, open_round, SARSKILT_BOENDE_ACTIVITY).reviewed is False
    # The plan as a whole is no manager's unit either.
    with pytest.raises(AccessDeniedError), manager.write() as s:
        q.update_entry(open_round, 1, session=s, comment="x")


def test_a_manager_changes_nothing_but_entries(demo_database, open_round) -> None:  # noqa: ANN001
    manager = as_role(demo_database, MANAGER, ("Hemtjänsten",))
    with pytest.raises(AccessDeniedError, match="error.access_denied"), manager.write() as s:
        update_row(s, Activity, HEMTJANSTEN_ACTIVITY, {"goal": "Annat mål"}, expected_version=None, plan_id=1)
    with pytest.raises(AccessDeniedError), manager.write() as s:
        q.start_round(1, session=s, name="Extra", day=dt.date(2025, 12, 2))
    with pytest.raises(AccessDeniedError), manager.write() as s:
        q.set_round_closed(open_round, True, session=s)
    with pytest.raises(AccessDeniedError), manager.write() as s:
        from db.queries.plans import delete_plan

        delete_plan(1, session=s)
    with demo_database.read() as s:
        assert s.get(Activity, HEMTJANSTEN_ACTIVITY).goal != "Annat mål"
        assert s.get(FollowUpRound, open_round).closed is False


def test_a_manager_cannot_write_in_a_closed_round(demo_database, open_round) -> None:  # noqa: ANN001
    with demo_database.write() as s:
        q.set_round_closed(open_round, True, session=s)
    manager = as_role(demo_database, MANAGER, ("Hemtjänsten",))
    with pytest.raises(Exception) as refused, manager.write() as s:
        q.update_entry(open_round, HEMTJANSTEN_ACTIVITY, session=s, status="done")
    assert refused.value.key in ("error.round_closed", "error.access_denied")
    assert entry(demo_database, open_round, HEMTJANSTEN_ACTIVITY).status != "done"


def test_a_manager_may_undo_their_own_tick_but_not_a_coordinators_change(demo_database, open_round) -> None:  # noqa: ANN001
    manager = as_role(demo_database, MANAGER, ("Hemtjänsten",))
    with manager.write() as s:
        q.update_entry(open_round, HEMTJANSTEN_ACTIVITY, session=s, status="cancelled")
    with manager.write() as s:
        assert undo_last(s, plan_id=1) is not None
    assert entry(demo_database, open_round, HEMTJANSTEN_ACTIVITY).status != "cancelled"
    with demo_database.write() as s:  # the coordinator renames an activity
        update_row(s, Activity, 7, {"goal": "Nytt mål"}, expected_version=None, plan_id=1)
    with pytest.raises(AccessDeniedError), manager.write() as s:
        undo_last(s, plan_id=1)
    with demo_database.read() as s:
        assert s.get(Activity, 7).goal == "Nytt mål"


def test_a_viewer_writes_nothing(demo_database, open_round) -> None:  # noqa: ANN001
    viewer = as_role(demo_database, VIEWER)
    attempts = [
        lambda s: q.update_entry(open_round, HEMTJANSTEN_ACTIVITY, session=s, status="done"),
        lambda s: update_row(s, Activity, 6, {"goal": "x"}, expected_version=None, plan_id=1),
        lambda s: q.start_round(1, session=s, name="Extra", day=dt.date(2025, 12, 2)),
        lambda s: undo_last(s, plan_id=1),
    ]
    for attempt in attempts:
        with pytest.raises(AccessDeniedError) as refused, viewer.write() as s:
            attempt(s)
        assert refused.value.message("en") == "Not allowed: you have read access and cannot change anything."
    with demo_database.read() as s:
        assert len(q.list_rounds(1, session=s)) == 3
        assert not entry(demo_database, open_round, HEMTJANSTEN_ACTIVITY).reviewed


def test_a_managers_reads_are_limited_to_their_units_and_plans(demo_database, open_round) -> None:  # noqa: ANN001
    manager = as_role(demo_database, MANAGER, ("Hemtjänsten",))
    with manager.read() as s:
        rows = q.checklist(open_round, session=s).rows
        counts = q.status_counts(open_round, session=s)
        asked_for_more = q.checklist(open_round, session=s, units=["Särskilt boende"]).rows
        mine = q.open_rounds_for_units(session=s)
    assert rows and {r.unit for r in rows} == {"Hemtjänsten"}
    assert sum(c.count for c in counts) == len(rows) == 10
    assert asked_for_more == ()
    assert [(r.round_id, r.activities) for r in mine] == [(open_round, 10)]
    # A plan without any of their units is not theirs to read.
    with demo_database.write() as s:
        s.execute(Unit.__table__.update().where(Unit.plan_id == 1).values(name=Unit.name + " 2"))
    with pytest.raises(AccessDeniedError), manager.read() as s:
        q.checklist(open_round, session=s)
    with manager.read() as s:
        assert q.open_rounds_for_units(session=s) == ()


def test_the_terminal_is_a_coordinator_and_the_server_hands_the_role_over() -> None:
    assert from_environment({}).role == COORDINATOR
    handed = Principal(name="anna", role=MANAGER, units=frozenset({"Hemtjänsten", "Särskilt, boende"}))
    assert from_environment(handed.environment()) == handed
    assert from_environment({"HRPLAN_ROLE": "admin"}).role == VIEWER  # never more than meant
    assert from_environment({"HRPLAN_ROLE": "manager", "HRPLAN_UNITS": "not json"}).units == frozenset()


def test_a_managers_list_of_plans_holds_only_theirs(demo_database) -> None:  # noqa: ANN001
    from db.queries.plan_list import list_plans
    from db.queries.plans import create_plan
    from models.plan import PlanCreate

    with demo_database.write() as s:
        data = PlanCreate(title="Annan förvaltning 2025-2027", period_start=2025, period_end=2027)
        other = create_plan(data, session=s).id
    manager = as_role(demo_database, MANAGER, ("Hemtjänsten",))
    with manager.read() as s:
        assert [p.id for p in list_plans(session=s)] == [1]
    with demo_database.read() as s:
        assert {p.id for p in list_plans(session=s)} == {1, other}


def test_a_managers_export_holds_only_their_units_in_every_format(demo_database, open_round) -> None:  # noqa: ANN001
    from db.queries.export import gather_export, gather_report
    from exporters import export_bytes

    with demo_database.read() as s:
        whole = gather_export(1, session=s)
    manager = as_role(demo_database, MANAGER, ("Hemtjänsten",))
    with manager.read() as s:
        mine = gather_export(1, session=s)
        report = gather_report(1, session=s)
    names = {u.name for u in whole.units}
    assert {"Hemtjänsten", "Särskilt boende"} <= names
    for data in (mine, report):
        assert [u.name for u in data.units] == ["Hemtjänsten"]
        assert data.progress.total == len(data.units[0].activities) < whole.progress.total
        assert all(k.unit in (None, "Hemtjänsten") for k in data.key_figures)
    other = next(u for u in whole.units if u.name == "Särskilt boende").activities[0].goal
    own = mine.units[0].activities[0].goal
    for fmt in ("md", "csv", "html"):
        text = export_bytes(mine, what="summary", fmt=fmt, lang="sv").decode("utf-8")
        assert own in text and other not in text
