"""Hostile import files are refused where their data enters, with the limit named in one line.

The same makers as ``make bench`` (which measures them at full size against 10 s and 300 MB), here
small, with small limits. Nothing is written: an import that is refused saves nothing.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from benchmarks import hostile_files as make
from i18n import load_catalog
from importers.errors import ImportFileError
from importers.files import read_plan_file
from importers.limits import set_limits

LIBXML_WORDS = ("amplification", "xmlCtxt", "Maximum", "line 1, column", "lxml", "huge")


def refusal(path: Path) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        read_plan_file(path)
    assert caught.value.key in load_catalog(), caught.value.key
    for lang in ("sv", "en"):
        from i18n import set_language

        set_language(lang)
        text = caught.value.message()
        assert "\n" not in text and not any(word in text for word in LIBXML_WORDS), text
    set_language("sv")
    return caught.value


@pytest.fixture(autouse=True)
def _english() -> None:
    from i18n import set_language

    set_language("en")
    yield
    set_language("sv")


def english(error: ImportFileError) -> str:
    from i18n import set_language

    set_language("en")
    return error.message()


def test_a_word_file_of_empty_paragraphs_is_refused_by_its_unpacked_size(tmp_path: Path) -> None:
    path = make.empty_paragraphs_docx(tmp_path / "tom.docx", 300_000)  # 1.8 MB unpacked, 15 KB packed
    assert path.stat().st_size < 50_000
    with set_limits(content_bytes=1024 * 1024):
        text = english(refusal(path))
    assert text == "tom.docx: the file is larger than 1 MB unpacked; hrplan does not read files that large."


def test_a_word_file_of_empty_paragraphs_within_the_size_is_refused_by_its_paragraphs(tmp_path: Path) -> None:
    path = make.empty_paragraphs_docx(tmp_path / "tom.docx", 5_000)
    with set_limits(paragraphs=1_000):
        assert "more than 1\u00a0000 paragraphs" in english(refusal(path))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = make.zip_bomb_docx(tmp_path / "bomb.docx", 4)
    with set_limits(content_bytes=1024 * 1024):
        assert "larger than 1 MB unpacked" in english(refusal(path))


def test_a_zip_bomb_that_lies_about_its_size_is_stopped_at_the_size_it_claims(tmp_path: Path) -> None:
    path = make.zip_bomb_docx(tmp_path / "bomb.docx", 2)
    data = bytearray(path.read_bytes())
    name, i = b"word/document.xml", 0
    while (i := data.find(name, i)) != -1:  # the size in the local header and in the directory
        if data[i - 30 : i - 26] == b"PK\x03\x04":
            struct.pack_into("<I", data, i - 30 + 22, 2000)
        elif data[i - 46 : i - 42] == b"PK\x01\x02":
            struct.pack_into("<I", data, i - 46 + 24, 2000)
        i += 1
    path.write_bytes(bytes(data))
    assert "the file is damaged" in english(refusal(path))


def test_an_xml_entity_bomb_is_refused_in_words_of_hrplan(tmp_path: Path) -> None:
    path = make.entity_bomb_docx(tmp_path / "skratt.docx")
    assert "XML entity declarations" in english(refusal(path))


def test_an_entity_in_a_cell_is_not_dropped_in_silence(tmp_path: Path) -> None:
    """One harmless entity used in a cell: before, the cell's text after it vanished without a word."""
    prolog = '<!DOCTYPE w:document [<!ENTITY chef "Enhetschef">]>'
    cells = "".join(f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>" for text in
                    ("Vad ska vi uppnå?", "Aktivitet", "Ansvarig"))  # fmt: skip
    row = "<w:tc><w:p><w:r><w:t>Mål</w:t></w:r></w:p></w:tc>" * 2
    row += "<w:tc><w:p><w:r><w:t>&chef; och HR</w:t></w:r></w:p></w:tc>"
    path = make._docx(tmp_path / "plan.docx", [f"<w:tbl><w:tr>{cells}</w:tr><w:tr>{row}</w:tr></w:tbl>"],
                      prolog=prolog)  # fmt: skip
    assert "XML entity declarations" in english(refusal(path))


def test_a_sheet_claiming_the_last_cell_is_read_as_it_is(tmp_path: Path) -> None:
    path = make.claimed_sheet_xlsx(tmp_path / "plan.xlsx", rows=3, far_row=2_000)
    with set_limits(columns=20):
        plan = read_plan_file(path)
    assert [a.description for a in plan.activities] == ["Aktivitet 0", "Aktivitet 1", "Aktivitet 2"]
    messages = [w.message() for w in plan.warnings]
    assert any("the sheet claims 16\u00a0384 columns; only the first 20 are read" in m for m in messages)


def test_a_csv_of_too_many_rows_is_refused_as_it_streams(tmp_path: Path) -> None:
    path = make.rows_csv(tmp_path / "rader.csv", 2_000)
    with set_limits(rows=500):
        assert english(refusal(path)) == (
            "rader.csv: the file has more than 500 rows with content; hrplan does not read plans that large."
        )


def test_a_large_text_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = make.large_text(tmp_path / "plan.txt", 2)
    with set_limits(content_bytes=1024 * 1024):
        assert "larger than 1 MB unpacked" in english(refusal(path))


def test_too_many_activities_are_refused_naming_the_limit(tmp_path: Path) -> None:
    path = make.activities_docx(tmp_path / "plan.docx", 150)
    with set_limits(activities=100):
        assert "gives 150 activities, more than 100" in english(refusal(path))
    with set_limits(activities=150):
        assert len(read_plan_file(path).activities) == 150


def test_a_package_of_too_many_parts(tmp_path: Path) -> None:
    path = make.activities_docx(tmp_path / "plan.docx", 3)
    with zipfile.ZipFile(path, "a") as package:
        for n in range(60):
            package.writestr(f"customXml/item{n}.xml", "<a/>")
    with set_limits(members=50):
        assert "more than 50 parts" in english(refusal(path))


def test_a_workbook_with_a_dtd_is_refused_before_openpyxl_parses_it(tmp_path: Path) -> None:
    source = make.claimed_sheet_xlsx(tmp_path / "källa.xlsx", rows=1, far_row=10)
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
                if data.startswith(b"<?xml"):
                    head, rest = data.split(b"?>", 1)
                    data = head + b"?>" + dtd + rest
                else:
                    data = dtd + data
            out.writestr(info, data)
    assert "XML entity declarations" in english(refusal(path))


def test_nesting_beyond_the_xml_readers_limit(tmp_path: Path) -> None:
    deep = "<w:sdt><w:sdtContent>" * 300 + "</w:sdtContent></w:sdt>" * 300
    path = make._docx(tmp_path / "djup.docx", [deep])
    assert "goes beyond the XML reader's limits" in english(refusal(path))


def test_a_damaged_document_part_names_the_line(tmp_path: Path) -> None:
    path = make._docx(tmp_path / "trasig.docx", ["<w:p><w:r><w:t>Mål</w:r></w:p>"])
    assert english(refusal(path)) == (
        "trasig.docx: the file is damaged: word/document.xml is not valid XML (line 1)."
    )


def test_markup_removed_from_cells_is_told_and_words_in_angle_brackets_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Vad ska vi uppnå?\tAktivitet\tAnsvarig\n"
        "Utveckla\n"
        "Bättre introduktion\t<b>Mentorer</b> för nya\t<Enhetschef>\n"
        "Fler sökande\t<i>Mässor</i>\tHR\n",
        encoding="utf-8",
    )
    plan = read_plan_file(path)
    assert [a.description for a in plan.activities] == ["Mentorer för nya", "Mässor"]
    assert plan.activities[0].responsible == "<Enhetschef>"
    warned = [w.message() for w in plan.warnings if w.key == "import.warn.markup_removed"]
    assert warned == [
        "plan.txt, line 3: markup (<b>, <i>) was removed from 2 cells, first here; their text is kept."
    ]


def test_a_damaged_sheet_is_told_in_words_of_hrplan(tmp_path: Path) -> None:
    source = make.claimed_sheet_xlsx(tmp_path / "källa.xlsx", rows=1, far_row=10)
    path = tmp_path / "trasig.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b"<row><c></sheetData>")
            out.writestr(info, data)
    text = english(refusal(path))
    assert text.startswith("trasig.xlsx: the file is damaged: Sheet is not valid XML (line"), text
