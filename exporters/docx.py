"""The outline as a Word document: real headings, tables with a repeating header, landscape pages.

python-docx adds table rows one at a time through its object model, which takes seconds for thousands
of activities; tables are therefore built as WordprocessingML text in one go and parsed once.
"""

from __future__ import annotations

from typing import BinaryIO
from xml.sax.saxutils import escape

from exporters.blocks import STATUS_COLOURS, AreaRow, Bars, Facts, Heading, Outline, Paragraph, Table
from exporters.cells import xml_safe

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_CM = 567
PAGE_WIDTH_CM, PAGE_HEIGHT_CM, MARGIN_CM = 29.7, 21.0, 1.8
TEXT_WIDTH = round((PAGE_WIDTH_CM - 2 * MARGIN_CM) * TWIPS_PER_CM)
HEADER_FILL, AREA_FILL = "DFE7EF", "F0F0F0"
BAR_LABEL_WIDTH = round(5 * TWIPS_PER_CM)
BAR_WIDTH = round(15 * TWIPS_PER_CM)
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _runs(text: str, *, bold: bool = False) -> str:
    """Paragraphs for a cell: one per line of the text (a cell needs at least one)."""
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    paragraphs = []
    for line in xml_safe(text).split("\n"):
        run = f'<w:r>{props}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>' if line else ""
        paragraphs.append(f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>{run}</w:p>')
    return "".join(paragraphs)


def _cell(text: str, width: int, *, fill: str | None = None, bold: bool = False, span: int = 1) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_runs(text, bold=bold)}</w:tc>"


def _table_start(widths: list[int], *, borders: bool = True) -> str:
    return (
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        + (f"<w:tblBorders>{_BORDERS}</w:tblBorders>" if borders else "")
        + '<w:tblLayout w:type="fixed"/>'
        + '<w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar>'
        + "</w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
    )


def table_xml(block: Table) -> str:
    total = sum(block.widths)
    widths = [round(TEXT_WIDTH * w / total) for w in block.widths]
    parts = [_table_start(widths)]
    parts.append("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>")
    parts += [_cell(c, w, fill=HEADER_FILL, bold=True) for c, w in zip(block.columns, widths, strict=True)]
    parts.append("</w:tr>")
    span, full = len(widths), sum(widths)
    for row in block.rows:
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        if isinstance(row, AreaRow):
            parts.append(_cell(row.text, full, fill=AREA_FILL, bold=True, span=span))
        else:
            parts += [_cell(c, w) for c, w in zip(row, widths, strict=True)]
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def bar_xml(label: str, counts: tuple[tuple[str, int], ...]) -> str:
    """One unit's stacked bar: a borderless one-row table whose cells are shaded by status."""
    total = sum(n for _, n in counts)
    segments = [(code, round(BAR_WIDTH * n / total)) for code, n in counts if n] if total else []
    widths = [BAR_LABEL_WIDTH] + ([w for _, w in segments] or [BAR_WIDTH])
    cells = [_cell(label, BAR_LABEL_WIDTH)]
    cells += [_cell("", w, fill=STATUS_COLOURS[code]) for code, w in segments] or [_cell("", BAR_WIDTH)]
    return _table_start(widths, borders=False) + "<w:tr>" + "".join(cells) + "</w:tr></w:tbl>"


def _append(document, xml: str) -> None:  # noqa: ANN001
    """Put the element written as ``xml`` (a table) at the end of the document's body.

    The element goes in empty and its children follow one by one: lxml moves one parsed subtree into
    another document in time that grows with the square of its size (12 s for a table of 40,000
    rows), child by child in time that grows with the size.
    """
    from docx.oxml import parse_xml
    from lxml.etree import QName

    body = document.element.body
    element = parse_xml(xml)
    shell = parse_xml(f'<w:{QName(element).localname} xmlns:w="{W_NS}"/>')
    for name, value in element.attrib.items():
        shell.set(name, value)
    sect_pr = body.sectPr
    if sect_pr is not None:
        sect_pr.addprevious(shell)
    else:
        body.append(shell)
    for child in list(element):
        shell.append(child)


def _landscape(document) -> None:  # noqa: ANN001
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))


def _bars(document, block: Bars) -> None:  # noqa: ANN001
    from docx.shared import RGBColor

    for label, counts in block.rows:
        _append(document, bar_xml(label, counts))
        document.add_paragraph().paragraph_format.space_after = 0
    legend = document.add_paragraph()
    for code, text in block.legend:
        swatch = legend.add_run("■ ")
        swatch.font.color.rgb = RGBColor.from_string(STATUS_COLOURS[code])
        legend.add_run(f"{text}   ")


def write_docx(outline: Outline, out: BinaryIO) -> None:
    from docx import Document

    document = Document()
    _landscape(document)
    document.core_properties.title = xml_safe(outline.title)
    document.core_properties.language = outline.lang
    for block, new_page in outline.pages():
        if isinstance(block, Heading):
            heading = document.add_heading(xml_safe(block.text), level=block.level)
            heading.paragraph_format.keep_with_next = True
            heading.paragraph_format.page_break_before = new_page
        elif isinstance(block, Facts):
            for label, value in block.pairs:
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.space_after = 0
                paragraph.paragraph_format.keep_with_next = True  # a unit's header stays with its table
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(xml_safe(value))
            document.add_paragraph().paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph):
            document.add_paragraph(xml_safe(block.text))
        elif isinstance(block, Table):
            _append(document, table_xml(block))
            document.add_paragraph()
        elif isinstance(block, Bars) and block.rows:
            _bars(document, block)
    document.save(out)
