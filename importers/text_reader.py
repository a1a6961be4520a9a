"""Text copied out of a PDF: tab-separated table rows between paragraphs.

Blank lines and paragraphs separate tables, but the header is kept across them: after a page break
the PDF repeats it, or leaves it out. A row may continue the row before it (``Row.may_continue``).
"""

from __future__ import annotations

from collections.abc import Iterator

from importers.cells import html_items, strip_tags
from importers.errors import ImportFileError
from importers.model import SourceRef
from importers.stream import Cell, Event, Paragraph, Row, TableStart


def decode(data: bytes, file: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Swedish Excel and Notepad save it."""
    if b"\x00" in data[:8192]:
        raise ImportFileError("import.error.binary", where=file)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def text_events(text: str, file: str) -> Iterator[Event]:
    in_table = False
    gap = False
    for number, line in enumerate(text.splitlines(), start=1):
        where = SourceRef(file, line=number)
        if "\t" in line:
            if not in_table:
                yield TableStart(where, keep_header=True)
                in_table = True
            cells = tuple(Cell(html_items(part)) for part in line.split("\t"))
            yield Row(cells, where, may_continue=True)
            gap = False
            continue
        in_table = False
        if line.strip():
            yield Paragraph(strip_tags(line), where, gap_before=gap)
            gap = False
        else:
            gap = True
