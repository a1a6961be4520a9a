"""Files that are not plans: one ImportFileError that says what is wrong and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n import set_language
from importers.errors import ImportFileError
from importers.files import read_plan_file
from tests.unit.import_fixtures import write_docx


def message_of(path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        read_plan_file(path)
    return caught.value.message()


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_text("Detta är bara text", encoding="utf-8")
    assert message_of(path).startswith("plan.docx: filen är inte ett läsbart Word-dokument")


def test_truncated_docx(tmp_path: Path) -> None:
    whole = write_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert message_of(path).startswith("cut.docx: filen är skadad")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "tom.xlsx"
    path.write_bytes(b"")
    assert message_of(path) == "tom.xlsx: filen är tom."


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "filen finns inte" in message_of(tmp_path / "saknas.docx")
    assert "mapp" in message_of(tmp_path)


def test_table_without_a_header_names_the_table_and_row(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Kompetensförsörjningsplan 2024-2026")
    table = document.add_table(rows=2, cols=3)
    rows = [["Bättre introduktion", "Fadder", "2025"], ["Fler sökande", "Mässa", "2024"]]
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.cell(r, c).text = text
    path = tmp_path / "utan-rubrik.docx"
    document.save(str(path))
    message = message_of(path)
    assert message.startswith("utan-rubrik.docx, tabell 1, rad 1: hittar ingen aktivitetstabell")


def test_header_without_activities(tmp_path: Path) -> None:
    path = tmp_path / "tom.csv"
    path.write_text("Vad ska vi uppnå?;Aktivitet;Måldatum\n", encoding="utf-8")
    assert "rubriker men inga aktiviteter" in message_of(path)


def test_binary_text_file_and_pdf_and_old_formats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"abc\x00\x01\x02")
    assert "inte text" in message_of(tmp_path / "a.txt")
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.7 ...")
    assert "kopiera" in message_of(tmp_path / "plan.pdf")
    (tmp_path / "plan.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    assert ".docx" in message_of(tmp_path / "plan.doc")


def test_a_cell_too_long_names_its_row(tmp_path: Path) -> None:
    path = tmp_path / "lång.txt"
    path.write_text("Vad ska vi uppnå?\tAktivitet\nUtveckla\t\nMål\t" + "x" * 20_001 + "\n", encoding="utf-8")
    assert message_of(path).startswith("lång.txt, rad 3: en cell är längre än 20000 tecken")


def test_message_in_english(tmp_path: Path) -> None:
    set_language("en")
    assert message_of(tmp_path / "none.csv").endswith(": there is no such file.")
