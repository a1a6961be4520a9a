"""Narrative sections of the plan and its units: written, renamed, reordered, undone, copied."""

import pytest
from sqlalchemy import select

from db.changes import undo_last
from db.engine import Database
from db.errors import ConflictError, InvalidInputError, NotFoundError
from db.queries.plans import copy_plan, create_plan
from db.queries.sections import (
    add_section,
    count_words,
    delete_section,
    get_section,
    list_sections,
    sections_of,
    shift_section,
    update_section,
    write_section,
)
from db.queries.units import UnitFields, add_unit, list_units, update_unit
from i18n import set_language
from models.changelog import ChangeLog
from models.plan import PlanCreate

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


@pytest.fixture
def plan(database: Database) -> int:
    with database.write() as s:
        return create_plan(PlanCreate(title="Plan", period_start=2025, period_end=2027), session=s).id


@pytest.fixture
def unit(database: Database, plan: int) -> int:
    with database.write() as s:
        return add_unit(plan, UnitFields(name="Hemtjänsten"), session=s)


def _kinds(database: Database, plan: int, unit: int | None) -> list[str]:
    with database.read() as s:
        return [row.kind for row in sections_of(plan, unit, session=s)]


def test_standard_sections_take_their_place_whatever_order_they_are_written_in(
    database: Database, plan: int, unit: int
) -> None:
    with database.write() as s:
        for kind in ("risks", "free", "tasks", "analysis"):
            add_section(plan, session=s, kind=kind, unit_id=unit, title="Kompetens" if kind == "free" else "",
                        body=f"Text om {kind}")  # fmt: skip
        add_section(plan, session=s, kind="conclusion", body="Slut")
        add_section(plan, session=s, kind="introduction", body="Början")
    assert _kinds(database, plan, unit) == ["tasks", "analysis", "risks", "free"]
    assert _kinds(database, plan, None) == ["introduction", "conclusion"]
    with database.read() as s:
        everything = list_sections(plan, session=s)
    assert [r.unit_id for r in everything] == [None, None, unit, unit, unit, unit]
    assert [r.heading for r in everything][:3] == ["Inledning", "Avslutning", "Uppgifter"]
    set_language("en")
    assert everything[2].heading == "Tasks"
    assert everything[5].heading == "Kompetens"


def test_a_standard_kind_once_per_owner_and_only_where_it_belongs(
    database: Database, plan: int, unit: int
) -> None:
    with database.write() as s:
        add_section(plan, session=s, kind="analysis", unit_id=unit)
    with database.write() as s, pytest.raises(InvalidInputError) as caught:
        add_section(plan, session=s, kind="analysis", unit_id=unit)
    assert caught.value.message() == "Avsnittet Analys finns redan"
    with database.write() as s, pytest.raises(InvalidInputError):
        add_section(plan, session=s, kind="analysis")  # a unit's kind on the plan
    with database.write() as s, pytest.raises(InvalidInputError):
        add_section(plan, session=s, kind="introduction", unit_id=unit)
    with database.write() as s, pytest.raises(InvalidInputError) as caught:
        add_section(plan, session=s, kind="free", title="   ")
    assert caught.value.message().startswith("Rubrik")
    with database.write() as s, pytest.raises(InvalidInputError):
        add_section(plan, session=s, kind="poem")
    with database.write() as s, pytest.raises(InvalidInputError) as caught:
        add_section(plan, session=s, kind="conclusion", body="a\x00b")
    assert caught.value.message().startswith("Text")
    assert _kinds(database, plan, unit) == ["analysis"]


def test_edit_is_versioned_logged_and_undone_in_one_step(database: Database, plan: int) -> None:
    with database.write() as s:
        section = add_section(plan, session=s, kind="introduction", body="Första")
    with database.write() as s:
        assert update_section(section, session=s, title="Om planen", body="# Rubrik\n\n- *en*\n- två",
                              expected_version=1)  # fmt: skip
    with database.read() as s:
        row = get_section(section, session=s)
        logged = s.execute(select(ChangeLog.field).where(ChangeLog.entity == "section")).scalars().all()
    assert (row.title, row.body, row.version, row.heading) == ("Om planen", "# Rubrik\n\n- *en*\n- två", 2,
                                                                "Om planen")  # fmt: skip
    assert sorted(logged) == ["*", "body", "title"]
    with database.write() as s, pytest.raises(ConflictError):
        update_section(section, session=s, body="Gammal bild", expected_version=1)
    with database.write() as s:
        undo_last(s, plan_id=plan)
    with database.read() as s:
        row = get_section(section, session=s)
    assert (row.title, row.body, row.heading) == ("", "Första", "Inledning")


def test_an_empty_title_gives_the_kind_its_name_back(database: Database, plan: int, unit: int) -> None:
    with database.write() as s:
        section = add_section(plan, session=s, kind="tasks", unit_id=unit, title="Vårt uppdrag")
    with database.write() as s:
        update_section(section, session=s, title="")
    with database.read() as s:
        assert get_section(section, session=s).heading == "Uppgifter"


def test_reorder_and_delete_with_undo(database: Database, plan: int, unit: int) -> None:
    with database.write() as s:
        ids = [add_section(plan, session=s, kind=k, unit_id=unit) for k in ("tasks", "analysis", "risks")]
    with database.write() as s:
        assert shift_section(ids[2], -1, session=s)
        assert not shift_section(ids[0], -1, session=s)
    assert _kinds(database, plan, unit) == ["tasks", "risks", "analysis"]
    with database.write() as s:
        delete_section(ids[1], session=s)
    assert _kinds(database, plan, unit) == ["tasks", "risks"]
    with database.write() as s:
        undo_last(s, plan_id=plan)
    assert _kinds(database, plan, unit) == ["tasks", "risks", "analysis"]
    with database.write() as s, pytest.raises(NotFoundError):
        delete_section(99_999, session=s)


def test_sections_of_a_unit_go_with_it_and_come_back_with_undo(
    database: Database, plan: int, unit: int
) -> None:
    from db.queries.units import delete_unit

    with database.write() as s:
        add_section(plan, session=s, kind="analysis", unit_id=unit, body="Analys av läget")
    with database.write() as s:
        delete_unit(unit, session=s)
    assert _kinds(database, plan, unit) == []
    with database.write() as s:
        undo_last(s, plan_id=plan)
    assert _kinds(database, plan, unit) == ["analysis"]


def test_unit_editor_risk_text_is_the_riskanalys_section(database: Database, plan: int) -> None:
    with database.write() as s:
        unit = add_unit(plan, UnitFields(name="Vård", risk_analysis="Pensionsavgångar"), session=s)
    with database.read() as s:
        rows = sections_of(plan, unit, session=s)
        assert [(r.kind, r.body) for r in rows] == [("risks", "Pensionsavgångar")]
        version = list_units(plan, session=s)[0].version
    with database.write() as s:
        assert update_unit(unit, UnitFields(name="Vård", risk_analysis="Ny risk"), session=s,
                           expected_version=version)  # fmt: skip
        assert not update_unit(unit, UnitFields(name="Vård"), session=s)  # None: left as it is
    with database.read() as s:
        assert list_units(plan, session=s)[0].risk_analysis == "Ny risk"
        assert len(sections_of(plan, unit, session=s)) == 1


def test_write_section_by_kind_joins_a_larger_change(database: Database, plan: int, unit: int) -> None:
    from db.changes import ChangeSet

    with database.write() as s:
        changes = ChangeSet(s, plan_id=plan)
        write_section(plan, session=s, kind="introduction", body="Ett", changes=changes)
        write_section(plan, session=s, kind="introduction", body="Två", changes=changes)
        write_section(plan, session=s, kind="future_needs", unit_id=unit, body="Framåt", changes=changes)
        batch = changes.batch
    with database.read() as s:
        assert [r.body for r in list_sections(plan, session=s)] == ["Två", "Framåt"]
        batches = set(s.execute(select(ChangeLog.batch).where(ChangeLog.entity == "section")).scalars())
    assert batches == {batch}
    with database.write() as s:
        undo_last(s, plan_id=plan)
    with database.read() as s:
        assert list_sections(plan, session=s) == []


def test_copy_to_the_next_period_takes_the_sections_along(database: Database, plan: int, unit: int) -> None:
    with database.write() as s:
        add_section(plan, session=s, kind="introduction", body="Inledande text")
        add_section(plan, session=s, kind="risks", unit_id=unit, body="Risk")
    with database.write() as s:
        copy = copy_plan(plan, session=s, title="Plan 2028", period_start=2028, period_end=2030)
    with database.read() as s:
        copied = list_sections(copy, session=s)
        new_unit = list_units(copy, session=s)[0].id
    assert [(r.kind, r.body, r.unit_id) for r in copied] == [
        ("introduction", "Inledande text", None), ("risks", "Risk", new_unit)
    ]


def test_words_are_counted_without_markdown_marks() -> None:
    assert count_words("") == 0
    assert count_words("# Rubrik\n\n- *första* punkten\n- **andra** – här") == 5
    assert count_words("Åsa's kompetens-försörjning 2025") == 3
