"""The query functions behind the plan screen and its editors, against a real database file."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from db.changes import undo_last
from db.engine import Database
from db.errors import ConflictError, InvalidInputError
from db.queries.activities import (
    add_activity,
    delete_activity,
    get_activity,
    list_activities,
    move_activity,
    shift_activity,
    update_activity,
)
from db.queries.areas import add_area, delete_area, list_areas, rename_area, reset_to_ubara, shift_area
from db.queries.keyfigures import (
    KeyFigureFields,
    add_key_figure,
    delete_key_figure,
    list_key_figures,
    trends,
    update_key_figure,
)
from db.queries.plans import create_plan
from db.queries.undo import undo_latest
from db.queries.units import UnitFields, add_unit, delete_unit, list_units, shift_unit, unit_activity_titles
from db.queries.units import update_unit as save_unit
from models.activity import Activity
from models.activity_rules import ActivityFields, check_activity
from models.area import UBARA_AREAS
from models.plan import PlanCreate

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


@pytest.fixture
def plan(database: Database) -> int:
    with database.write() as s:
        return create_plan(PlanCreate(title="Plan", period_start=2025, period_end=2027), session=s).id


def _areas(database: Database, plan_id: int) -> dict[str, int]:
    with database.read() as s:
        return {a.name: a.id for a in list_areas(plan_id, session=s)}


def test_add_activity_reads_the_target_date_and_numbers_it(database: Database, plan: int) -> None:
    areas = _areas(database, plan)
    with database.write() as s:
        unit = add_unit(
            plan, UnitFields(name="Hemtjänsten", manager="Karin", date=date(2024, 10, 1)), session=s
        )
        first = add_activity(
            plan,
            ActivityFields(area_id=areas["Utveckla"], unit_id=unit, goal="  Mål  ", target_text="T2 2025"),
            session=s,
        )
        second = add_activity(
            plan, ActivityFields(area_id=areas["Utveckla"], unit_id=unit, description="Hur"), session=s
        )
    with database.read() as s:
        row = get_activity(first, session=s)
        rows = list_activities(plan, session=s)
    assert (row.goal, row.target_date, row.number, row.unit_name, row.area_name) == (
        "Mål",
        date(2025, 8, 31),
        1,
        "Hemtjänsten",
        "Utveckla",
    )
    assert row.status == "not_started"
    assert [r.id for r in rows] == [first, second]
    assert [r.position for r in rows] == [0, 1] and rows[1].number == 2


def test_activity_needs_goal_or_description_and_refuses_control_chars(database: Database, plan: int) -> None:
    areas = _areas(database, plan)
    _, errors = check_activity(ActivityFields(area_id=1, goal="  ", description=""))
    assert errors["goal"].key == "invalid.goal_or_description"
    _, errors = check_activity(ActivityFields(area_id=1, goal="ok", responsible="a\x00b"))
    assert errors["responsible"].key == "invalid.control_chars"
    _, errors = check_activity(ActivityFields(area_id=1, goal="ok", target_text="x" * 101))
    assert errors["target_text"].key == "invalid.too_long"
    with pytest.raises(InvalidInputError), database.write() as s:
        add_activity(plan, ActivityFields(area_id=areas["Behålla"]), session=s)
    with database.read() as s:
        assert list_activities(plan, session=s) == []


def test_update_with_stale_version_is_a_conflict(database: Database, plan: int) -> None:
    areas = _areas(database, plan)
    with database.write() as s:
        aid = add_activity(plan, ActivityFields(area_id=areas["Utveckla"], goal="A"), session=s)
    with database.read() as s:
        row = get_activity(aid, session=s)
    with database.write() as s:
        assert update_activity(
            aid,
            replace(row.fields(), goal="B", target_text="Löpande"),
            session=s,
            expected_version=row.version,
        )
    with database.read() as s:
        again = get_activity(aid, session=s)
    assert (again.goal, again.ongoing, again.version) == ("B", True, row.version + 1)
    with pytest.raises(ConflictError), database.write() as s:
        update_activity(aid, replace(row.fields(), goal="C"), session=s, expected_version=row.version)


def test_move_puts_it_last_in_the_new_place_and_shift_reorders(database: Database, plan: int) -> None:
    areas = _areas(database, plan)
    with database.write() as s:
        unit = add_unit(plan, UnitFields(name="Boendet"), session=s)
        ids = [
            add_activity(plan, ActivityFields(area_id=areas["Utveckla"], goal=f"A{i}"), session=s)
            for i in range(3)
        ]
        other = add_activity(
            plan, ActivityFields(area_id=areas["Behålla"], unit_id=unit, goal="B"), session=s
        )
    with database.write() as s:
        assert move_activity(ids[0], unit_id=unit, area_id=areas["Behålla"], session=s)
    with database.write() as s:
        assert not move_activity(ids[0], unit_id=unit, area_id=areas["Behålla"], session=s)
    with database.read() as s:
        moved = get_activity(ids[0], session=s)
        assert (moved.unit_id, moved.area_name, moved.position) == (unit, "Behålla", 1)
        assert get_activity(other, session=s).position == 0
    with database.write() as s:
        assert shift_activity(ids[2], -1, session=s)
    with database.write() as s:
        assert not shift_activity(ids[2], -1, session=s)  # already first
    with database.read() as s:
        whole = [r.goal for r in list_activities(plan, session=s) if r.unit_id is None]
    assert whole == ["A2", "A1"]
    with database.write() as s:
        undo_last(s, plan_id=plan)
    with database.read() as s:
        assert [r.goal for r in list_activities(plan, session=s) if r.unit_id is None] == ["A1", "A2"]


def test_delete_activity_and_undo_with_summary(database: Database, plan: int) -> None:
    areas = _areas(database, plan)
    with database.write() as s:
        aid = add_activity(plan, ActivityFields(area_id=areas["Utveckla"], goal="A"), session=s)
    with database.write() as s:
        delete_activity(aid, session=s)
    with database.read() as s:
        assert s.get(Activity, aid) is None
    with database.write() as s:
        summary = undo_latest(session=s, plan_id=plan)
    assert (summary.entity, summary.kind, summary.name) == ("activity", "delete", "A")
    with database.write() as s:
        summary = undo_latest(session=s, plan_id=plan)
    assert (summary.kind, summary.name) == ("insert", "A")
    with database.read() as s:
        assert s.get(Activity, aid) is None


def test_units_add_edit_reorder_delete_with_activities(database: Database, plan: int) -> None:
    areas = _areas(database, plan)
    with database.write() as s:
        a = add_unit(plan, UnitFields(name="A"), session=s)
        b = add_unit(plan, UnitFields(name="B", risk_analysis="Risk\nrad två"), session=s)
        add_activity(plan, ActivityFields(area_id=areas["Utveckla"], unit_id=b, goal="Mål B"), session=s)
    with pytest.raises(InvalidInputError), database.write() as s:
        add_unit(plan, UnitFields(name=" a "), session=s)  # same name, other case
    with pytest.raises(InvalidInputError), database.write() as s:
        add_unit(plan, UnitFields(name=""), session=s)
    with database.write() as s:
        shift_unit(b, -1, session=s)
    with database.read() as s:
        units = list_units(plan, session=s)
        assert [u.name for u in units] == ["B", "A"]
        assert units[0].activity_count == 1 and units[0].risk_analysis == "Risk\nrad två"
        assert unit_activity_titles(b, session=s) == ["Mål B"]
    with database.write() as s:
        save_unit(a, UnitFields(name="A2", manager="Chef"), session=s, expected_version=units[1].version)
    with database.write() as s:
        delete_unit(b, session=s)
    with database.read() as s:
        assert [u.name for u in list_units(plan, session=s)] == ["A2"]
        assert list_activities(plan, session=s) == []
    with database.write() as s:
        undo_last(s, plan_id=plan)
    with database.read() as s:
        assert len(list_activities(plan, session=s)) == 1


def test_areas_rename_reorder_delete_only_empty_and_reset(database: Database, plan: int) -> None:
    areas = _areas(database, plan)
    with database.write() as s:
        own = add_area(plan, "Arbetsmiljö", session=s)
        add_activity(plan, ActivityFields(area_id=own, goal="Mål"), session=s)
        rename_area(areas["Övrigt"], "Annat", session=s)
        shift_area(own, -1, session=s)
    with database.read() as s:
        names = [a.name for a in list_areas(plan, session=s)]
    assert names[-2:] == ["Arbetsmiljö", "Annat"]
    with pytest.raises(InvalidInputError) as refused, database.write() as s:
        delete_area(own, session=s)
    assert "Arbetsmiljö" in refused.value.message()
    with pytest.raises(InvalidInputError) as refused, database.write() as s:
        reset_to_ubara(plan, session=s)
    assert "Arbetsmiljö (1)" in refused.value.message()
    with pytest.raises(InvalidInputError), database.write() as s:
        rename_area(own, "utveckla", session=s)
    with database.write() as s:
        aid = s.execute(select(Activity.id)).scalar()
        move_activity(aid, unit_id=None, area_id=areas["Behålla"], session=s)
    with database.write() as s:
        reset_to_ubara(plan, session=s)
    with database.read() as s:
        assert tuple(a.name for a in list_areas(plan, session=s)) == UBARA_AREAS
    with database.write() as s:
        undo_last(s, plan_id=plan)
    with database.read() as s:
        assert "Annat" in [a.name for a in list_areas(plan, session=s)]


def test_key_figures_add_edit_delete_and_trends(database: Database, plan: int) -> None:
    with database.write() as s:
        unit = add_unit(plan, UnitFields(name="Hemtjänsten"), session=s)
        k1 = add_key_figure(plan, KeyFigureFields(unit, "sjukfrånvaro", "2025", None, 9.1), session=s)
        add_key_figure(plan, KeyFigureFields(unit, "sjukfrånvaro", "2024", None, 9.8), session=s)
        k3 = add_key_figure(plan, KeyFigureFields(None, "sjukfrånvaro", "2024", None, 8.0), session=s)
    with pytest.raises(InvalidInputError), database.write() as s:
        add_key_figure(plan, KeyFigureFields(None, "x", "2024", None, 140.0), session=s)
    with database.write() as s:
        update_key_figure(k1, KeyFigureFields(unit, "sjukfrånvaro", "2025", 12, 9.5), session=s)
        delete_key_figure(k3, session=s)
    with database.read() as s:
        rows = list_key_figures(plan, session=s)
    assert [(r.period_label, r.count, r.share) for r in rows] == [("2024", None, 9.8), ("2025", 12, 9.5)]
    (trend,) = trends(rows)
    assert (trend.unit_name, trend.periods, trend.shares) == ("Hemtjänsten", ("2024", "2025"), (9.8, 9.5))


def test_plan_screen_reads_activities_as_tuples_and_counts_per_place(demo_database: Database) -> None:
    from db.queries.activities import activity_values, first_activity_values, place_counts
    from models.plan_activities import ActivityRow, PlaceCounts, owners_in_order

    with demo_database.read() as s:
        rows = list_activities(1, session=s)
        values = activity_values(1, session=s)
        head = activity_values(1, session=s, limit=7)
        places = PlaceCounts(place_counts(1, session=s))
        units = list_units(1, session=s)
        areas = list_areas(1, session=s)
    assert len(rows) == 33 and all(type(v) is tuple for v in values)
    assert [ActivityRow.from_values(v) for v in values] == rows  # the same rows, in the same order
    assert head == values[:7]
    owners = owners_in_order(((u.id, u.position) for u in units), places.by_unit)
    assert owners == [None] + [u.id for u in units]
    with demo_database.read() as s:  # the first screenful owner by owner: the same rows as the whole
        for limit in (3, 5, 7, 16, 40):
            assert first_activity_values(1, owners, session=s, limit=limit) == values[:limit]
    assert places.total == 33 and places.by_unit[None] == sum(1 for r in rows if r.unit_id is None)
    assert {u.id: u.activity_count for u in units} == {u.id: places.by_unit.get(u.id, 0) for u in units}
    assert {a.id: a.activity_count for a in areas} == {a.id: places.by_area.get(a.id, 0) for a in areas}
    with demo_database.read() as s:  # counted by the caller: the same rows without counting again
        assert list_units(1, session=s, activity_counts=places.by_unit) == units
        assert list_areas(1, session=s, activity_counts=places.by_area) == areas
