"""Hostile import files, made on the spot at any scale: for ``make bench`` (full size) and the tests
(small, with small limits). Each maker writes ``path`` and returns it.

- ``empty_paragraphs_docx``: a Word file of nothing but empty paragraphs, packed to a few hundred KB.
- ``claimed_sheet_xlsx``: a small workbook whose sheet claims, and has a cell at, XFD1048576.
- ``rows_csv``: a CSV file of as many activity rows as asked (a million: about 43 MB).
- ``zip_bomb_docx``: a Word file whose document part unpacks to far more than it weighs.
- ``entity_bomb_docx``: a Word file whose document part declares nested XML entities.
- ``activities_docx``: a Word plan of as many activities as asked.
- ``large_text``: text copied out of a PDF, as large as asked.
"""

from __future__ import annotations

import zipfile
from itertools import chain
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_HEAD = f'<w:document xmlns:w="{W_NS}"><w:body>'
_FOOT = "</w:body></w:document>"
_CHUNK = 1 << 20


def _docx(path: Path, pieces, *, prolog: str = "") -> Path:  # noqa: ANN001 - an iterable of str
    """A Word package whose document part is the declaration, ``prolog`` (a DTD), the pieces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write((_DECLARATION + prolog + _HEAD).encode())
            buffer: list[str] = []
            size = 0
            for piece in pieces:
                buffer.append(piece)
                size += len(piece)
                if size >= _CHUNK:
                    part.write("".join(buffer).encode())
                    buffer, size = [], 0
            part.write(("".join(buffer) + _FOOT).encode())
    return path


def empty_paragraphs_docx(path: Path, paragraphs: int = 40_000_000) -> Path:
    """Empty paragraphs only (40 million: about 350 KB packed, 240 MB unpacked)."""
    full, rest = divmod(paragraphs, 10_000)
    return _docx(path, chain(("<w:p/>" * 10_000 for _ in range(full)), ["<w:p/>" * rest]))


def zip_bomb_docx(path: Path, unpacked_mb: int = 1024) -> Path:
    """A document part of ``unpacked_mb`` MB of one repeated space, packed about a thousandfold."""
    return _docx(path, (" " * _CHUNK for _ in range(unpacked_mb)))


def entity_bomb_docx(path: Path, levels: int = 10) -> Path:
    """The billion laughs: each entity ten of the one before, used in a cell of a table."""
    entities = ['<!ENTITY l0 "ha">'] + [
        f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">' for n in range(1, levels)
    ]
    prolog = f'<!DOCTYPE w:document [{"".join(entities)}]>'
    cell = f"<w:tc><w:p><w:r><w:t>&l{levels - 1};</w:t></w:r></w:p></w:tc>"
    return _docx(path, [f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>"], prolog=prolog)


def _cell(text: str) -> str:
    return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


HEADER = ("Vad ska vi uppnå?", "Aktivitet", "Måldatum", "Ansvarig", "Resurser", "Uppföljning")


def activities_docx(path: Path, activities: int = 25_000) -> Path:
    """A plan in the template's columns: one table, an area row, then ``activities`` rows."""

    def pieces():  # noqa: ANN202
        yield "<w:p><w:r><w:t>Kompetensförsörjningsplan 2025–2027</w:t></w:r></w:p><w:tbl>"
        yield "<w:tr>" + "".join(_cell(h) for h in HEADER) + "</w:tr>"
        yield "<w:tr>" + _cell("Utveckla") + "".join(_cell("") for _ in HEADER[1:]) + "</w:tr>"
        for n in range(activities):
            yield ("<w:tr>" + _cell(f"Mål {n}") + _cell(f"Aktivitet {n}") + _cell("2026")
                   + _cell("Enhetschef") + _cell("") + _cell("") + "</w:tr>")  # fmt: skip
        yield "</w:tbl>"

    return _docx(path, pieces())


def rows_csv(path: Path, rows: int = 1_000_000) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("Vad ska vi uppnå?;Aktivitet;Måldatum;Ansvarig\r\n")
        for n in range(rows):
            out.write(f"Mål {n};Aktivitet {n};2026;Enhetschef\r\n")
    return path


def large_text(path: Path, megabytes: int = 60) -> Path:
    line = "Utveckla\tKompetenshöjande insatser\tÅr 2025\tEnhetschef\n"
    with path.open("w", encoding="utf-8") as out:
        for _ in range(megabytes * (1 << 20) // len(line.encode()) + 1):
            out.write(line)
    return path


def claimed_sheet_xlsx(path: Path, rows: int = 3, far_row: int = 1_048_576) -> Path:
    """A workbook of a header and ``rows`` activities whose sheet claims A1:XFD1048576 and has a
    cell in column XFD of row ``far_row`` (the last row unless told), as a broken exporter writes it."""
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(HEADER[:4]))
    for n in range(rows):
        sheet.append([f"Mål {n}", f"Aktivitet {n}", "2026", "Enhetschef"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index("<dimension ref=")
                end = text.index("/>", start) + 2
                far = f'<row r="{far_row}"><c r="XFD{far_row}" t="inlineStr"><is><t>slut</t></is></c></row>'
                text = text[:start] + '<dimension ref="A1:XFD1048576"/>' + text[end:]
                data = text.replace("</sheetData>", far + "</sheetData>").encode()
            target.writestr(info, data)
    return path
