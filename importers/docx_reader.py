"""Word documents (DOCX): body paragraphs and tables, read from the package's XML directly.

python-docx's cell objects are slow and repeat a merged cell's text in every column it spans, so the
document part is parsed with lxml alone and cells are read from the ``w:tc`` elements: a cell
spanning columns (``w:gridSpan``) counts once and fills its columns, a cell merged with the one
above (``w:vMerge``) repeats that cell's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from importers import limits
from importers.cells import tidy
from importers.errors import ImportFileError, reason_of
from importers.limits import BoundedStream, Budget, Counter, too_large
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


def _row(tr, above: dict[int, tuple[str, ...]], where: SourceRef) -> Row:  # noqa: ANN001
    """One table row: a cell spanning columns fills them, a cell merged with the one above repeats it."""
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
        span = min(span, limits.LIMITS.columns)  # a span of a million columns is not trusted
        items = _cell_items(tc)
        if merge == "continue":
            items = above.get(column, items)
        else:
            above[column] = items
        cells.append(Cell(items, spans_row=len(tcs) == 1 and span > 1))
        cells.extend(Cell(("",)) for _ in range(span - 1))
        column += span
    return Row(tuple(cells), where)


def xml_error(exc: Exception, file: str, part: str) -> ImportFileError:
    """libxml's complaint in the user's words: a limit of the parser, or a damaged part."""
    text = str(exc).lower()
    if any(word in text for word in ("huge", "amplification", "too large", "depth", "excessive")):
        return ImportFileError("import.error.xml_limit", where=file, part=part)
    line = getattr(exc, "lineno", None) or (getattr(exc, "position", None) or ("?",))[0]
    return ImportFileError("import.error.xml_damaged", where=file, part=part, line=str(line))


def _parser_options() -> dict:
    # No entities, no network, libxml's own size limits kept (no huge_tree): the file comes from anywhere.
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def _member(package, name: str, file: str, budget: Budget):  # noqa: ANN001, ANN202
    """A part of the package, read through the byte budget; its size checked before reading."""
    info = package.getinfo(name)
    if info.file_size > budget.left:
        raise too_large(file)
    return BoundedStream(package.open(info), budget, file)


def _title(package, file: str, budget: Budget) -> str:  # noqa: ANN001
    from lxml import etree

    if "docProps/core.xml" not in package.namelist():
        return ""
    stream = _member(package, "docProps/core.xml", file, budget)
    try:
        core = etree.parse(stream, etree.XMLParser(**_parser_options())).getroot()
    except etree.XMLSyntaxError as exc:
        raise xml_error(exc, file, "docProps/core.xml") from None
    finally:
        stream.close()
    return (core.findtext("{http://purl.org/dc/elements/1.1/}title") or "").strip()


def _top_level(element) -> bool:  # noqa: ANN001
    """A paragraph or table of the body itself (also inside a content control), not of a table."""
    return next(element.iterancestors(W + "tbl"), None) is None


def docx_events(path: Path, file: str) -> Iterator[Event]:
    """The body's paragraphs and tables in order, streamed: each row is read when it ends and then
    dropped, so a large document never sits in memory whole."""
    import zipfile
    import zlib

    from lxml import etree

    budget = Budget()
    counter = Counter(file)
    try:
        package = zipfile.ZipFile(path)
    except Exception as exc:  # noqa: BLE001 - any failure of a damaged package means the same
        raise ImportFileError("import.error.not_docx", where=file, reason=reason_of(exc)) from None
    with package:
        title = _title(package, file, budget)
        stream = _member(package, "word/document.xml", file, budget)
        events = etree.iterparse(stream, events=("end",), tag=(W + "p", W + "tr", W + "tbl", W + "body"),
                                 **_parser_options())  # fmt: skip
        table = None  # the top-level table being read, its number and vertical merges
        table_no = row_no = paragraph_no = 0
        above: dict[int, tuple[str, ...]] = {}
        body_seen = False
        try:
            for _, element in events:
                tag = element.tag
                if tag == W + "p":
                    counter.paragraph()
                    if not _top_level(element):
                        continue  # read with its row
                    paragraph_no += 1
                    text = tidy(paragraph_text(element).replace("\t", " "))
                    if text:
                        counter.row()
                        style = _style(element)
                        titled = style in ("title", "rubrik")
                        look = "" if titled else _look(element, style)
                        where = SourceRef(file, paragraph=paragraph_no)
                        yield Paragraph(text, where, titled=titled, style=look)
                    _drop(element)
                elif tag == W + "tr":
                    tbl = element.getparent()
                    if tbl is None or tbl.tag != W + "tbl" or not _top_level(tbl):
                        continue  # a row of a table in a cell: read with the outer cell
                    if tbl is not table:
                        table, above = tbl, {}
                        table_no += 1
                        yield TableStart(SourceRef(file, table=table_no))
                        row_no = 0
                    counter.row()
                    row_no += 1
                    yield _row(element, above, SourceRef(file, table=table_no, row=row_no))
                    _drop(element)
                elif tag == W + "tbl":
                    if not _top_level(element):
                        continue
                    if element is not table:  # a table without rows
                        table_no += 1
                        yield TableStart(SourceRef(file, table=table_no))
                    table = None
                    _drop(element)
                else:
                    body_seen = True
        except etree.XMLSyntaxError as exc:
            raise xml_error(exc, file, "word/document.xml") from None
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:  # a part that unpacks otherwise than said
            raise ImportFileError("import.error.damaged_zip", where=file, reason=reason_of(exc)) from None
        finally:
            stream.close()
    if not body_seen:
        raise ImportFileError("import.error.not_docx", where=file, reason="word/document.xml: no w:body")
    # The document's own title property last: styled title paragraphs are more often right.
    if title:
        yield Paragraph(title, SourceRef(file), titled=True)


def _drop(element) -> None:  # noqa: ANN001
    """Free what has been read: the element's content and its siblings before it."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
