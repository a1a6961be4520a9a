"""The outline as a Word document: real headings, tables with a repeating header, landscape pages.

python-docx adds table rows one at a time through its object model, which takes seconds for thousands
of activities; tables are therefore written as WordprocessingML text. The large tables never become
objects at all: the document is made by python-docx with a mark where each goes, and its text is put
in place of the mark while the document part is written into the file, one table at a time (a plan
of 50,000 activities has some three million elements in its tables: parsed, they took gigabytes).
"""

from __future__ import annotations

import re
from typing import BinaryIO
from xml.sax.saxutils import escape

from exporters.blocks import (
    STATUS_COLOURS,
    AreaRow,
    Bars,
    Chart,
    Contents,
    Facts,
    Heading,
    Narrative,
    Outline,
    Paragraph,
    Table,
    TitlePage,
    cell_text,
    chart_value,
)
from exporters.cells import xml_safe
from exporters.markup import MdHeading, MdList, MdParagraph, Spans

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


CHART_FILL = "1E88E5"


def _runs(text: str, *, bold: bool = False, right: bool = False) -> str:
    """Paragraphs for a cell: one per line of the text (a cell needs at least one)."""
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    align = '<w:jc w:val="right"/>' if right else ""
    paragraphs = []
    for line in xml_safe(text).split("\n"):
        # A carriage return left in a line is read as a line feed, as an XML parser reads it.
        shown = escape(line.replace("\r", "\n"))
        run = f'<w:r>{props}<w:t xml:space="preserve">{shown}</w:t></w:r>' if line else ""
        paragraphs.append(f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>{align}</w:pPr>{run}</w:p>')
    return "".join(paragraphs)


def _value_cell(value: object, width: int, lang: str) -> str:
    """A cell of a table row: numbers right-aligned, as the reader's language writes them."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return _cell(cell_text(value, lang), width, right=number)


def _cell(
    text: str, width: int, *, fill: str | None = None, bold: bool = False, span: int = 1, right: bool = False
) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_runs(text, bold=bold, right=right)}</w:tc>"


def _table_start(widths: list[int], *, borders: bool = True, namespace: bool = True) -> str:
    """The table's start; ``namespace``: declare the ``w`` prefix (a table parsed on its own needs it,
    one written into the document's text has it from the document)."""
    return (
        (f'<w:tbl xmlns:w="{W_NS}">' if namespace else "<w:tbl>")
        + f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        + (f"<w:tblBorders>{_BORDERS}</w:tblBorders>" if borders else "")
        + '<w:tblLayout w:type="fixed"/>'
        + '<w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar>'
        + "</w:tblPr><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
    )


def table_xml(block: Table, lang: str = "sv", *, namespace: bool = True) -> str:
    total = sum(block.widths)
    widths = [round(TEXT_WIDTH * w / total) for w in block.widths]
    parts = [_table_start(widths, namespace=namespace)]
    parts.append("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>")
    parts += [_cell(c, w, fill=HEADER_FILL, bold=True) for c, w in zip(block.columns, widths, strict=True)]
    parts.append("</w:tr>")
    span, full = len(widths), sum(widths)
    for row in block.rows:
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        if isinstance(row, AreaRow):
            parts.append(_cell(row.text, full, fill=AREA_FILL, bold=True, span=span))
        else:
            parts += [
                _cell(c, w) if isinstance(c, str) else _value_cell(c, w, lang)
                for c, w in zip(row, widths, strict=True)
            ]
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


def chart_xml(label: str, share: float, value: str) -> str:
    """One bar of a chart: label, a shaded cell as long as the value, and the value."""
    width = max(1, round(BAR_WIDTH * 0.85 * share))
    rest = BAR_WIDTH - width
    widths = [BAR_LABEL_WIDTH + round(2 * TWIPS_PER_CM), width, rest]
    cells = [_cell(label, widths[0]), _cell("", width, fill=CHART_FILL), _cell(value, rest)]
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


_MARK = "hrplan-table"
_MARKS = re.compile(rb"<\?" + _MARK.encode() + rb" (\d+)\?>")
_DOCUMENT_PART = "word/document.xml"


def _mark(document, number: int) -> None:  # noqa: ANN001
    """Where the table ``number`` goes: a processing instruction at the end of the body."""
    from lxml.etree import ProcessingInstruction

    body = document.element.body
    mark = ProcessingInstruction(_MARK, str(number))
    sect_pr = body.sectPr
    if sect_pr is not None:
        sect_pr.addprevious(mark)
    else:
        body.append(mark)


def _save_with_tables(document, tables: list[Table], lang: str, out: BinaryIO) -> None:  # noqa: ANN001
    """Save the document with each marked table written in place of its mark.

    python-docx writes the package (without the tables) into memory; its parts are copied into
    ``out`` as they are, but for the document part, which is written piece by piece: its text up to
    a mark, the table, on to the next mark.
    """
    import io
    import zipfile

    package = io.BytesIO()
    document.save(package)
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != _DOCUMENT_PART:
                target.writestr(info, data)
                continue
            pieces = _MARKS.split(data)  # text, table number, text, ..., text
            part = zipfile.ZipInfo(info.filename, info.date_time)
            part.compress_type = zipfile.ZIP_DEFLATED
            with target.open(part, "w") as stream:
                stream.write(pieces[0])
                for index in range(1, len(pieces), 2):
                    stream.write(table_xml(tables[int(pieces[index])], lang, namespace=False).encode("utf-8"))
                    stream.write(pieces[index + 1])


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


def _field(paragraph, instruction: str, shown: str = "") -> None:  # noqa: ANN001
    """A Word field (a page number, the table of contents) that Word fills in when it lays out the page."""
    from docx.oxml import parse_xml

    xml = (
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r xmlns:w="{W_NS}"><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r xmlns:w="{W_NS}"><w:t xml:space="preserve">{escape(shown)}</w:t></w:r>'
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="end"/></w:r>'
    )
    for run in parse_xml(f'<w:p xmlns:w="{W_NS}">{xml}</w:p>'):
        paragraph._p.append(run)


def _header_and_footer(document, outline: Outline) -> None:  # noqa: ANN001
    """A running header with the document's title and date; page numbers in the footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from i18n import t

    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = xml_safe(f"{outline.title} – {outline.date}" if outline.date else outline.title)
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = t("export.page", lang=outline.lang).partition("{page}")
    middle, _, after = rest.partition("{pages}")
    footer.add_run(before)
    _field(footer, "PAGE", "1")
    footer.add_run(middle)
    _field(footer, "NUMPAGES", "1")
    footer.add_run(after)


def _update_fields_on_open(document) -> None:  # noqa: ANN001
    """Word fills the table of contents and page numbers when the document is opened."""
    from docx.oxml import parse_xml

    settings = document.settings.element
    settings.append(parse_xml(f'<w:updateFields xmlns:w="{W_NS}" w:val="true"/>'))


def _title_page(document, block: TitlePage, lang: str) -> None:  # noqa: ANN001
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    for _ in range(4):
        document.add_paragraph()
    document.add_heading(xml_safe(block.title), level=0)
    subtitle = document.add_paragraph()
    subtitle.add_run(xml_safe(block.subtitle)).font.size = Pt(16)
    document.add_paragraph()
    for label, value in block.pairs:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = 0
        paragraph.add_run(f"{xml_safe(label)}: ").bold = True
        paragraph.add_run(xml_safe(cell_text(value, lang)))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(document, block: Contents, outline: Outline) -> None:  # noqa: ANN001
    """A real table of contents field over Heading 2–3. Until Word updates it (it is asked to on opening)
    the field shows the headings, one paragraph each, without page numbers."""
    from docx.enum.text import WD_BREAK

    title = document.add_paragraph()
    title.add_run(xml_safe(block.title)).bold = True
    entries = [(h.level, xml_safe(h.text)) for h in outline.contents()] or [(2, "")]
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "2-3" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    for index, (level, text) in enumerate(entries):
        indent = '<w:ind w:left="440"/>' if level == 3 else ""
        runs = (begin if index == 0 else "") + f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        runs += end if index == len(entries) - 1 else ""
        props = f'<w:pPr><w:spacing w:after="0"/>{indent}</w:pPr>'
        _append(document, f'<w:p xmlns:w="{W_NS}">{props}{runs}</w:p>')
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _add_spans(paragraph, spans: Spans) -> None:  # noqa: ANN001
    for span in spans:
        lines = xml_safe(span.text).split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold = span.bold or None
            run.italic = span.italic or None
            if index < len(lines) - 1:
                run.add_break()


def _narrative(document, block: Narrative) -> None:  # noqa: ANN001
    for md in block.blocks:
        if isinstance(md, MdHeading):
            heading = document.add_heading("", level=min(9, block.level + md.level))
            _add_spans(heading, md.spans)
            heading.paragraph_format.keep_with_next = True
        elif isinstance(md, MdParagraph):
            _add_spans(document.add_paragraph(), md.spans)
        elif isinstance(md, MdList):
            style = "List Number" if md.ordered else "List Bullet"
            number_id = _restarted_numbering(document, md.start) if md.ordered else None
            for item in md.items:
                paragraph = document.add_paragraph(style=style)
                if number_id is not None:
                    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                    numbering.get_or_add_ilvl().val = 0
                    numbering.get_or_add_numId().val = number_id
                _add_spans(paragraph, item)


def _restarted_numbering(document, start: int) -> int:  # noqa: ANN001
    """A numbering of its own for one numbered list, starting at ``start``: without it every numbered
    list of the document would go on counting from the one before."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == style_num)
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def _chart(document, block: Chart, lang: str) -> None:  # noqa: ANN001
    caption = document.add_paragraph()
    caption.add_run(xml_safe(block.title)).bold = True
    caption.paragraph_format.keep_with_next = True
    top = max(v for _, v in block.rows) or 1
    for label, value in block.rows:
        _append(document, chart_xml(label, value / top, chart_value(block, value, lang)))
    document.add_paragraph()


def write_docx(outline: Outline, out: BinaryIO) -> None:
    from docx import Document

    document = Document()
    _landscape(document)
    _header_and_footer(document, outline)
    # The title page has neither the running header nor a page number.
    title_page = any(isinstance(b, TitlePage) for b in outline.front)
    document.sections[0].different_first_page_header_footer = title_page
    document.core_properties.title = xml_safe(outline.title)
    document.core_properties.language = outline.lang
    if any(isinstance(b, Contents) for b in outline.front):
        _update_fields_on_open(document)
    tables: list[Table] = []  # written into the file in place of their marks
    for block, new_page in outline.pages():
        if isinstance(block, TitlePage):
            _title_page(document, block, outline.lang)
        elif isinstance(block, Contents):
            _contents(document, block, outline)
        elif isinstance(block, Heading):
            heading = document.add_heading(xml_safe(block.text), level=block.level)
            heading.paragraph_format.keep_with_next = True
            heading.paragraph_format.page_break_before = new_page
        elif isinstance(block, Facts):
            for label, value in block.pairs:
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.space_after = 0
                paragraph.paragraph_format.keep_with_next = True  # a unit's header stays with its table
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(xml_safe(cell_text(value, outline.lang)))
            document.add_paragraph().paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph):
            document.add_paragraph(xml_safe(block.text))
        elif isinstance(block, Narrative):
            _narrative(document, block)
        elif isinstance(block, Table):
            _mark(document, len(tables))
            tables.append(block)
            document.add_paragraph()
        elif isinstance(block, Bars) and block.rows:
            _bars(document, block)
        elif isinstance(block, Chart) and block.rows:
            _chart(document, block, outline.lang)
    _save_with_tables(document, tables, outline.lang, out)
