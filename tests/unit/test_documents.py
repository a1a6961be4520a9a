"""The plan document and the annual follow-up report in every format, opened with each format's own
library: sections in order, Markdown as real headings, lists and emphasis, typed numbers, page numbers,
and user text that looks like markup or a formula left as text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from db.changes import ChangeSet
from db.engine import Database
from db.queries.export import ExportData, gather_export, gather_report
from db.queries.sections import add_section
from exporters import FORMATS, write_export
from models.keyfigure import KeyFigure
from models.unit import Unit
from tests.export_fixtures import SWEDISH, add_round, add_tricky_plan
from tests.unit.test_cli import run
from tests.unit.test_export_files import READERS, squeezed

ANALYSIS = "Läget är **allvarligt** men *hanterbart*.\n\n## Åtgärder\n\n- punkt ett\n- punkt två"
# Markup of Typst, LaTeX, PDF and HTML, and a formula: all of it must come out as the text it is.
HOSTILE = '#set page(width: 1cm)\n\\begin{document} BT /F1 99 Tf (x) Tj ET\n=HYPERLINK("http://x.invalid")'


@pytest.fixture
def ids(database: Database) -> dict[str, int]:
    with database.write() as session:
        ids = add_tricky_plan(session)
        plan = ids["plan"]
        unit = session.exec(select(Unit.id).where(Unit.plan_id == plan, Unit.name == SWEDISH)).one()
        add_section(plan, session=session, kind="conclusion", body="Vi når målen år 2026.")
        add_section(plan, session=session, kind="introduction", body="Planen gäller *tre* år.")
        add_section(plan, session=session, kind="challenges", body="1. Rekrytera\n2. Behålla")
        add_section(plan, session=session, kind="analysis", unit_id=unit, body=ANALYSIS)
        add_section(plan, session=session, kind="risks", unit_id=unit, body=HOSTILE)
        changes = ChangeSet(session, plan_id=plan)
        for position, (period, count, share) in enumerate((("2023", 12, 13.5), ("2024", 10, 11.2))):
            figure = KeyFigure(plan_id=plan, unit_id=unit, name="personalomsättning", period_label=period,
                               count=count, share=share, position=position)  # fmt: skip
            changes.insert(figure)
        add_round(changes, plan, "T1 2025", date(2025, 4, 28), {
            ids["a2"]: ("done", "Klart nu"), ids["a4"]: ("cancelled", "Pengarna tog slut"),
        })  # fmt: skip
        return ids


@pytest.fixture
def plan(database: Database, ids: dict[str, int]) -> ExportData:
    with database.read() as session:
        return gather_export(ids["plan"], session=session)


@pytest.fixture
def report(database: Database, ids: dict[str, int]) -> ExportData:
    with database.read() as session:
        return gather_report(ids["plan"], session=session, year=2025)


def _write(data: ExportData, tmp_path: Path, what: str, fmt: str, lang: str = "sv") -> Path:
    return write_export(data, what=what, fmt=fmt, path=tmp_path / f"{what}.{fmt}", lang=lang, overwrite=False)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_plan_document_has_every_section_in_order(plan: ExportData, tmp_path: Path, fmt: str) -> None:
    text, _ = READERS[fmt](_write(plan, tmp_path, "plan", fmt))
    # The contents list the headings first; the last time each one is named is its place in the text.
    order = ["Inledning", "Gemensamma utmaningar", "Personalnyckeltal", f"Aktivitetsplan – {SWEDISH}",
             "Aktivitetsplan – Socialavdelningen", "Avslutning"]  # fmt: skip
    places = [squeezed(text).rindex(squeezed(h)) for h in order]
    assert places == sorted(places)
    assert squeezed("Vi når målen år 2026.") in squeezed(text)
    assert squeezed("Åsa Öberg") in squeezed(text)
    assert squeezed("Barn- och utbildningsnämnden") in squeezed(text)
    assert squeezed(HOSTILE) in squeezed(text) or fmt in ("md", "html", "xlsx")


def test_plan_document_in_word(plan: ExportData, tmp_path: Path) -> None:
    from docx import Document

    path = _write(plan, tmp_path, "plan", "docx")
    document = Document(str(path))
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert ("Title", "Kompetensförsörjningsplan 2024–2026") in styles
    headings = [text for style, text in styles if style in ("Heading 2", "Heading 3")]
    assert headings[:4] == ["Inledning", "Gemensamma utmaningar", "Personalnyckeltal", "Personalomsättning"]
    assert headings.index(SWEDISH) < headings.index("Analys") < headings.index("Riskanalys")
    assert ("Heading 5", "Åtgärder") in styles  # "##" in a unit's section, itself a Heading 3
    assert ("List Bullet", "punkt ett") in styles and ("List Number", "Rekrytera") in styles
    runs = [run for p in document.paragraphs for run in p.runs]
    assert any(r.text == "allvarligt" and r.bold for r in runs)
    assert any(r.text == "hanterbart" and r.italic for r in runs)
    assert any(HOSTILE.split("\n")[0] == p.text.split("\n")[0] for p in document.paragraphs)
    # Page numbers and the running header; a real table of contents that Word updates on opening.
    section = document.sections[0]
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml and "Sida" in footer_xml
    assert section.header.paragraphs[0].text == "Kompetensförsörjningsplan 2024–2026 – 2023-12-14"
    assert 'TOC \\o "2-3"' in document.element.body.xml
    assert "updateFields" in document.settings.element.xml


def test_report_and_summary_in_word_have_page_numbers(report: ExportData, tmp_path: Path) -> None:
    from docx import Document

    for what in ("report", "summary"):
        section = Document(str(_write(report, tmp_path, what, "docx"))).sections[0]
        assert "PAGE" in section.footer._element.xml
        assert section.header.paragraphs[0].text.endswith("2025-04-28")


def test_plan_document_in_excel_stores_numbers_and_dates_as_such(plan: ExportData, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(_write(plan, tmp_path, "plan", "xlsx"))
    overview = workbook["Översikt"]
    cells = {c.value: c for row in overview.iter_rows() for c in row if c.value is not None}
    decided = next(row[1] for row in overview.iter_rows() if row[0].value == "Beslutsdatum")
    assert decided.is_date and decided.value.date() == date(2023, 12, 14)
    share = next(c for c in cells.values() if c.value == pytest.approx(0.135))
    assert share.data_type == "n" and share.number_format == "0.0%"
    assert cells[12].data_type == "n"
    assert "1. Rekrytera" in cells
    unit_sheet = workbook[SWEDISH[:31]]
    texts = [c.value for row in unit_sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "• punkt ett" in texts
    formula = next(c for row in unit_sheet.iter_rows() for c in row if c.value == HOSTILE.split("\n")[2])
    assert formula.data_type == "s" and "Riskanalys" in texts
    assert not any(c.data_type == "f" for ws in workbook for row in ws.iter_rows() for c in row)


def test_plan_document_in_excel_has_a_chart_of_each_key_figure(plan: ExportData, tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(_write(plan, tmp_path, "plan", "xlsx")) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        assert "barChart" in archive.read(charts[0]).decode()


def test_markdown_and_html_carry_the_narrative_markup_and_escape_the_rest(
    plan: ExportData, tmp_path: Path
) -> None:
    md = _write(plan, tmp_path, "plan", "md").read_text(encoding="utf-8")
    assert "Läget är **allvarligt** men *hanterbart*." in md
    assert "##### Åtgärder" in md and "- punkt ett" in md and "1. Rekrytera" in md
    assert "\\#set page(width: 1cm)" in md
    html = _write(plan, tmp_path, "plan", "html").read_text(encoding="utf-8")
    assert "<strong>allvarligt</strong>" in html and "<em>hanterbart</em>" in html
    assert "<li>punkt ett</li>" in html and "<h5>Åtgärder</h5>" in html
    assert '<a href="#h0">Inledning</a>' in html and '<h2 id="h0">Inledning</h2>' in html
    assert "=HYPERLINK(&quot;http://x.invalid&quot;)" in html


def test_pdf_has_page_numbers_swedish_text_and_a_header_row_on_every_page(
    database: Database, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from tests.export_fixtures import add_big_plan

    with database.write() as session:
        plan_id = add_big_plan(session, activities=120, units=1)
    with database.read() as session:
        big = gather_export(plan_id, session=session)
    reader = PdfReader(_write(big, tmp_path, "plan", "pdf"))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) > 4
    for number, text in enumerate(pages[1:], start=2):
        assert f"Sida {number} av {len(pages)}" in text
    table_pages = [text for text in pages if "Aktivitet 1" in text or "Aktivitet 9" in text]
    assert len(table_pages) > 2
    assert all("Vad ska vi uppnå?" in text for text in table_pages)
    assert "Kompetensförsörjningsplan" in pages[0] and "Utveckla" in "".join(pages)
    bookmarks = reader.outline
    assert bookmarks[0].title == "Enhet 0" and bookmarks[1][0].title == "Aktivitetsplan – Enhet 0"


def test_pdf_draws_hostile_text_as_text(plan: ExportData, tmp_path: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(_write(plan, tmp_path, "plan", "pdf"))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert squeezed(HOSTILE) in squeezed(text)
    # The landscape pages all kept their size: nothing in the text set the page.
    assert {(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages} == {(842, 595)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_annual_report_tells_what_was_done_delayed_and_cancelled_this_year(
    report: ExportData, tmp_path: Path, fmt: str
) -> None:
    text, _ = READERS[fmt](_write(report, tmp_path, "report", fmt))
    flat = squeezed(text)
    assert squeezed("Stay interviews") in flat and squeezed("Klart nu") in flat  # done in 2025
    assert squeezed("Praktikplatser") in flat and squeezed("Väntar på högskolan") in flat  # still delayed
    assert squeezed("Ledarutvecklingsprogram") in flat and squeezed("Pengarna tog slut") in flat
    assert squeezed("Kompetensutveckling för alla") not in flat  # done the year before
    if fmt != "csv":
        assert squeezed("Genomfört sedan förra rapporten") in flat and squeezed("Framsteg per område") in flat
        assert squeezed("Nyckeltalens förändring") in flat and squeezed("T1 2025 (2025-04-28)") in flat


def test_annual_report_in_excel_has_typed_counts_and_changes(report: ExportData, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(_write(report, tmp_path, "report", "xlsx"))
    sheet = workbook[SWEDISH[:31]]
    change = next(row for row in sheet.iter_rows() if row[0].value == "personalomsättning")
    assert [c.value for c in change[1:5]] == ["2023", pytest.approx(0.135), "2024", pytest.approx(0.112)]
    assert change[5].value == pytest.approx(-2.3) and change[5].data_type == "n"
    overview = workbook["Översikt"]
    all_row = next(row for row in overview.iter_rows() if row[0].value == SWEDISH)
    assert [c.value for c in all_row[1:5]] == [1, 0, 0, 2] and all_row[5].number_format == "0.0%"


def test_summary_numbers_activities_and_shows_what_they_aim_for(report: ExportData, tmp_path: Path) -> None:
    text, cells = READERS["docx"](_write(report, tmp_path, "summary", "docx"))
    row = next(r for r in cells if "Stay interviews" in r)
    assert row[:3] == ["2", "Färre slutar", "Stay interviews"]


def test_cli_writes_the_plan_as_pdf_and_refuses_a_year_without_rounds(
    database: Database, ids: dict[str, int], tmp_path: Path, capsys
) -> None:  # noqa: ANN001
    database.dispose()
    target = tmp_path / "plan.pdf"
    db = str(database.path)
    code, out, err = run(capsys, "--db", db, "export", "1", "--what", "plan", "--format", "pdf",
                         "--output", str(target))  # fmt: skip
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF")
    code, out, err = run(capsys, "--db", db, "export", "1", "--what", "report", "--year", "2019",
                         "--format", "docx", "--output", str(tmp_path / "r.docx"))  # fmt: skip
    assert code == 2 and err.strip() == (
        "hrplan: Planen har ingen uppföljning år 2019. År med uppföljning: 2024, 2025."
    )
    assert not (tmp_path / "r.docx").exists()
