"""What an export says: statuses as of a round, the changes since the round before, overdue, outlines."""

from __future__ import annotations

from datetime import date

import pytest

from db.engine import Database
from db.errors import NotFoundError
from db.queries.export import export_choices, gather_export
from exporters import default_file_name
from exporters.blocks import AreaRow, Table, plan_outline, summary_outline
from exporters.xlsx import sheet_names
from tests.export_fixtures import FORMULA_COMMENT, SWEDISH, add_plan, add_tricky_plan

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


@pytest.fixture
def tricky(database: Database) -> dict[str, int]:
    with database.write() as session:
        return add_tricky_plan(session)


def _by_id(data) -> dict:  # noqa: ANN001
    return {a.id: a for a in data.activities}


def test_a_named_round_gives_statuses_comments_and_changes_as_of_then(database: Database, tricky) -> None:  # noqa: ANN001
    with database.read() as session:
        data = gather_export(tricky["plan"], session=session, round_name="t2 2024")
    assert data.round.name == "T2 2024" and data.previous_round.name == "T1 2024"
    activities = _by_id(data)
    assert activities[tricky["a1"]].status == "done"
    assert activities[tricky["a1"]].comment == FORMULA_COMMENT
    assert activities[tricky["a1"]].previous_status == "in_progress"
    # a4 had no entry in T1: it was not started then.
    assert activities[tricky["a4"]].previous_status == "not_started"
    changed = {a.id for _, a in data.changes}
    assert changed == {tricky["a1"], tricky["a3"], tricky["a4"]}
    assert data.not_reviewed == 0 and data.reviewed == len(data.activities)
    # Overdue as of the round's date (2024-08-28): "våren 2024" is past and the activity is delayed.
    assert [a.id for _, a in data.overdue] == [tricky["a3"]]
    assert data.progress.counts == {
        "not_started": 0,
        "in_progress": 2,
        "done": 1,
        "delayed": 1,
        "cancelled": 0,
    }


def test_the_summary_marks_what_was_gone_through_and_counts_the_rest(database: Database, tricky) -> None:  # noqa: ANN001
    from sqlalchemy import select, update

    from models.followup import FollowUpEntry, FollowUpRound

    with database.write() as session:  # a2 was carried into T2 2024 without being gone through
        t2 = session.execute(select(FollowUpRound.id).where(FollowUpRound.name == "T2 2024")).scalar_one()
        session.execute(update(FollowUpEntry).where(FollowUpEntry.round_id == t2,
                                                    FollowUpEntry.activity_id == tricky["a2"])
                        .values(reviewed=False))  # fmt: skip
    with database.read() as session:
        data = gather_export(tricky["plan"], session=session, round_name="T2 2024")
    assert [a.id for a in data.activities if a.reviewed is False] == [tricky["a2"]]
    assert data.not_reviewed == 1 and data.reviewed == len(data.activities) - 1
    outline = summary_outline(data, "en")
    rows = [r for b in outline.blocks() if isinstance(b, Table) and b.activities for r in b.rows
            if not isinstance(r, AreaRow)]  # fmt: skip
    assert sorted(r[4] for r in rows) == ["No"] + ["Yes"] * (len(rows) - 1)
    assert all(r[3].endswith("(status from the round before)") == (r[4] == "No") for r in rows)
    text = " ".join(str(getattr(b, "text", "")) for b in outline.blocks())
    assert f"{len(rows) - 1} of {len(rows)} activities were gone through in this round. 1 were not" in text


def test_the_latest_round_is_the_default_and_an_empty_round_carries_statuses_over(
    database: Database,
    tricky,  # noqa: ANN001
) -> None:
    with database.read() as session:
        data = gather_export(tricky["plan"], session=session)
    assert data.round.name == "T3 2024"
    activities = _by_id(data)
    assert activities[tricky["a1"]].status == "done" and activities[tricky["a1"]].comment == ""
    assert not data.changes
    # By 2024-12-10 "År 2024" is not past yet, "våren 2024" is.
    assert [a.id for _, a in data.overdue] == [tricky["a3"]]


def test_units_keep_plan_order_with_the_whole_plan_first(database: Database, tricky) -> None:  # noqa: ANN001
    with database.read() as session:
        data = gather_export(tricky["plan"], session=session)
    assert [u.name for u in data.units] == [None, SWEDISH, "Socialavdelningen"]
    assert data.units[1].manager == "Åsa Öberg" and data.units[1].date == date(2023, 10, 25)
    assert [area for area, _ in data.units[1].areas()] == ["Utveckla", "Behålla"]


def test_an_unknown_round_is_a_clear_error(database: Database, tricky) -> None:  # noqa: ANN001
    with database.read() as session, pytest.raises(NotFoundError) as caught:
        gather_export(tricky["plan"], session=session, round_name="T9 2030")
    assert "T9 2030" in caught.value.message()


def test_a_plan_without_units_or_rounds(database: Database) -> None:
    with database.write() as session:
        plan_id, _ = add_plan(session, title="Tom plan")
    with database.read() as session:
        data = gather_export(plan_id, session=session)
        choices = export_choices(plan_id, session=session)
    assert data.units == () and data.round is None and choices.rounds == ()
    summary = summary_outline(data, "en")
    assert "The plan has no follow-up round yet" in str(summary.front)
    plan = plan_outline(data, "sv")
    assert plan.sections == () and "inga aktiviteter" in str(plan.front)


def test_plan_outline_has_the_template_columns_and_area_rows(database: Database, tricky) -> None:  # noqa: ANN001
    with database.read() as session:
        data = gather_export(tricky["plan"], session=session)
    outline = plan_outline(data, "sv")
    table = next(b for b in outline.sections[1].blocks if isinstance(b, Table))
    assert table.columns == (
        "Vad ska vi uppnå?", "Aktivitet – Hur gör vi det?", "Måldatum", "Ansvarig (funktion)", "Resurser",
        "Uppföljning/Kommentar",
    )  # fmt: skip
    assert table.rows[0] == AreaRow("Utveckla")
    assert table.rows[1][:3] == ("Språkutvecklande arbetssätt", "Kompetensutveckling för alla", "År 2024")


def test_sheet_names_are_valid_and_unique() -> None:
    names = sheet_names(["Översikt", "A/B: [test]?", "x" * 40, "x" * 40, "översikt"])
    assert names[1] == "A B   test"
    assert all(len(n) <= 31 for n in names)
    assert len({n.casefold() for n in names}) == len(names)


def test_default_file_name_says_what_is_in_it() -> None:
    name = default_file_name("Kompetensförsörjningsplan 2024–2026", "summary", "docx", "T2 2024", "sv")
    assert name == "Kompetensförsörjningsplan-2024-2026_uppföljning_T2-2024.docx"
    assert default_file_name("a/b", "plan", "csv", "T2", "en") == "a-b_plan.csv"
