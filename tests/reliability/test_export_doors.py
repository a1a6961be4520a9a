"""A plan holding any text the editors accept exports to every format, and each file reads back.

The text goes in through the editor's own query function, so only what an editor can store is
exported. Each file must open in the library that reads its format, and the HTML must keep the
text as text: no markup from the plan becomes an element.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from db.engine import Database
from db.errors import InvalidInputError
from exporters import FORMATS, WHATS
from exporters.csv import separator
from models.validation import CONTROL_CHARS
from tests.reliability.hostile import hostile_text
from tui.cli import main

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ANN001
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_back(path: Path, fmt: str) -> str:
    """The file's text as its own library reads it."""
    if fmt == "docx":
        import docx

        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if fmt == "xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(str(path))
        return "\n".join(str(c.value) for ws in workbook for row in ws.iter_rows() for c in row if c.value)
    if fmt == "pdf":
        from pypdf import PdfReader

        # A PDF's lines are wrapped (inside long words too): its text is compared without white space.
        return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)
    text = path.read_text(encoding="utf-8-sig")
    if fmt == "csv":
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=separator("sv"))  # tests run in Swedish
        return "\n".join("\n".join(row) for row in rows)
    if fmt == "html":
        parser = Tags()
        parser.feed(text)
        parser.close()
        assert parser.tags.isdisjoint({"script", "img"}), parser.tags
        return "".join(parser.text)
    return text


def store(database: Database, goal: str, unit_name: str, comment: str) -> None:
    """Through the editors' own functions; a text they refuse is not a plan anyone can export."""
    from db.queries.activities import get_activity, update_activity
    from db.queries.rounds import latest_open_round, start_round, update_entry
    from db.queries.units import UnitFields, list_units, update_unit

    try:
        with database.write() as session:
            row = get_activity(1, session=session)
            update_activity(1, replace(row.fields(), goal=goal), session=session)
            unit = list_units(1, session=session)[0]
            fields = UnitFields(unit_name, unit.manager, unit.date, unit.risk_analysis)
            update_unit(unit.id, fields, session=session)
            followup = latest_open_round(1, session=session) or start_round(
                1, session=session, name="Vår 2026", day=date(2026, 5, 4)
            )
            update_entry(followup.id, 1, session=session, status="delayed", comment=comment)
    except InvalidInputError:
        assume(False)


def storable(text: str) -> str:
    """The text without what every editor refuses (control characters, lone surrogates)."""
    return "".join(ch for ch in text if not CONTROL_CHARS.match(ch) and not "\ud800" <= ch <= "\udfff")


@settings(deadline=None, max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(goal=hostile_text(huge=False), unit_name=hostile_text(huge=False), comment=hostile_text(huge=False),
       long=st.booleans())  # fmt: skip
def test_every_format_reads_back(
    demo_database: Database, tmp_path: Path, goal: str, unit_name: str, comment: str, long: bool
) -> None:
    goal = (storable(goal) + MARKUP) * (400 if long else 1)  # up to the goal's limit of 20,000 characters
    store(demo_database, goal[:20_000], "Enhet " + storable(unit_name), storable(comment) + MARKUP)
    for what in WHATS:
        for fmt in FORMATS:
            path = tmp_path / f"{what}.{fmt}"
            argv = ["--db", str(demo_database.path), "export", "1", "--what", what, "--format", fmt,
                    "--output", str(path), "--force"]  # fmt: skip
            assert main(argv) == 0, (what, fmt)
            text = read_back(path, fmt)
            assert "alert(1)" in text or what == "summary", (what, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_text_xml_cannot_hold_is_left_out(demo_database: Database, tmp_path: Path, fmt: str) -> None:
    """Noncharacters pass the editors' check; Word and Excel files cannot hold them (XLSX crashed)."""
    from db.queries.plans import plan_details, update_plan

    goal = "Mål \ufffe med \uffff tecken " + MARKUP
    store(demo_database, goal, "Hemtjänsten \u202eöö \uffff", "Kommentar \ufdd0 \ufffe")
    with demo_database.write() as session:
        version = plan_details(1, session=session).version
        update_plan(1, {"title": "Plan \uffff 2026"}, expected_version=version, session=session)
    path = tmp_path / f"plan.{fmt}"
    argv = ["--db", str(demo_database.path), "export", "1", "--what", "plan", "--format", fmt,
            "--output", str(path)]  # fmt: skip
    assert main(argv) == 0
    text = read_back(path, fmt)
    assert "Mål" in text and "tecken" in text and "alert(1)" in text and "Hemtjänsten" in text
