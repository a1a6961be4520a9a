"""Every format, opened with its own library: the content is there, safe, and in the right language."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from db.engine import Database
from db.queries.export import ExportData, gather_export
from exporters import FORMATS, write_export
from exporters.files import ExportFileError, FileExistsExportError
from tests.export_fixtures import (
    FORMULA_COMMENT,
    MARKUP_COMMENT,
    MINUS_RESPONSIBLE,
    SWEDISH,
    add_plan,
    add_tricky_plan,
)


@pytest.fixture
def data(database: Database) -> ExportData:
    with database.write() as session:
        ids = add_tricky_plan(session)
    with database.read() as session:
        return gather_export(ids["plan"], session=session, round_name="T2 2024")


def _write(data: ExportData, tmp_path: Path, what: str, fmt: str, lang: str = "sv") -> Path:
    return write_export(data, what=what, fmt=fmt, path=tmp_path / f"out.{fmt}", lang=lang, overwrite=False)


# Readers: each returns (all text, cells of the activity tables as lists of strings).


def read_docx(path: Path) -> tuple[str, list[list[str]]]:
    from docx import Document

    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    return "\n".join(texts + ["\t".join(c) for c in cells]), cells


def read_xlsx(path: Path) -> tuple[str, list[list[str]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    rows = [
        ["" if c.value is None else str(c.value) for c in row] for ws in workbook for row in ws.iter_rows()
    ]
    return "\n".join("\t".join(r) for r in rows), rows


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.cells: list[list[str]] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        self.tags.append(tag)
        if tag == "tr":
            self.cells.append([])
        if tag in ("td", "th"):
            self._in_cell = True
            self.cells[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_cell:
            self.cells[-1][-1] += data


def read_html(path: Path) -> tuple[str, list[list[str]]]:
    parser = _TextParser()
    parser.feed(path.read_text(encoding="utf-8"))
    assert "script" not in parser.tags and "b" not in parser.tags
    return "\n".join(parser.text), parser.cells


def read_csv(path: Path) -> tuple[str, list[list[str]]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header = fh.readline()
        fh.seek(0)
        # Swedish files use semicolons (Excel's separator where the decimal sign is a comma).
        delimiter = ";" if header.startswith("Avdelning/Enhet;") else ","
        rows = list(csv.reader(fh, delimiter=delimiter))
    return "\n".join("\t".join(r) for r in rows), rows


def read_md(path: Path) -> tuple[str, list[list[str]]]:
    text = path.read_text(encoding="utf-8")
    rows = [
        [c.strip() for c in line.strip("|").split(" | ")]
        for line in text.splitlines()
        if line.startswith("|")
    ]
    return text, rows


READERS = {"docx": read_docx, "xlsx": read_xlsx, "html": read_html, "csv": read_csv, "md": read_md}


@pytest.mark.parametrize("fmt", FORMATS)
def test_summary_has_the_round_the_units_and_the_comments(data: ExportData, tmp_path: Path, fmt: str) -> None:
    text, cells = READERS[fmt](_write(data, tmp_path, "summary", fmt))
    flat = [c for row in cells for c in row]
    assert SWEDISH in text and "Klar" in text and "Försenad" in text
    if fmt == "csv":
        assert "'" + FORMULA_COMMENT in flat and "'" + MINUS_RESPONSIBLE in flat
    elif fmt == "md":
        assert "&lt;script&gt;" in text and "<script>" not in text and "\\|" in text
    else:
        assert FORMULA_COMMENT in flat and MARKUP_COMMENT in flat
    if fmt != "csv":  # the CSV holds the activity rows only
        assert "T2 2024" in text and "Väntar på högskolan" in text
        assert "Förändringar sedan förra uppföljningen" in text
        assert "Jämfört med T1 2024." in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_plan_document_has_the_template_columns_in_english(
    data: ExportData, tmp_path: Path, fmt: str
) -> None:
    text, cells = READERS[fmt](_write(data, tmp_path, "plan", fmt, lang="en"))
    header = ["What do we want to achieve?", "Activity – How do we do it?", "Target date",
              "Responsible (role)", "Resources", "Follow-up/Comment"]  # fmt: skip
    assert any(row[-6:] == header for row in cells), cells[:3]
    assert "Stay interviews" in text
    if fmt != "csv":  # the CSV holds the activity rows only, without the managers
        assert "Åsa Öberg" in text
    assert "Whole plan" in text


def test_docx_is_landscape_with_real_headings_and_a_bar_per_unit(data: ExportData, tmp_path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT

    document = Document(str(_write(data, tmp_path, "summary", "docx")))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document.sections[0].page_width > document.sections[0].page_height
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Uppföljning – Kompetensförsörjningsplan 2024–2026"
    assert {SWEDISH, "Socialavdelningen", "Försenade aktiviteter"} <= set(headings)
    bars = [t for t in document.tables if t.rows[0].cells[0].text == SWEDISH and len(t.rows) == 1]
    assert len(bars) == 1
    # Åsgården: one done, one in progress: two shaded segments besides the label.
    assert len(bars[0].rows[0].cells) == 3


def test_xlsx_has_an_overview_and_a_sheet_per_unit_with_header_filter_and_text_cells(
    data: ExportData, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(_write(data, tmp_path, "summary", "xlsx"))
    assert workbook.sheetnames == [
        "Översikt", "Hela planen", SWEDISH[:31], "Socialavdelningen", "Försenade", "Förändringar"
    ]  # fmt: skip
    changes = workbook["Förändringar"]
    assert changes.freeze_panes == "A4" and changes.auto_filter.ref == "A3:E6"
    assert changes["E3"].value == "Ändrad av"  # who set each changed status
    sheet = workbook[SWEDISH[:31]]
    header_row = next(r for r in sheet.iter_rows() if r[0].value == "Aktivitet")[0].row
    assert sheet.freeze_panes == f"A{header_row + 1}"
    assert sheet.auto_filter.ref.startswith(f"A{header_row}:F")
    assert sheet.column_dimensions["A"].width > 20
    formula = next(c for row in sheet.iter_rows() for c in row if c.value == FORMULA_COMMENT)
    assert formula.data_type == "s" and formula.quotePrefix and formula.alignment.wrap_text
    minus = next(c for row in sheet.iter_rows() for c in row if c.value == MINUS_RESPONSIBLE)
    assert minus.data_type == "s"
    assert not any(c.data_type == "f" for ws in workbook for row in ws.iter_rows() for c in row)


def test_html_is_self_contained_and_escapes_markup(data: ExportData, tmp_path: Path) -> None:
    html = _write(data, tmp_path, "summary", "html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;" in html
    assert "<link" not in html and "src=" not in html and "@page" in html
    assert 'class="bar"' in html


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("what", ["summary", "plan"])
def test_a_plan_without_units_or_rounds_still_exports(
    database: Database, tmp_path: Path, what: str, fmt: str
) -> None:
    with database.write() as session:
        plan_id, _ = add_plan(session, title="Tom plan")
    with database.read() as session:
        empty = gather_export(plan_id, session=session)
    text, _ = READERS[fmt](_write(empty, tmp_path, what, fmt))
    if fmt == "csv":
        assert text.startswith("Avdelning/Enhet\tOmråde")
    elif what == "plan":
        assert "Planen har inga aktiviteter ännu." in text
    else:
        assert "Planen har ingen uppföljning ännu" in text and "Alla" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_round_exports_with_its_statuses_carried_over(
    database: Database, tmp_path: Path, fmt: str
) -> None:
    with database.write() as session:
        ids = add_tricky_plan(session)
    with database.read() as session:
        latest = gather_export(ids["plan"], session=session)
    assert latest.round.name == "T3 2024"
    text, _ = READERS[fmt](_write(latest, tmp_path, "summary", fmt))
    assert "Klar" in text and FORMULA_COMMENT not in text
    # Nothing was gone through in the empty round: every status is said to come from the round before.
    assert "Klar (status från uppföljningen före)" in text and "Genomgången" in text
    if fmt != "csv":
        assert "T3 2024" in text and "Ingen aktivitet har bytt status." in text
        n = len(latest.activities)
        assert f"0 av {n} aktiviteter gicks igenom i denna uppföljning. {n} gicks inte igenom" in " ".join(
            text.split()
        )


def test_an_existing_file_is_refused_without_overwrite_and_kept(data: ExportData, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("mitt")
    with pytest.raises(FileExistsExportError):
        write_export(data, what="plan", fmt="md", path=target, lang="sv", overwrite=False)
    assert target.read_text() == "mitt"
    write_export(data, what="plan", fmt="md", path=target, lang="sv", overwrite=True)
    assert "Aktivitetsplan" in target.read_text()


def test_a_failing_writer_leaves_no_half_file(data: ExportData, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import exporters.html

    def broken(outline, out) -> None:  # noqa: ANN001
        out.write(b"<html>half")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(exporters.html, "write_html", broken)
    target = tmp_path / "out.html"
    target.write_text("before")
    with pytest.raises(RuntimeError):
        write_export(data, what="plan", fmt="html", path=target, lang="sv", overwrite=True)
    assert target.read_text() == "before"
    assert [p.name for p in tmp_path.iterdir() if "out" in p.name] == ["out.html"]


def test_a_missing_folder_is_a_clear_error(data: ExportData, tmp_path: Path) -> None:
    with pytest.raises(ExportFileError) as caught:
        write_export(
            data, what="plan", fmt="csv", path=tmp_path / "nej" / "x.csv", lang="en", overwrite=False
        )
    assert caught.value.message() == f"Mappen {tmp_path / 'nej'} finns inte."


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write anywhere")
def test_a_folder_without_write_permission_is_a_clear_error(data: ExportData, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        with pytest.raises(ExportFileError) as caught:
            write_export(data, what="plan", fmt="csv", path=locked / "x.csv", lang="sv", overwrite=False)
        assert "får inte skriva" in caught.value.message()
    finally:
        locked.chmod(0o700)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_libreoffice_converts_to_pdf(data: ExportData, tmp_path: Path, fmt: str) -> None:
    source = _write(data, tmp_path, "summary", fmt)
    done = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), str(source)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "pdf" / "out.pdf").stat().st_size > 1000


def test_many_activities_land_in_every_format_row_for_row(database: Database, tmp_path: Path) -> None:
    """The bulk-built Word tables and the streamed sheets hold every activity (no timing: see benchmarks)."""
    from docx import Document
    from openpyxl import load_workbook

    from tests.export_fixtures import add_big_plan

    with database.write() as session:
        plan_id = add_big_plan(session, activities=300, units=3)
    with database.read() as session:
        big = gather_export(plan_id, session=session)
    assert len(big.activities) == 300
    activity_tables = [
        t for t in Document(str(_write(big, tmp_path, "plan", "docx"))).tables if len(t.columns) == 6
    ]
    areas_per_unit = [len(unit.areas()) for unit in big.units]
    assert [len(t.rows) for t in activity_tables] == [1 + 100 + n for n in areas_per_unit]
    workbook = load_workbook(_write(big, tmp_path, "summary", "xlsx"))
    assert [ws.max_row - int(ws.auto_filter.ref.split(":")[0][1:]) for ws in workbook.worksheets[1:4]] == [
        100 + n for n in areas_per_unit
    ]
    _, rows = read_csv(_write(big, tmp_path, "summary", "csv"))
    assert len(rows) == 301


def test_plan_document_gives_each_unit_pages_of_its_own(data: ExportData, tmp_path: Path) -> None:
    from docx import Document

    document = Document(str(_write(data, tmp_path, "plan", "docx")))
    breaks = {
        p.text: p.paragraph_format.page_break_before
        for p in document.paragraphs
        if p.style.name == "Heading 2"
    }
    assert breaks == {
        "Aktivitetsplan – Hela planen": False,
        f"Aktivitetsplan – {SWEDISH}": True,
        "Aktivitetsplan – Socialavdelningen": True,
    }
    html = _write(data, tmp_path, "plan", "html").read_text(encoding="utf-8")
    assert html.count('<h2 class="new-page">') == 2
