"""Hostile text through the query functions the editors call: stored as cleaned, or refused clearly.

Each door is the function an editor's save calls, with the text in one field. A refusal must be a
clear one-line message in both languages and leave the row as it was; a save must store exactly
what the editor's own check would have made of the text. After every door the file has no broken row.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.engine import Database
from db.errors import InvalidInputError
from models.activity_rules import TEXT_FIELDS, check_activity
from tests.reliability.hostile import assert_database_sound, hostile_text, through_door

DOORS = settings(deadline=None, max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])


def first_id(database: Database, model: type) -> int:
    with database.read() as session:
        return session.execute(select(model.id).order_by(model.id)).scalars().first()


def stored(database: Database, model: type, row_id: int, field: str) -> object:
    with database.read() as session:
        return getattr(session.get(model, row_id), field)


def refused(result: object) -> bool:
    if isinstance(result, BaseException):
        assert isinstance(result, InvalidInputError), repr(result)
        return True
    return False


# ---- activity editor -------------------------------------------------------------------------
@DOORS
@given(field=st.sampled_from(sorted(TEXT_FIELDS)), text=hostile_text(), new=st.booleans())
def test_activity_editor_save(demo_database: Database, field: str, text: str, new: bool) -> None:
    from db.queries.activities import add_activity, get_activity, update_activity
    from models.activity import Activity

    activity_id = first_id(demo_database, Activity)
    with demo_database.read() as session:
        row = get_activity(activity_id, session=session)
    data = replace(row.fields(), **{field: text})
    before = getattr(row, field)

    def door(_: str) -> int:
        with demo_database.write() as session:
            if new:
                return add_activity(row.plan_id, data, session=session)
            update_activity(activity_id, data, session=session, expected_version=row.version)
            return activity_id

    result = through_door(door, text)
    cleaned, errors = check_activity(data)
    if refused(result):
        assert field in errors or not getattr(cleaned, field).strip()
        assert stored(demo_database, Activity, activity_id, field) == before
    else:
        assert not errors
        assert stored(demo_database, Activity, result, field) == getattr(cleaned, field)
    assert_database_sound(demo_database.path)


# ---- units, areas, key figures ---------------------------------------------------------------
@DOORS
@given(field=st.sampled_from(["name", "manager", "risk_analysis"]), text=hostile_text())
def test_unit_editor_save(demo_database: Database, field: str, text: str) -> None:
    from db.queries.units import UnitFields, check_unit, list_units, update_unit

    with demo_database.read() as session:
        unit = list_units(1, session=session)[0]
    data = replace(UnitFields(unit.name, unit.manager, unit.date, unit.risk_analysis), **{field: text})

    def door(_: str) -> bool:
        with demo_database.write() as session:
            return update_unit(unit.id, data, session=session, expected_version=unit.version)

    result = through_door(door, text)
    cleaned, errors = check_unit(data)
    with demo_database.read() as session:  # the risk analysis is the unit's Riskanalys section
        now = getattr(next(u for u in list_units(1, session=session) if u.id == unit.id), field)
    if refused(result):
        assert now == getattr(unit, field)
    else:
        assert not errors and now == getattr(cleaned, field)
    assert_database_sound(demo_database.path)


@DOORS
@given(text=hostile_text(), new=st.booleans())
def test_area_editor_save(demo_database: Database, text: str, new: bool) -> None:
    from db.queries.areas import add_area, check_area_name, list_areas, rename_area
    from models.area import Area

    with demo_database.read() as session:
        area = list_areas(1, session=session)[-1]

    def door(_: str) -> int:
        with demo_database.write() as session:
            if new:
                return add_area(1, text, session=session)
            rename_area(area.id, text, session=session, expected_name=area.name)
            return area.id

    result = through_door(door, text)
    if refused(result):
        assert stored(demo_database, Area, area.id, "name") == area.name
    else:
        assert stored(demo_database, Area, result, "name") == check_area_name(text)
    assert_database_sound(demo_database.path)


@DOORS
@given(field=st.sampled_from(["name", "period_label"]), text=hostile_text(), new=st.booleans())
def test_key_figure_editor_save(demo_database: Database, field: str, text: str, new: bool) -> None:
    from db.queries.keyfigures import add_key_figure, check_key_figure, list_key_figures, update_key_figure
    from models.keyfigure import KeyFigure

    with demo_database.read() as session:
        figure = list_key_figures(1, session=session)[0]
    read = figure.fields()
    data = replace(read, **{field: text})

    def door(_: str) -> int:
        with demo_database.write() as session:
            if new:
                return add_key_figure(1, data, session=session)
            update_key_figure(figure.id, data, session=session, expected=read)
            return figure.id

    result = through_door(door, text)
    cleaned, errors = check_key_figure(data)
    if refused(result):
        assert stored(demo_database, KeyFigure, figure.id, field) == getattr(figure, field)
    else:
        assert not errors and stored(demo_database, KeyFigure, result, field) == getattr(cleaned, field)
    assert_database_sound(demo_database.path)


# ---- plan details ----------------------------------------------------------------------------
PLAN_TEXT_FIELDS = ["title", "organisation", "decision_body", "decision_paragraph", "diary_number", "notes"]


@DOORS
@given(field=st.sampled_from(PLAN_TEXT_FIELDS), text=hostile_text())
def test_plan_details_save(demo_database: Database, field: str, text: str) -> None:
    from db.queries.plans import plan_details, update_plan
    from models.plan import Plan

    with demo_database.read() as session:
        details = plan_details(1, session=session)
    before = stored(demo_database, Plan, 1, field)

    def door(_: str) -> object:
        with demo_database.write() as session:
            return update_plan(1, {field: text}, expected_version=details.version, session=session)

    result = through_door(door, text)
    now = stored(demo_database, Plan, 1, field)
    if refused(result):
        assert now == before
    else:
        assert now == text
    assert_database_sound(demo_database.path)


@DOORS
@given(field=st.sampled_from(PLAN_TEXT_FIELDS), text=hostile_text())
def test_new_plan_save(database: Database, field: str, text: str) -> None:
    from pydantic import ValidationError

    from db.queries.plans import create_plan
    from models.plan import Plan, PlanCreate

    values = {"title": "Plan", "period_start": 2025, "period_end": 2027, field: text}

    def door(_: str) -> int:
        data = PlanCreate(**values)  # the form builds the model: pydantic may refuse first
        with database.write() as session:
            return create_plan(data, session=session).id

    result = through_door(door, text)
    if isinstance(result, ValidationError):
        return
    if not refused(result):
        assert stored(database, Plan, result, field) == text
    assert_database_sound(database.path)


# ---- follow-up rounds ------------------------------------------------------------------------
@DOORS
@given(name=hostile_text(), notes=hostile_text(huge=False))
def test_start_round(demo_database: Database, name: str, notes: str) -> None:
    from db.queries.rounds import list_rounds, start_round

    with demo_database.read() as session:
        before = len(list_rounds(1, session=session))

    def door(_: str) -> object:
        with demo_database.write() as session:
            return start_round(1, session=session, name=name, day=date(2026, 5, 4), notes=notes)

    result = through_door(door, name)
    with demo_database.read() as session:
        after = list_rounds(1, session=session)
    assert len(after) == before + (0 if refused(result) else 1)
    assert_database_sound(demo_database.path)


@pytest.fixture
def open_round(demo_database: Database) -> int:
    from db.queries.rounds import start_round

    with demo_database.write() as session:
        return start_round(1, session=session, name="Vår 2026", day=date(2026, 5, 4)).id


@DOORS
@given(comment=hostile_text())
def test_checklist_comment(demo_database: Database, open_round: int, comment: str) -> None:
    from db.queries.rounds import entry_state, update_entry
    from models.activity import Activity
    from models.validation import clean_text

    activity_id = first_id(demo_database, Activity)
    with demo_database.read() as session:
        before = entry_state(open_round, activity_id, session=session)

    def door(_: str) -> object:
        with demo_database.write() as session:
            return update_entry(open_round, activity_id, session=session, status="done", comment=comment)

    result = through_door(door, comment)
    with demo_database.read() as session:
        after = entry_state(open_round, activity_id, session=session)
    if refused(result):
        assert after == before
    else:
        assert after.comment == clean_text(comment, limit=10**9)
    assert_database_sound(demo_database.path)


def test_a_refusal_names_the_field_in_both_languages(demo_database: Database) -> None:
    from db.queries.units import UnitFields, add_unit
    from i18n import set_language

    texts = []
    for lang in ("sv", "en"):
        set_language(lang)
        with pytest.raises(InvalidInputError) as caught, demo_database.write() as session:
            add_unit(1, UnitFields(name="Hem\x00tjänst"), session=session)
        texts.append(caught.value.message())
    assert texts[0] != texts[1] and all("\n" not in text and "\x00" not in text for text in texts)
