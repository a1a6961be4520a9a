"""Writes go through the change log and can be undone, also from a new process."""

from datetime import date

import pytest
from sqlalchemy import func, select

from db.changes import ChangeSet, undo_last
from db.engine import Database
from db.errors import ConflictError
from db.queries.plans import create_plan
from models.activity import Activity
from models.area import UBARA_AREAS, Area
from models.followup import FollowUpEntry, FollowUpRound
from models.plan import Plan, PlanCreate
from models.unit import Unit

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


def _plan(database: Database) -> int:
    with database.write() as s:
        return create_plan(PlanCreate(title="Plan", period_start=2025, period_end=2027), session=s).id


def _count(database: Database, model) -> int:
    with database.read() as s:
        return s.execute(select(func.count()).select_from(model)).scalar()


def test_new_plan_gets_ubara_areas_in_order(database: Database) -> None:
    plan_id = _plan(database)
    with database.read() as s:
        names = s.execute(
            select(Area.name).where(Area.plan_id == plan_id).order_by(Area.position)
        ).scalars().all()
    assert tuple(names) == UBARA_AREAS


def test_update_logs_and_undo_restores(database: Database) -> None:
    plan_id = _plan(database)
    with database.write() as s:
        plan = s.get(Plan, plan_id)
        changed = ChangeSet(s, plan_id=plan_id).update(plan, {"title": "Ny titel", "period_end": 2028})
    assert set(changed) == {"title", "period_end"}
    with database.read() as s:
        assert s.get(Plan, plan_id).version == 2
    # A new Database object stands for a restart: undo comes from the log on disk.
    again = Database(database.target)
    with again.write() as s:
        result = undo_last(s, plan_id=plan_id)
    assert result is not None and result.changes == 2
    with again.read() as s:
        plan = s.get(Plan, plan_id)
        assert (plan.title, plan.period_end) == ("Plan", 2027)
    again.dispose()


def test_delete_with_cascade_and_undo_puts_everything_back(database: Database) -> None:
    plan_id = _plan(database)
    with database.write() as s:
        area = s.execute(select(Area).where(Area.plan_id == plan_id)).scalars().first()
        cs = ChangeSet(s, plan_id=plan_id)
        unit = cs.insert(Unit(plan_id=plan_id, name="Hemtjänsten", date=date(2024, 10, 1)))
        act = cs.insert(Activity(plan_id=plan_id, unit_id=unit.id, area_id=area.id, goal="Mål"))
        rnd = cs.insert(FollowUpRound(plan_id=plan_id, name="T1 2025", date=date(2025, 4, 30)))
        cs.insert(FollowUpEntry(round_id=rnd.id, activity_id=act.id, status="done", comment="ok"))
    with database.write() as s:
        ChangeSet(s, plan_id=plan_id).delete(s.get(Unit, unit.id))
    assert _count(database, Activity) == 0 and _count(database, FollowUpEntry) == 0
    with database.write() as s:
        undo_last(s, plan_id=plan_id)
    assert _count(database, Unit) == 1 and _count(database, Activity) == 1
    with database.read() as s:
        entry = s.execute(select(FollowUpEntry)).scalars().one()
        assert (entry.status, entry.comment) == ("done", "ok")
        assert s.get(Unit, unit.id).date == date(2024, 10, 1)


def test_undo_of_insert_removes_row(database: Database) -> None:
    plan_id = _plan(database)
    with database.write() as s:
        area_id = s.execute(select(Area.id).where(Area.plan_id == plan_id)).scalars().first()
        ChangeSet(s, plan_id=plan_id).insert(Activity(plan_id=plan_id, area_id=area_id, goal="x"))
    with database.write() as s:
        undo_last(s, plan_id=plan_id)
    assert _count(database, Activity) == 0


def test_undo_goes_back_step_by_step_and_then_stops(database: Database) -> None:
    plan_id = _plan(database)
    for i in range(25):
        with database.write() as s:
            ChangeSet(s, plan_id=plan_id).update(s.get(Plan, plan_id), {"notes": f"steg {i}"})
    for _ in range(25):
        with database.write() as s:
            assert undo_last(s, plan_id=plan_id) is not None
    with database.read() as s:
        assert s.get(Plan, plan_id).notes == ""
    with database.write() as s:
        assert undo_last(s, plan_id=plan_id) is not None  # the plan's creation itself
    assert _count(database, Plan) == 0
    with database.write() as s:
        assert undo_last(s, plan_id=plan_id) is None


def test_stale_version_is_a_conflict_and_writes_nothing(database: Database) -> None:
    plan_id = _plan(database)
    with database.write() as s:
        ChangeSet(s, plan_id=plan_id).update(s.get(Plan, plan_id), {"title": "Först"})
    with pytest.raises(ConflictError):
        with database.write() as s:
            ChangeSet(s, plan_id=plan_id).update(s.get(Plan, plan_id), {"title": "Sen"}, expected_version=1)
    with database.read() as s:
        assert s.get(Plan, plan_id).title == "Först"


def test_database_refuses_what_code_should_never_write(database: Database) -> None:
    from db.errors import InvalidInputError

    plan_id = _plan(database)
    with pytest.raises(InvalidInputError):  # the CHECK constraint, told as a clear refusal
        with database.write() as s:
            area_id = s.execute(select(Area.id)).scalars().first()
            s.add(Activity(plan_id=plan_id, area_id=area_id, goal=" ", description=""))
    with pytest.raises(InvalidInputError):
        with database.write() as s:
            s.add(FollowUpRound(plan_id=plan_id, name="T1", date=date(2025, 1, 1)))
            s.flush()
            s.add(FollowUpEntry(round_id=1, activity_id=999, status="klar"))
    assert _count(database, FollowUpRound) == 0
