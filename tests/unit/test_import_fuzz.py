"""On arbitrary text and arbitrary tables the importer raises nothing but its own ImportFileError,
and whatever it reads, the writer can store."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.engine import Database
from db.migrate import upgrade
from importers.errors import ImportFileError
from importers.files import read_plan_file
from importers.writer import write_plan

WORDS = [
    "Vad ska vi uppnå?", "Aktivitet <i>Hur gör vi det?</i>", "Måldatum", "Ansvarig (Funktion)",
    "Resurser", "Uppföljning / Kommentar", "Område", "Avdelning/Enhet", "Status", "Utveckla",
    "BEHÅLLA", "Avsluta/Avveckla", "Övrigt", "Eget område", "Avdelning/Enhet: Hemtjänsten",
    "Avdelning/Enhet:", "Datum: 2023-02-30", "Ansvarig chef: Anna", "1. Ett 2. Två", "<p>A</p> <p>B</p>",
    "<p>2024</p><p>Löpande</p>", "År 2025", "Löpande", "T4 2024", "2024-2026", "&amp;", "<ul><li>x",
    # Lists, follow-up columns, page furniture, key figures and narrative
    "Läge", "Kommentar", "Klar", "grön", "Röd", "Ej påbörjad", "Åtgärd", "Nr", "Uppdrag", "Ansvar: HR",
    "Tidplan: 2025. Vem: Chef", "Aktivitet: Kurs", "• Kurs", "- ", "1.", "1. 2. 3.", "2. Mentor",
    "Beslutsdatum", "Paragraf", "Sida", "Sida 2 av 5", "§ 146", "3", "Avdelning", "antal", "andel",
    "12,5 %", "Totalt", "Uppgifter", "Analys", "Riskanalys enheten", "Riskanalyser", "Lärande",
]  # fmt: skip
LINES = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=30), st.just("")), min_size=1,
                 max_size=20)  # fmt: skip
HEADINGS = WORDS[:9]
cells = st.one_of(st.sampled_from(WORDS), st.text(max_size=30), st.just(""))
body = st.lists(st.lists(cells, min_size=1, max_size=7), min_size=1, max_size=12)
# Mostly with a header row of known columns, so that the rows get read, not only refused.
header = st.lists(st.sampled_from(HEADINGS), min_size=2, max_size=7, unique=True)
with_header = st.tuples(header, body).map(lambda hb: [hb[0], *hb[1]])
tables = st.one_of(body, with_header, with_header, with_header)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_folder = Path(tempfile.mkdtemp(prefix="hrplan-fuzz-"))
_database = Database(_folder / "fuzz.db")
upgrade(_database)


def printable(text: str) -> str:
    """What Word and Excel accept in a cell."""
    return "".join(ch for ch in text if ch.isprintable() or ch == "\n")


def import_quietly(path: Path) -> None:
    try:
        imported = read_plan_file(path)
    except ImportFileError as exc:
        assert exc.message()
        return
    with _database.write() as session:
        write_plan(imported, session=session)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    path = _folder / "fritt.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    import_quietly(path)


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from([".docx", ".xlsx", ".csv", ".txt", ""]))
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    path = _folder / f"bytes{suffix}"
    path.write_bytes(data)
    import_quietly(path)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables, st.lists(st.sampled_from(WORDS + ["Kompetensförsörjningsplan 2024"]), max_size=4))
def test_arbitrary_tables_as_pdf_text_and_csv(rows: list[list[str]], paragraphs: list[str]) -> None:
    lines = ["\t".join(c.replace("\t", " ").replace("\n", " ") for c in r) for r in rows]
    text = "\n".join(paragraphs + lines)
    path = _folder / "tabell.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    import_quietly(path)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    path = _folder / "tabell.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", errors="surrogatepass")
    import_quietly(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables, st.lists(st.sampled_from(WORDS), max_size=3))
def test_arbitrary_tables_in_word_and_excel(rows: list[list[str]], paragraphs: list[str]) -> None:
    import docx
    from openpyxl import Workbook

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.cell(r, c).text = printable(text)
    if len(rows) > 1 and width > 1:
        table.cell(0, 0).merge(table.cell(0, width - 1))
    path = _folder / "tabell.docx"
    document.save(str(path))
    import_quietly(path)
    workbook = Workbook()
    for text in paragraphs:
        workbook.active.append([text])
    for values in rows:
        workbook.active.append([printable(v) for v in values])
    workbook.create_sheet("Blad 2").append([printable(v) for v in rows[0]])
    path = _folder / "tabell.xlsx"
    workbook.save(str(path))
    import_quietly(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, st.lists(st.sampled_from(["", "List Bullet", "Heading 2", "bold"]), min_size=20, max_size=20))
def test_arbitrary_lists_as_text_and_word_paragraphs(lines: list[str], styles: list[str]) -> None:
    path = _folder / "lista.txt"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    import_quietly(path)
    import docx

    document = docx.Document()
    for text, style in zip(lines, styles, strict=False):
        text = printable(text).replace("\n", " ")
        if style == "bold":
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text, style=style or None)
    path = _folder / "lista.docx"
    document.save(str(path))
    import_quietly(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables, LINES, st.one_of(st.none(), st.sampled_from(["Hemtjänsten", "ny enhet", " "])))
def test_arbitrary_files_into_an_existing_plan(
    rows: list[list[str]], lines: list[str], unit: str | None
) -> None:
    from db.demo import add_demo_plan
    from db.queries.import_target import import_target
    from importers.into import fit_into
    from importers.writer import write_into

    with _database.write() as session:
        plan_id, _ = add_demo_plan(session=session)
    text = "\n".join(lines + ["\t".join(c.replace("\t", " ").replace("\n", " ") for c in r) for r in rows])
    path = _folder / "avdelning.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        imported = read_plan_file(path)
        with _database.read() as session:
            into = fit_into(imported, import_target(plan_id, session=session), unit=unit)
    except ImportFileError as exc:
        assert exc.message()
        return
    with _database.write() as session:
        write_into(into, session=session)
