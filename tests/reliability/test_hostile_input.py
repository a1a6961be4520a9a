"""Hostile text through every door of this branch: no crash, no broken rows, a clear refusal."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.changes import ChangeSet
from db.engine import Database
from db.errors import InvalidInputError
from db.queries.plans import create_plan
from models.activity import Activity
from models.followup import FollowUpEntry
from models.limits import NAME_MAX, TEXT_MAX
from models.plan import PlanCreate
from models.validation import Invalid, check_year, clean_text
from tests.reliability.hostile import (
    MEGABYTE,
    assert_clear,
    assert_database_sound,
    hostile_text,
    through_door,
)
from tui.cli import main

FIXTURES = settings(
    deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@settings(deadline=None, max_examples=150)
@given(text=hostile_text(), multiline=st.booleans(), limit=st.sampled_from([NAME_MAX, TEXT_MAX]))
def test_clean_text_gives_clean_text_or_a_clear_refusal(text: str, multiline: bool, limit: int) -> None:
    result = through_door(lambda t: clean_text(t, limit=limit, multiline=multiline), text)
    if isinstance(result, Invalid):
        return
    assert len(result) <= limit and result == result.strip()
    assert not any(ord(c) < 32 and c not in "\t\n" for c in result) and "\x7f" not in result
    assert multiline or "\n" not in result
    result.encode("utf-8")


@settings(deadline=None, max_examples=100)
@given(text=hostile_text())
def test_check_year_gives_a_year_or_a_clear_refusal(text: str) -> None:
    result = through_door(check_year, text)
    assert isinstance(result, Invalid) or 1900 <= result <= 2200


def test_right_to_left_names_are_kept_exactly(database: Database) -> None:
    title = "خطة الكفاءات \u200f2025 – Kompetensförsörjning"
    with database.write() as session:
        plan_id = create_plan(PlanCreate(title=title, period_start=2025, period_end=2026), session=session).id
    with database.read() as session:
        from models.plan import Plan

        assert session.get(Plan, plan_id).title == title


@FIXTURES
@given(title=hostile_text(), organisation=hostile_text(huge=False), notes=hostile_text())
def test_create_plan_stores_exactly_or_refuses_and_stores_nothing(
    database: Database, title: str, organisation: str, notes: str
) -> None:
    from sqlalchemy import func, select

    from models.plan import Plan

    def plans() -> int:
        with database.read() as session:
            return session.execute(select(func.count()).select_from(Plan)).scalar()

    before = plans()

    def door(_: str) -> int:
        # model_construct skips pydantic, as a careless importer might: the database door must hold.
        data = PlanCreate.model_construct(title=title, organisation=organisation, notes=notes,
                                          period_start=2025, period_end=2027)  # fmt: skip
        with database.write() as session:
            return create_plan(data, session=session).id

    result = through_door(door, title)
    if isinstance(result, BaseException):
        assert isinstance(result, InvalidInputError) and plans() == before
    else:
        with database.read() as session:
            stored = session.get(Plan, result)
            assert (stored.title, stored.organisation, stored.notes) == (title, organisation, notes)
    assert_database_sound(database.path)


@FIXTURES
@given(
    field=st.sampled_from(["goal", "description", "target_text", "responsible", "resources", "follow_up"]),
    text=hostile_text(),
)
def test_activity_edit_stores_exactly_or_refuses(demo_database: Database, field: str, text: str) -> None:
    def door(value: str) -> dict:
        with demo_database.write() as session:
            activity = session.get(Activity, 7)
            return ChangeSet(session, plan_id=activity.plan_id).update(activity, {field: value})

    result = through_door(door, text)
    with demo_database.read() as session:
        stored = getattr(session.get(Activity, 7), field)
    if isinstance(result, InvalidInputError):
        assert stored != text
    else:
        assert stored == text
    assert_database_sound(demo_database.path)


@FIXTURES
@given(
    comment=hostile_text(),
    status=st.one_of(st.sampled_from(["done", "delayed"]), hostile_text(huge=False)),
)
def test_tick_stores_exactly_or_refuses(demo_database: Database, comment: str, status: str) -> None:
    def door(_: str) -> dict:
        with demo_database.write() as session:
            entry = session.get(FollowUpEntry, 3)
            return ChangeSet(session, plan_id=1).update(entry, {"comment": comment, "status": status})

    result = through_door(door, comment)
    with demo_database.read() as session:
        entry = session.get(FollowUpEntry, 3)
        stored = (entry.comment, entry.status)
    assert isinstance(result, InvalidInputError) or stored == (comment, status)
    assert_database_sound(demo_database.path)


def one_clear_line(err: str) -> None:
    assert err.startswith("hrplan") and err.endswith("\n") and err.count("\n") == 1, err[:300]
    assert len(err) < 1000 and "Traceback" not in err
    assert not any(ord(c) < 32 and c != "\n" for c in err) and "\x1b" not in err
    err.encode("utf-8")  # printable: no lone surrogates


@FIXTURES
@given(plan=hostile_text())
def test_show_with_a_hostile_plan_name_is_one_clear_line(
    demo_database: Database, capsys: pytest.CaptureFixture[str], plan: str
) -> None:
    code = main(["--db", str(demo_database.path), "show", plan])
    out, err = capsys.readouterr()
    if code == 0:  # it named the plan, by id or title
        assert plan.strip() in ("1", "Kompetensförsörjningsplan 2025–2027")
        return
    assert code == 2 and out == ""
    one_clear_line(err)


@settings(deadline=None, max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=hostile_text())
def test_db_argument_hostile_is_refused_or_used_exactly(capsys: pytest.CaptureFixture, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / name)
        code = main(["--db", path, "list"])
        out, err = capsys.readouterr()
        if code == 0:
            assert Path(path).is_file() and "hrplan demo" in out
        else:
            assert code == 2 and out == ""
            one_clear_line(err)


@pytest.mark.parametrize(
    "argv",
    [["--db", "plan\x00.db", "list"], ["--db", "x" * MEGABYTE, "list"],
     ["--db", "\x1b]0;titel\x07.db", "list"], ["--db", "\ud800.db", "list"]],
)  # fmt: skip
def test_db_arguments_no_file_system_takes(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and "--db" in err
    one_clear_line(err)


def test_a_megabyte_plan_name_is_echoed_short(demo_database: Database, capsys) -> None:
    assert main(["--db", str(demo_database.path), "show", "Ä" * MEGABYTE]) == 2
    err = capsys.readouterr().err
    one_clear_line(err)
    assert "…" in err


def test_refusals_name_the_field_in_both_languages(database: Database) -> None:
    from i18n import set_language

    with pytest.raises(InvalidInputError) as caught, database.write() as session:
        create_plan(PlanCreate.model_construct(title="Plan\x00", period_start=2025, period_end=2026),
                    session=session)  # fmt: skip
    assert_clear(caught.value)
    assert caught.value.message().startswith("Plan: ")
    set_language("en")
    assert "characters that are not allowed" in caught.value.message()


def test_an_argument_taken_for_an_option_is_one_clean_line(demo_database: Database, capsys) -> None:
    code = main(["--db", str(demo_database.path), "show", "-\x1b]0;titel\x07" + "x" * MEGABYTE])
    assert code == 2
    one_clear_line(capsys.readouterr().err)
