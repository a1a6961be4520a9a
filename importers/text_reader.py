"""Text copied out of a PDF: tab-separated table rows between paragraphs.

Blank lines and paragraphs separate tables, but the header is kept across them: after a page break
the PDF repeats it, or leaves it out. A row may continue the row before it (``Row.may_continue``).

The file is read line by line, never whole: its encoding is found in a first pass that keeps
nothing, then its lines are streamed.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from importers.cells import html_items, strip_tags
from importers.errors import ImportFileError
from importers.limits import Counter
from importers.markup import MarkupNotes
from importers.model import SourceRef
from importers.stream import Cell, Event, Paragraph, Row, TableStart

_CHUNK = 1 << 20


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


def _decodes_as(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def open_text(path: Path, file: str, *, newline: str | None = None) -> TextIO:
    """The file as text, in the encoding ``decode`` would choose, to be read as a stream."""
    with path.open("rb") as fh:
        if b"\x00" in fh.read(8192):
            raise ImportFileError("import.error.binary", where=file)
    encoding = next((e for e in ("utf-8-sig", "cp1252") if _decodes_as(path, e)), "latin-1")
    return path.open("r", encoding=encoding, newline=newline)


def lines_of(stream: TextIO) -> Iterator[str]:
    """The lines of ``stream`` as ``str.splitlines`` would split the whole text."""
    with stream:
        for line in stream:
            yield from line.splitlines() or [""]


def text_events(lines: Iterable[str] | str, file: str) -> Iterator[Event]:
    if isinstance(lines, str):
        lines = lines.splitlines()
    counter = Counter(file)
    markup = MarkupNotes()
    in_table = False
    gap = False
    for number, line in enumerate(lines, start=1):
        where = SourceRef(file, line=number)
        if line.strip():
            counter.row()
            markup.see(line, where)
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
    if (notice := markup.notice()) is not None:
        yield notice
