"""The quick ways an export reads and writes say exactly what the general ones say.

The activities are read in one statement with their statuses as of the round and the round before;
a CSV is written from the tables of activities alone; an XLSX's cells go to openpyxl's writer as plain
values with prepared styles. Each is held here against the slower way it replaced.
"""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest

from db.changes import ChangeSet
from db.engine import Database
from db.heap import collection_paused
from db.queries.export import gather_export
from db.queries.status import statuses_as_of
from exporters import export_bytes, outline_of
from exporters.csv import render_csv
from models.unit import Unit
from tests.export_fixtures import MINUS_RESPONSIBLE, add_activity, add_plan, add_round, add_tricky_plan

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


@pytest.fixture
def gaps(database: Database) -> dict[str, int]:
    """A plan whose rounds leave activities out: ``a`` only in the first round, ``b`` in the first two,
    ``c`` in none; the third round is empty; ``d`` belongs to the plan as a whole."""
    with database.write() as session:
        plan_id, areas = add_plan(session, title="Luckor")
        changes = ChangeSet(session, plan_id=plan_id)
        unit = changes.insert(Unit(plan_id=plan_id, name="Enheten", manager="Chef"))
        ids = {"plan": plan_id}
        for n, name in enumerate("abc", start=1):
            ids[name] = add_activity(changes, plan_id, unit.id, areas["Utveckla"], number=n,
                                     goal=f"Mål {name}", target_text="våren 2024")  # fmt: skip
        ids["d"] = add_activity(changes, plan_id, None, areas["Behålla"], number=4, goal="Mål d",
                                target_text="Löpande")  # fmt: skip
        add_round(changes, plan_id, "R1", date(2024, 3, 1), {ids["a"]: ("done", "klar"),
                                                             ids["b"]: ("in_progress", "")})  # fmt: skip
        add_round(changes, plan_id, "R2", date(2024, 6, 1), {ids["b"]: ("delayed", "väntar"),
                                                             ids["d"]: ("in_progress", "")})  # fmt: skip
        add_round(changes, plan_id, "R3", date(2024, 9, 1), {})
    return ids


@pytest.mark.parametrize("round_name", ["R1", "R2", "R3"])
def test_statuses_as_of_each_round_and_the_one_before_are_the_rules(
    database: Database, gaps: dict[str, int], round_name: str
) -> None:
    with database.read() as session:
        data = gather_export(gaps["plan"], session=session, round_name=round_name)
        rounds = {r.name: r for r in data.rounds}
        now = rounds[round_name]
        rule = statuses_as_of(gaps["plan"], now.date, now.id, session=session)
        before = data.previous_round
        rule_before = before and statuses_as_of(gaps["plan"], before.date, before.id, session=session)
    activities = {a.id: a for a in data.activities}
    assert set(activities) == {gaps[n] for n in "abcd"}
    for activity_id, activity in activities.items():
        assert activity.status == rule[activity_id]
        assert activity.previous_status == (rule_before[activity_id] if rule_before else None)
    a, b, c = (activities[gaps[n]] for n in "abc")
    assert c.status == "not_started" and c.comment == "" and c.reviewed is False
    if round_name == "R3":  # nothing in R3: statuses carried from R1 and R2, nothing changed
        assert (a.status, a.previous_status) == ("done", "done")
        assert (b.status, b.previous_status) == ("delayed", "delayed")
        assert data.changes == []
    if round_name == "R2":
        assert (a.status, a.comment, a.reviewed) == ("done", "", False)
        assert (b.status, b.previous_status) == ("delayed", "in_progress")
        assert (b.comment, b.reviewed) == ("väntar", True)
    # Overdue as of the round's date: "våren 2024" has passed by R3, and only a is done by then.
    assert {x.id for _, x in data.overdue} == ({gaps["b"], gaps["c"]} if round_name == "R3" else set())
    assert data.progress.total == 4 and [u.name for u in data.units] == [None, "Enheten"]


@pytest.mark.parametrize("what", ["summary", "plan"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_csv_from_the_tables_alone_is_the_csv_of_the_whole_document(
    database: Database, what: str, lang: str
) -> None:
    with database.write() as session:
        ids = add_tricky_plan(session)
    with database.read() as session:
        data = gather_export(ids["plan"], session=session, round_name="T2 2024")
    whole = render_csv(outline_of(data, what, lang))
    assert render_csv(outline_of(data, what, lang, tables_only=True)) == whole
    assert export_bytes(data, what=what, fmt="csv", lang=lang).decode("utf-8-sig") == whole
    assert f"'{MINUS_RESPONSIBLE}" in whole  # still guarded against formulas


def test_xlsx_cells_keep_their_types_and_styles(database: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    with database.write() as session:
        ids = add_tricky_plan(session)
    with database.read() as session:
        data = gather_export(ids["plan"], session=session, round_name="T2 2024")
    path = tmp_path / "plan.xlsx"
    path.write_bytes(export_bytes(data, what="plan", fmt="xlsx", lang="sv"))
    workbook = load_workbook(path)
    cells = {c.value: c for ws in workbook for row in ws.iter_rows() for c in row if c.value is not None}
    # A one-line row of text: plain cells, except the one a spreadsheet would read as a formula.
    minus, plain = cells[MINUS_RESPONSIBLE], cells["Språkutvecklande arbetssätt"]
    assert minus.data_type == "s" and minus.quotePrefix and minus.alignment.wrap_text
    assert plain.data_type == "s" and not plain.quotePrefix and not plain.alignment.wrap_text
    assert not plain.font.b and plain.fill.fgColor.rgb in (None, "00000000")
    header = cells["Vad ska vi uppnå?"]
    assert header.font.b and header.fill.fgColor.rgb.endswith("DFE7EF") and header.alignment.wrap_text
    area = cells["Utveckla"]
    beside = area.parent.cell(row=area.row, column=area.column + 1)
    assert area.font.b and beside.value is None and beside.fill.fgColor.rgb.endswith("F0F0F0")
    decided = next(c for c in cells.values() if isinstance(c.value, date) or hasattr(c.value, "date"))
    assert decided.number_format == "yyyy-mm-dd" and decided.data_type == "d"


def test_the_collector_is_paused_while_exporting_and_restored_after() -> None:
    was = gc.isenabled()
    try:
        gc.enable()
        with collection_paused():
            assert not gc.isenabled()
            with collection_paused():  # another export under way
                assert not gc.isenabled()
            assert not gc.isenabled()  # the first one is still running
        assert gc.isenabled()
        with pytest.raises(RuntimeError), collection_paused():
            raise RuntimeError("a writer failed")
        assert gc.isenabled()
        gc.disable()  # switched off by somebody else: an export leaves it off
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_docx_tables_written_into_the_file_read_back_in_place(tmp_path: Path) -> None:
    from docx import Document

    from exporters.blocks import AreaRow, Heading, Outline, Paragraph, Section, Table
    from exporters.docx import write_docx

    def table(name: str, *rows: tuple[str, ...]) -> Table:
        return Table(("A", "B"), (AreaRow(f"Område {name}"), *rows), (1.0, 1.0), activities=True)

    sections = (
        Section("Ett", (Heading(2, "Ett"), table("ett", ("<&>\"'", " "), ("a\rb", "två\nrader")))),
        Section("Två", (Heading(2, "Två"), Paragraph("Mellan"), table("två", ("x", "")))),
    )
    outline = Outline("Titel", "sv", (Heading(1, "Titel"),), sections, ("A", "B"))
    path = tmp_path / "t.docx"
    with path.open("wb") as out:
        write_docx(outline, out)
    document = Document(str(path))
    body = [child.tag.rsplit("}", 1)[1] for child in document.element.body]
    assert body.count("tbl") == 2 and not any(tag.startswith("hrplan") for tag in body)
    texts = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    assert texts[0][1:] == [["Område ett", "Område ett"], ["<&>\"'", " "], ["a\nb", "två\nrader"]]
    assert texts[1][2] == ["x", ""]
    paragraphs = [p.text for p in document.paragraphs if p.text]
    assert paragraphs == ["Titel", "Ett", "Två", "Mellan"]
