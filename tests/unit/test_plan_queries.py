"""Plans as a whole: details, edit, archive, delete with its counts, copy to a new period, undo."""

import pytest
from sqlalchemy import select

from db.changes import undo_last
from db.errors import ConflictError, InvalidInputError
from db.queries.plan_list import list_plans
from db.queries.plans import (
    copy_plan,
    delete_plan,
    next_period,
    plan_dependents,
    plan_details,
    set_plan_status,
    title_for_period,
    update_plan,
)
from db.queries.status import current_statuses
from db.queries.undo import undo_latest
from models.activity import Activity
from models.followup import FollowUpRound
from models.keyfigure import KeyFigure
from models.unit import Unit

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


def _demo_id(database) -> int:  # noqa: ANN001
    with database.read() as session:
        return list_plans(session=session)[0].id


def test_dependents_count_what_the_demo_plan_holds(demo_database) -> None:  # noqa: ANN001
    plan_id = _demo_id(demo_database)
    with demo_database.read() as session:
        counts = plan_dependents(plan_id, session=session)
        statuses = current_statuses(plan_id, session=session)
    assert (counts.units, counts.areas, counts.activities) == (3, 7, 33)
    assert (counts.rounds, counts.entries, counts.key_figures) == (2, 66, 14)
    assert counts.unfinished == sum(1 for s in statuses.values() if s not in ("done", "cancelled"))
    assert 0 < counts.unfinished < counts.activities


def test_update_checks_the_version_and_the_period(demo_database) -> None:  # noqa: ANN001
    plan_id = _demo_id(demo_database)
    with demo_database.read() as session:
        before = plan_details(plan_id, session=session)
    with demo_database.write() as session:
        changed = update_plan(plan_id, {"title": "Ny titel", "period_end": 2028},
                              expected_version=before.version, session=session)  # fmt: skip
    assert set(changed) == {"title", "period_end"}
    with demo_database.read() as session:
        after = plan_details(plan_id, session=session)
    assert (after.title, after.period_end, after.version) == ("Ny titel", 2028, before.version + 1)
    with pytest.raises(ConflictError), demo_database.write() as session:
        update_plan(plan_id, {"title": "Stale"}, expected_version=before.version, session=session)
    with pytest.raises(InvalidInputError), demo_database.write() as session:
        update_plan(plan_id, {"period_start": 2030}, expected_version=after.version, session=session)
    with demo_database.read() as session:
        assert plan_details(plan_id, session=session).title == "Ny titel"


def test_archive_hides_from_the_active_list_and_undo_restores(demo_database) -> None:  # noqa: ANN001
    plan_id = _demo_id(demo_database)
    with demo_database.write() as session:
        assert set_plan_status(plan_id, "archived", session=session)
    with demo_database.read() as session:
        assert list_plans(session=session, include_archived=False) == []
        assert list_plans(session=session)[0].status == "archived"
    with demo_database.write() as session:
        assert not set_plan_status(plan_id, "archived", session=session)
        undone = undo_latest(session=session)
    assert (undone.kind, undone.entity) == ("update", "plan")
    with demo_database.read() as session:
        assert plan_details(plan_id, session=session).status == "active"


def test_delete_takes_everything_and_undo_puts_it_back(demo_database) -> None:  # noqa: ANN001
    plan_id = _demo_id(demo_database)
    with demo_database.write() as session:
        gone = delete_plan(plan_id, session=session)
    assert (gone.units, gone.activities, gone.rounds, gone.key_figures) == (3, 33, 2, 14)
    with demo_database.read() as session:
        assert list_plans(session=session) == []
        for model in (Unit, Activity, FollowUpRound, KeyFigure):
            assert session.execute(select(model)).first() is None
    with demo_database.write() as session:
        undone = undo_latest(session=session)
    assert (undone.kind, undone.name) == ("delete", "Kompetensförsörjningsplan 2025–2027")
    with demo_database.read() as session:
        assert plan_dependents(plan_id, session=session) == gone


def test_delete_refuses_a_stale_version(demo_database) -> None:  # noqa: ANN001
    plan_id = _demo_id(demo_database)
    with pytest.raises(ConflictError), demo_database.write() as session:
        delete_plan(plan_id, expected_version=99, session=session)


def test_next_period_and_title() -> None:
    assert next_period(2025, 2027) == (2028, 2030)
    assert next_period(2024, 2024) == (2025, 2025)
    assert title_for_period("Plan 2025–2027", (2025, 2027), (2028, 2030)) == "Plan 2028–2030"
    assert title_for_period("Plan 2025 - 2027", (2025, 2027), (2028, 2030)) == "Plan 2028 - 2030"
    assert title_for_period("Plan 2024", (2024, 2024), (2025, 2025)) == "Plan 2025"
    assert title_for_period("Plan 20250", (2025, 2025), (2026, 2026)) == "Plan 20250"
    assert title_for_period("Personalstrategi", (2025, 2027), (2028, 2030)) == "Personalstrategi"


def test_copy_brings_units_areas_and_unfinished_activities(demo_database) -> None:  # noqa: ANN001
    source_id = _demo_id(demo_database)
    with demo_database.read() as session:
        source = plan_dependents(source_id, session=session)
        statuses = current_statuses(source_id, session=session)
        unfinished_goals = sorted(
            a.goal for a in session.execute(select(Activity).where(Activity.plan_id == source_id)).scalars()
            if statuses[a.id] not in ("done", "cancelled")
        )  # fmt: skip
    with demo_database.write() as session:
        new_id = copy_plan(source_id, title="Plan 2028–2030", period_start=2028, period_end=2030,
                           session=session)  # fmt: skip
    with demo_database.read() as session:
        copy = plan_dependents(new_id, session=session)
        details = plan_details(new_id, session=session)
        activities = session.execute(select(Activity).where(Activity.plan_id == new_id)).scalars().all()
        units = {u.id for u in session.execute(select(Unit).where(Unit.plan_id == new_id)).scalars()}
        new_statuses = set(current_statuses(new_id, session=session).values())
    assert (copy.units, copy.areas) == (source.units, source.areas)
    assert copy.activities == copy.unfinished == source.unfinished
    assert (copy.rounds, copy.key_figures) == (0, 0)
    assert sorted(a.goal for a in activities) == unfinished_goals
    assert new_statuses == {"not_started"}
    assert all(a.follow_up == "" for a in activities)
    assert all(a.unit_id is None or a.unit_id in units for a in activities)
    assert (details.period_start, details.period_end, details.status) == (2028, 2030, "draft")
    assert details.decision_date is None and details.decision_body == "Vård- och omsorgsnämnden"


def test_copy_is_one_undo_step(demo_database) -> None:  # noqa: ANN001
    source_id = _demo_id(demo_database)
    with demo_database.write() as session:
        copy_plan(source_id, title="Kopia", period_start=2028, period_end=2030, session=session)
    with demo_database.write() as session:
        undone = undo_last(session)
    assert undone.entity == "plan"
    with demo_database.read() as session:
        assert [p.id for p in list_plans(session=session)] == [source_id]
        assert len(session.execute(select(Activity.id)).all()) == 33


def test_undo_with_nothing_to_undo(database) -> None:  # noqa: ANN001
    with database.write() as session:
        assert undo_latest(session=session) is None


def test_status_counts_follow_the_rule_also_for_activities_without_an_entry_in_the_latest_round(
    demo_database,  # noqa: ANN001
) -> None:
    from collections import Counter

    from sqlalchemy import text

    from db.queries.status import status_counts_by_plan

    plan_id = _demo_id(demo_database)
    with demo_database.write() as session:
        run = session.execute
        latest = run(text("SELECT id FROM followup_round WHERE plan_id = :p ORDER BY date DESC, id DESC"),
                     {"p": plan_id}).first()[0]  # fmt: skip
        # One activity loses its entry in the latest round (its status falls back to the round
        # before); a new one has no entry at all (not started).
        dropped = run(text("SELECT activity_id FROM followup_entry WHERE round_id = :r ORDER BY activity_id"),
                      {"r": latest}).first()[0]  # fmt: skip
        which = {"r": latest, "a": dropped}
        run(text("DELETE FROM followup_entry WHERE round_id = :r AND activity_id = :a"), which)
        run(text("UPDATE followup_entry SET status = 'cancelled' WHERE activity_id = :a AND round_id <> :r"),
            {"a": dropped, "r": latest})  # fmt: skip
        columns = ", ".join(c.name for c in Activity.__table__.columns if c.name != "id")
        run(text(f"INSERT INTO activity ({columns}) SELECT {columns} FROM activity WHERE id = :a"), which)
    with demo_database.read() as session:
        counts = status_counts_by_plan(session=session)
        expected = Counter(current_statuses(plan_id, session=session).values())
    assert counts[plan_id] == dict(expected)
    assert sum(expected.values()) == 34 and expected["cancelled"] >= 1 and expected["not_started"] >= 1
