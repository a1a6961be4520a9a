"""Word documents (DOCX): body paragraphs and tables, read from the package's XML directly.

python-docx's cell objects are slow and repeat a merged cell's text in every column it spans, so the
document part is parsed with lxml alone and cells are read from the ``w:tc`` elements: a cell
spanning columns (``w:gridSpan``) counts once and fills its columns, a cell merged with the one
above (``w:vMerge``) repeats that cell's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from importers.cells import tidy
from importers.errors import ImportFileError, reason_of
from importers.model import SourceRef
from importers.stream import BOLD, HEADING, LIST, Cell, Event, Paragraph, Row, TableStart

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n"}


def paragraph_text(p) -> str:  # noqa: ANN001 - an lxml element
    parts = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
        if el.tag == W + "t":
            parts.append(el.text or "")
        elif el.tag == W + "noBreakHyphen":
            parts.append("-")
        else:
            parts.append(_TEXT_TAGS[el.tag])
    return "".join(parts)


def _style(p) -> str:  # noqa: ANN001
    style = p.find(f"{W}pPr/{W}pStyle")
    return (style.get(W + "val") or "").lower() if style is not None else ""


def _look(p, style: str) -> str:  # noqa: ANN001
    """"heading", "bold", "list" or "" (see ``Paragraph.style``)."""
    if style.startswith(("heading", "rubrik")) and style[-1:].isdigit():
        return HEADING
    props = p.find(W + "pPr")
    if props is not None and props.find(W + "numPr") is not None:
        return LIST
    if style.startswith(("listparagraph", "liststycke", "listbullet", "listnumber", "punktlista")):
        return LIST
    runs = [r for r in p.iterchildren(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip()]
    if runs and all(_bold(r) for r in runs):
        return BOLD
    return ""


def _bold(run) -> bool:  # noqa: ANN001
    b = run.find(f"{W}rPr/{W}b")
    return b is not None and (b.get(W + "val") or "true").lower() not in ("0", "false", "off")


def _cell_items(tc) -> tuple[str, ...]:  # noqa: ANN001
    items = [tidy(paragraph_text(p)) for p in tc.iter(W + "p")]
    return tuple(i for i in items if i) or ("",)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _table_rows(tbl, file: str, table_no: int) -> Iterator[Row]:  # noqa: ANN001
    above: dict[int, tuple[str, ...]] = {}  # column → items of the cell that starts a vertical merge
    for row_no, tr in enumerate(tbl.iterchildren(W + "tr"), start=1):
        cells: list[Cell] = []
        column = 0
        tcs = [tc for tc in tr.iterchildren(W + "tc")]
        for tc in tcs:
            props = tc.find(W + "tcPr")
            span, merge = 1, None
            if props is not None:
                grid = props.find(W + "gridSpan")
                span = max(1, _int(grid.get(W + "val") if grid is not None else None, 1))
                vmerge = props.find(W + "vMerge")
                if vmerge is not None:
                    merge = vmerge.get(W + "val") or "continue"
            items = _cell_items(tc)
            if merge == "continue":
                items = above.get(column, items)
            else:
                above[column] = items
            cells.append(Cell(items, spans_row=len(tcs) == 1 and span > 1))
            cells.extend(Cell(("",)) for _ in range(span - 1))
            column += span
        yield Row(tuple(cells), SourceRef(file, table=table_no, row=row_no))


def _blocks(body) -> Iterator:  # noqa: ANN001
    """Paragraphs and tables of the body in order, also inside content controls (``w:sdt``)."""
    for child in body.iterchildren():
        if child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (W + "p", W + "tbl"):
            yield child


def _parts(path: Path, file: str) -> tuple:
    """The document's body element and its title property ("" when none)."""
    import zipfile

    from lxml import etree

    # No entities, no network: the file comes from anywhere.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        with zipfile.ZipFile(path) as package:
            document = etree.fromstring(package.read("word/document.xml"), parser)
            names = set(package.namelist())
            core = None
            if "docProps/core.xml" in names:
                core = etree.fromstring(package.read("docProps/core.xml"), parser)
    except Exception as exc:  # noqa: BLE001 - any failure of a damaged package means the same
        raise ImportFileError("import.error.not_docx", where=file, reason=reason_of(exc)) from None
    body = document.find(W + "body")
    if body is None:
        raise ImportFileError("import.error.not_docx", where=file, reason="word/document.xml: no w:body")
    title = core.findtext("{http://purl.org/dc/elements/1.1/}title") if core is not None else None
    return body, (title or "").strip()


def docx_events(path: Path, file: str) -> Iterator[Event]:
    body, title = _parts(path, file)
    table_no = paragraph_no = 0
    for block in _blocks(body):
        if block.tag == W + "tbl":
            table_no += 1
            yield TableStart(SourceRef(file, table=table_no))
            yield from _table_rows(block, file, table_no)
        else:
            paragraph_no += 1
            text = tidy(paragraph_text(block).replace("\t", " "))
            if text:
                style = _style(block)
                titled = style in ("title", "rubrik")
                look = "" if titled else _look(block, style)
                yield Paragraph(text, SourceRef(file, paragraph=paragraph_no), titled=titled, style=look)
    # The document's own title property last: styled title paragraphs are more often right.
    if title:
        yield Paragraph(title, SourceRef(file), titled=True)
