"""A department's own file added to an existing plan (``hrplan import FILE --into PLAN``), and what
an import writes besides activities: key figures, risk analyses and the first follow-up round."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.changes import undo_last
from db.engine import Database
from models.activity import Activity
from models.changelog import ChangeLog
from models.followup import FollowUpEntry, FollowUpRound
from tests.unit.import_fixtures import PDF_TEXT
from tests.unit.import_shapes_fixtures import KEY_FIGURES_AND_NARRATIVE_TEXT, LIST_TEXT, write_followup_xlsx
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


@pytest.fixture
def plan_db(db_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = db_target
    source = tmp_path / "personalstrategi.txt"
    source.write_text(PDF_TEXT, encoding="utf-8")
    assert run(capsys, "--db", str(db), "import", str(source))[0] == 0
    return db


def show(capsys: pytest.CaptureFixture[str], db: Path) -> dict:
    code, out, _ = run(capsys, "--db", str(db), "show", "1", "--json")
    assert code == 0
    return json.loads(out)


def test_a_departments_file_becomes_a_unit_of_the_plan(
    plan_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lists = tmp_path / "biblioteken.txt"
    lists.write_text(LIST_TEXT, encoding="utf-8")
    before = show(capsys, plan_db)
    args = ("--db", str(plan_db), "import", str(lists), "--into", "1")
    code, out, _ = run(capsys, *args, "--dry-run", "--json")
    preview = json.loads(out)
    assert code == 0 and preview["id"] == 1
    assert preview["new"] == {"units": ["Biblioteken"], "areas": [], "activities": 4, "round": None}
    assert show(capsys, plan_db) == before  # a dry run writes nothing
    code, out, _ = run(capsys, *args)
    assert code == 0 and "4 aktiviteter lades till" in out
    after = show(capsys, plan_db)
    assert after["areas"] == before["areas"]
    added = [(a["area"], a["description"][:20]) for a in after["activities"] if a["unit"] == "Biblioteken"]
    assert added == [("Utveckla", "Utbildning i digital"), ("Utveckla", "Studiecirklar om käl"),
                     ("Behålla", "Friskvårdsbidrag höj"), ("Rekrytera", "Praktikplatser för s")]  # fmt: skip
    assert len(after["activities"]) == len(before["activities"]) + 4


def test_into_a_named_unit_that_exists(
    plan_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lists = tmp_path / "lista.txt"
    lists.write_text(LIST_TEXT, encoding="utf-8")
    code, _, _ = run(capsys, "--db", str(plan_db), "import", str(lists), "--into", "1", "--unit", "hemvården")
    assert code == 0
    after = show(capsys, plan_db)
    assert [u["name"] for u in after["units"]] == ["Hemvården", "Boendet", "Dagverksamheten"]
    assert sum(a["unit"] == "Hemvården" for a in after["activities"]) == 4 + 4


def test_unit_without_into_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lists = tmp_path / "lista.txt"
    lists.write_text(LIST_TEXT, encoding="utf-8")
    start = ("--db", str(tmp_path / "x.db"), "import", str(lists))
    code, _, err = run(capsys, *start, "--unit", "X")
    assert code == 2 and "--into" in err
    code, _, err = run(capsys, *start, "--into", "1", "--title", "X")
    assert code == 2 and "--title" in err


def test_excel_follow_up_becomes_a_plan_with_a_first_round(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plans.db"
    path = write_followup_xlsx(tmp_path / "uppfoljning.xlsx")
    assert run(capsys, "--db", str(db), "import", str(path))[0] == 0
    shown = show(capsys, db)
    [first] = shown["rounds"]
    statuses = {a["description"]: a["status"] for a in shown["activities"]}
    assert statuses["HLR-utbildning"] == "done" and statuses["Rekryteringskampanj"] == "delayed"
    comments = {e["comment"] for e in first["entries"]}
    assert {"Alla gick", "Ingen budget", "Väntar på beslut"} <= comments
    database = Database(db)
    with database.read() as session:
        assert session.execute(select(func.count(func.distinct(ChangeLog.batch)))).scalar() == 1
    with database.write() as session:
        undo_last(session)
    with database.read() as session:
        for model in (Activity, FollowUpRound, FollowUpEntry):
            assert session.execute(select(func.count()).select_from(model)).scalar() == 0


def test_key_figures_and_risk_analysis_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plans.db"
    path = tmp_path / "plan.txt"
    path.write_text(KEY_FIGURES_AND_NARRATIVE_TEXT, encoding="utf-8")
    assert run(capsys, "--db", str(db), "import", str(path))[0] == 0
    shown = show(capsys, db)
    figures = [(k["unit"], k["count"], k["share"]) for k in shown["key_figures"]]
    assert figures == [("Förskoleavdelningen", 40, 12.5), ("Äldreomsorgsavdelningen", 31, 9.8),
                       (None, 71, 11.0)]  # fmt: skip
    risks = {u["name"]: u["risk_analysis"] for u in shown["units"]}
    assert risks == {"Förskoleavdelningen": "Risk att erfarna förskollärare går i pension samtidigt.",
                     "Äldreomsorgsavdelningen": ""}  # fmt: skip
    from db.queries.sections import list_sections

    with Database(db).read() as session:
        sections = [(s.unit_id, s.kind, s.body) for s in list_sections(1, session=session)]
        assert session.execute(select(func.count(func.distinct(ChangeLog.batch)))).scalar() == 1
    assert sections == [
        (None, "conclusion", "Planen bygger på avdelningarnas analyser."),
        (1, "tasks", "Avdelningen ansvarar för:\n- Kommunala förskolor\n- Öppen förskola"),
        (1, "follow_up", "Alla rektorer har gått ledarskapsutbildningen."),
        (1, "analysis", "Barnen blir färre och förskolor slås ihop."),
        (1, "future_needs", "Fler förskollärare med specialpedagogisk kompetens."),
        (1, "risks", "Risk att erfarna förskollärare går i pension samtidigt."),
        (2, "tasks", "Hemtjänst och särskilt boende."),
        (2, "analysis", "Fler äldre över 80 år."),
    ]
    # Added again into the same plan: the unit's sections get the file's text after their own.
    code, _, _ = run(capsys, "--db", str(db), "import", str(path), "--into", "1")
    with Database(db).read() as session:
        analysis = next(s.body for s in list_sections(1, session=session) if s.kind == "analysis")
    once = "Barnen blir färre och förskolor slås ihop."
    assert code == 0 and analysis == f"{once}\n\n{once}"


def test_fit_into_matches_areas_and_units_by_name() -> None:
    from importers.into import Target, fit_into
    from importers.model import (
        ImportedActivity,
        ImportedKeyFigure,
        ImportedPlan,
        ImportedUnit,
        PlanDetails,
        SourceRef,
    )

    where = SourceRef("avd.docx")
    imported = ImportedPlan(
        source="avd.docx", details=PlanDetails(title="x"),
        units=(ImportedUnit("HEMTJÄNSTEN"), ImportedUnit("Nattpatrullen")),
        areas=("Rekrytera", "Arbetsmiljö"),
        activities=(ImportedActivity(area="Rekrytera", unit="HEMTJÄNSTEN", description="a"),
                    ImportedActivity(area="Arbetsmiljö", unit="Nattpatrullen", description="b"),
                    ImportedActivity(area="Rekrytera", unit=None, description="c")),
        key_figures=(ImportedKeyFigure(None, "personalomsättning", "2024", 3, None, where),),
    )  # fmt: skip
    target = Target(plan_id=1, title="Plan", cadence="tertial", units=("Hemtjänsten",),
                    areas=("Utveckla", "Rekrytering"))  # fmt: skip
    into = fit_into(imported, target)
    found = [(a.unit, a.area, a.description) for a in into.imported.activities]
    assert found == [("Hemtjänsten", "Rekrytering", "a"), ("Nattpatrullen", "Arbetsmiljö", "b"),
                     (None, "Rekrytering", "c")]  # fmt: skip
    assert (into.new_units, into.new_areas) == (("Nattpatrullen",), ("Arbetsmiljö",))
    assert into.imported.key_figures[0].unit is None
    one = fit_into(imported, target, unit="Boendet")
    assert {a.unit for a in one.imported.activities} == {"Boendet"} and one.new_units == ("Boendet",)
    assert one.imported.key_figures[0].unit == "Boendet"


def test_the_preview_says_the_first_round_key_figures_and_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_followup_xlsx(tmp_path / "uppfoljning.xlsx")
    code, out, _ = run(capsys, "--lang", "en", "import", str(path), "--dry-run")
    assert code == 0 and "The status column becomes the follow-up round" in out
    assert "1 Not started, 1 In progress, 2 Done, 1 Delayed" in " ".join(out.split())
    text = tmp_path / "plan.txt"
    text.write_text(KEY_FIGURES_AND_NARRATIVE_TEXT, encoding="utf-8")
    code, out, _ = run(capsys, "--lang", "en", "import", str(text), "--dry-run")
    flat = " ".join(out.split())
    assert "Key figures" in flat
    assert "2023-01-01" in flat and "personalomsättning" in flat
    assert "Förskoleavdelningen · Risk analysis (55 characters): Risk att erfarna" in flat


def test_a_departments_word_file_becomes_its_unit(
    plan_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.import_shapes_fixtures import write_heading_docx

    path = write_heading_docx(tmp_path / "gatuenheten.docx")
    code, out, _ = run(capsys, "--db", str(plan_db), "--lang", "en", "import", str(path), "--into", "1")
    assert code == 0 and "5 activities were added" in out
    after = show(capsys, plan_db)
    assert [u["name"] for u in after["units"]][-1] == "Gatuenheten"
    added = [(a["area"], a["responsible"]) for a in after["activities"] if a["unit"] == "Gatuenheten"]
    assert added == [("Behålla", "Enhetschef"), ("Behålla", "HR"), ("Attrahera", "Enhetschef"),
                     ("Attrahera", "Kommunikatör"), ("Lärande och utbildning", "Arbetsledare")]  # fmt: skip
    assert after["areas"][-1] == "Lärande och utbildning"


def test_statuses_of_a_file_added_to_a_plan_go_into_its_open_round(
    plan_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", str(plan_db), "round", "new", "1", "--name", "VT 2026")[0] == 0
    path = write_followup_xlsx(tmp_path / "uppfoljning.xlsx")
    args = ("--db", str(plan_db), "import", str(path), "--into", "1", "--unit", "Räddningstjänsten")
    code, out, _ = run(capsys, *args, "--dry-run", "--json")
    assert code == 0 and json.loads(out)["new"]["round"] is None  # the open round, not a new one
    assert run(capsys, *args)[0] == 0
    shown = show(capsys, plan_db)
    [round_] = shown["rounds"]
    assert round_["name"] == "VT 2026" and len(round_["entries"]) == len(shown["activities"]) == 13 + 6
    added = [a for a in shown["activities"] if a["unit"] == "Räddningstjänsten"]
    statuses = {a["description"]: a["status"] for a in added}
    assert statuses["HLR-utbildning"] == "done" and statuses["Avgångssamtal"] == "in_progress"
