"""Writing an import: one change (one undo step), areas in order, and the hrplan import command."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.changes import undo_last
from db.engine import Database
from importers.files import read_plan_file
from importers.writer import write_plan
from models.activity import Activity
from models.area import Area
from models.changelog import ChangeLog
from models.plan import Plan
from models.unit import Unit
from tests.unit.import_fixtures import PDF_TEXT, write_docx
from tui.cli import main

BOTH_ENGINES = True  # the database tests run on SQLite and on a PostgreSQL server


@pytest.fixture
def pdf_file(tmp_path: Path) -> Path:
    path = tmp_path / "personalstrategi.txt"
    path.write_text(PDF_TEXT, encoding="utf-8")
    return path


def count(database: Database, model: type) -> int:
    with database.read() as session:
        return session.execute(select(func.count()).select_from(model)).scalar()


def test_import_is_one_change_that_undo_takes_back(database: Database, tmp_path: Path) -> None:
    imported = read_plan_file(write_docx(tmp_path / "plan.docx"))
    with database.write() as session:
        plan_id = write_plan(imported, session=session)
    with database.read() as session:
        areas = session.execute(select(Area.name).where(Area.plan_id == plan_id).order_by(Area.position))
        assert list(areas.scalars()) == list(imported.areas)
        assert session.execute(select(func.count(func.distinct(ChangeLog.batch)))).scalar() == 1
    assert count(database, Activity) == len(imported.activities) == 7
    assert count(database, Unit) == 2
    with database.write() as session:
        undo_last(session)
    assert (count(database, Plan), count(database, Activity), count(database, Area)) == (0, 0, 0)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_json_is_the_show_shape_and_writes_nothing(
    db_path: Path, pdf_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(pdf_file), "--dry-run", "--json")
    assert code == 0 and not db_path.exists()
    preview = json.loads(out)
    assert preview["id"] is None and preview["warnings"]
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(pdf_file))
    assert code == 0 and "plan 1 med 13 aktiviteter" in out
    _, out, _ = run(capsys, "--db", str(db_path), "show", "1", "--json")
    shown = json.loads(out)
    assert set(preview) - {"warnings", "narrative"} == set(shown)
    assert all(a["source"] for a in preview["activities"])

    def without_ids(doc: dict) -> dict:
        doc = {k: v for k, v in doc.items() if k not in ("id", "warnings", "narrative")}
        for part in ("units", "activities", "key_figures"):
            doc[part] = [{k: v for k, v in x.items() if k not in ("id", "source")} for x in doc[part]]
        return doc

    assert without_ids(preview) == without_ids(shown)


def test_import_with_title_and_json(
    db_path: Path, pdf_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("--db", str(db_path), "import", str(pdf_file), "--title", "Min plan", "--json")
    code, out, _ = run(capsys, *args)
    doc = json.loads(out)
    assert code == 0 and doc["id"] == 1 and doc["title"] == "Min plan"
    assert doc["period"] == [2008, 2010] and doc["cadence"] == "half_year"
    assert len(doc["units"]) == 3 and len(doc["activities"]) == 13


def test_dry_run_text_summary_in_english(pdf_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "import", str(pdf_file), "--dry-run")
    assert code == 0
    assert "Activities per area" in out and "Hemvården" in out and "Dry run: nothing was saved." in out
    assert "Warnings (" in out


def test_broken_file_is_one_line_and_writes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--db", str(db_path), "demo")
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(b"PK\x03\x04 inte en arbetsbok")
    code, out, err = run(capsys, "--db", str(db_path), "import", str(path))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("hrplan: trasig.xlsx: ") and "Traceback" not in err
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM plan").fetchone()[0] == 1


def test_dry_run_shows_the_narrative_sections_the_import_writes(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.import_shapes_fixtures import KEY_FIGURES_AND_NARRATIVE_TEXT

    source = tmp_path / "plan 2023.txt"
    source.write_text(KEY_FIGURES_AND_NARRATIVE_TEXT, encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(source), "--dry-run", "--json")
    assert code == 0
    preview = json.loads(out)
    assert run(capsys, "--db", str(db_path), "import", str(source))[0] == 0
    shown = json.loads(run(capsys, "--db", str(db_path), "show", "1", "--json")[1])
    assert preview["sections"] == shown["sections"] and shown["sections"]
    units = {u["name"]: u["sections"] for u in shown["units"]}
    assert {u["name"]: u["sections"] for u in preview["units"]} == units
    assert [s["kind"] for s in units["Förskoleavdelningen"]] == [
        "tasks", "follow_up", "analysis", "future_needs", "risks"
    ]
    assert [s["kind"] for s in shown["sections"]] == ["conclusion"]
