"""The outline as an Excel workbook: an overview sheet, a sheet per unit, then overdue and changes.

Imported only when an XLSX is written. Written in openpyxl's write-only mode (fast for thousands of
rows): each sheet is laid out as rows first, so that its frozen header, filter, column widths and row
heights are known before the rows stream out. User text is always stored as text with Excel's quote
prefix: a comment starting with ``=`` stays a comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from copy import copy
from datetime import date
from functools import partial
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from exporters.blocks import (
    AreaRow,
    Block,
    Chart,
    Contents,
    Facts,
    Heading,
    Narrative,
    Outline,
    Paragraph,
    Percent,
    Table,
    TitlePage,
)
from exporters.cells import looks_like_formula, xml_safe
from exporters.markup import MdHeading, MdList, MdParagraph, plain_text
from i18n import t

SHEET_NAME_MAX = 31
CELL_TEXT_MAX = 32_767  # what a cell holds; openpyxl cuts a longer string to this too
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
CHARS_PER_WEIGHT = 12  # column width (in characters) per unit of a table's relative width
MAX_COLUMN_WIDTH = 80
CHARS_PER_WIDTH = 1.1  # characters of ordinary text per unit of column width (one "0")
LINE_HEIGHT = 15  # points per line of wrapped text


def sheet_names(names: Iterable[str]) -> list[str]:
    """Names Excel accepts: no []:*?/\\, at most 31 characters, unique regardless of case."""
    taken: set[str] = set()
    result = []
    for name in names:
        base = _SHEET_FORBIDDEN.sub(" ", xml_safe(name)).strip().strip("'")[:SHEET_NAME_MAX] or "-"
        candidate, n = base, 1
        while candidate.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            candidate = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


class _Styles:
    """Fonts, fills and alignments made once and shared by every cell."""

    def __init__(self) -> None:
        self.title = Font(bold=True, size=14)
        self.heading = Font(bold=True, size=12)
        self.bold = Font(bold=True)
        self.header_fill = PatternFill("solid", fgColor="DFE7EF")
        self.area_fill = PatternFill("solid", fgColor="F0F0F0")
        self.wrap = Alignment(wrap_text=True, vertical="top")


class _SheetLayout:
    """A sheet's rows of cells, and where its main table's header sits."""

    def __init__(self, ws, styles: _Styles) -> None:  # noqa: ANN001
        self.ws = ws
        self.styles = styles
        self.rows: list[list] = []
        self.table_header_row: int | None = None  # 1-based
        self.table_width = 0
        self.table_end_row = 0
        self.widths: tuple[float, ...] = ()
        self._styles: dict[tuple[int, int, bool], object] = {}
        self.heights: dict[int, float] = {}  # row number → height in points, for rows of wrapped text
        self._column_widths: list[float] | None = None
        self.last_table: tuple[int, int] | None = None  # header row and last row of the latest table
        self.charts: list = []

    def _style(self, font, fill, wrap: bool, number_format: str | None = None):  # noqa: ANN001, ANN202
        """The style of a cell with these font, fill and wrapping, made once per sheet.

        Setting ``font``/``fill``/``alignment`` on a cell looks the style up in the workbook each time,
        which is most of the time for thousands of rows; cells copy a prepared style array instead.
        """
        key = (id(font), id(fill), wrap, number_format)
        style = self._styles.get(key)
        if style is None:
            prototype = WriteOnlyCell(self.ws)
            if number_format:
                prototype.number_format = number_format
            if font is not None:
                prototype.font = font
            if fill is not None:
                prototype.fill = fill
            if wrap:
                prototype.alignment = self.styles.wrap
            style = self._styles[key] = prototype._style
        return style

    def cell(self, value: str, *, font=None, fill=None, wrap: bool = True):  # noqa: ANN001, ANN201
        value = xml_safe(value)
        cell = _text_cell(self.ws, value)
        if looks_like_formula(value):
            cell.data_type = "s"  # stored as text, never as a formula
            cell._style = copy(self._style(font, fill, wrap))
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        else:
            # Shared, not copied: a write-only cell is written out at once and its style never changed.
            cell._style = self._style(font, fill, wrap)
        return cell

    def value(self, value):  # noqa: ANN001, ANN201
        """A table cell: text as by ``cell``; numbers, shares and dates as numbers with a number format."""
        if isinstance(value, str):
            return self.cell(value)
        if isinstance(value, Percent):
            cell = WriteOnlyCell(self.ws, value=round(float(value) / 100, 6))
            cell._style = self._style(None, None, False, "0.0%")
        elif isinstance(value, date):
            cell = WriteOnlyCell(self.ws, value=value)
            cell._style = self._style(None, None, False, "yyyy-mm-dd")
        elif isinstance(value, float):
            cell = WriteOnlyCell(self.ws, value=value)
            cell._style = self._style(None, None, False, "0.0")
        else:
            cell = WriteOnlyCell(self.ws, value=value)
            cell._style = self._style(None, None, False, "0")
        return cell

    def add(self, block: Block) -> None:
        s = self.styles
        if isinstance(block, TitlePage):
            self.rows.append([self.cell(block.title, font=s.title, wrap=False)])
            self.rows.append([self.cell(block.subtitle, wrap=False)])
            for label, value in block.pairs:
                shown = self.cell(value, wrap=False) if isinstance(value, str) else self.value(value)
                self.rows.append([self.cell(label, font=s.bold, wrap=False), shown])
            self.rows.append([])
        elif isinstance(block, Contents):
            pass  # a workbook is read by its sheets: their names list the units
        elif isinstance(block, Narrative):
            for md in block.blocks:
                if isinstance(md, MdHeading):
                    self.rows.append([self.cell(plain_text(md.spans), font=s.bold, wrap=False)])
                elif isinstance(md, MdParagraph):
                    for line in plain_text(md.spans).split("\n"):
                        self.rows.append([self.cell(line, wrap=False)])
                elif isinstance(md, MdList):
                    for number, item in enumerate(md.items, start=md.start):
                        mark = f"{number}." if md.ordered else "•"
                        self.rows.append([self.cell(f"{mark} {plain_text(item)}", wrap=False)])
            self.rows.append([])
        elif isinstance(block, Chart):
            self._chart(block)
        elif isinstance(block, Heading):
            self.rows.append(
                [self.cell(block.text, font=s.title if block.level == 1 else s.heading, wrap=False)]
            )
        elif isinstance(block, Facts):
            for label, value in block.pairs:
                # Not wrapped: a long value runs on over the empty cells to its right.
                shown = self.cell(value, wrap=False) if isinstance(value, str) else self.value(value)
                self.rows.append([self.cell(label, font=s.bold, wrap=False), shown])
        elif isinstance(block, Paragraph):
            self.rows.append([self.cell(block.text, wrap=False)])
        elif isinstance(block, Table):
            self._table(block)
        # Bars are for Word and HTML; here the counts table carries the numbers.

    def _chart(self, block: Chart) -> None:
        """A bar chart of the key figure table just above it (unit and period, then count or share)."""
        from openpyxl.chart import BarChart, Reference

        if self.last_table is None:
            return
        header, last = self.last_table
        chart = BarChart()
        chart.type = "bar"
        chart.title = xml_safe(block.title)
        chart.legend = None
        chart.height, chart.width = max(6, 0.6 * (last - header) + 3), 18
        column = 4 if block.percent else 3
        values = Reference(self.ws, min_col=column, min_row=header, max_row=last)
        chart.add_data(values, titles_from_data=True)
        chart.set_categories(Reference(self.ws, min_col=1, max_col=2, min_row=header + 1, max_row=last))
        if block.percent:
            chart.y_axis.number_format = "0%"
        self.charts.append((chart, f"G{header}"))

    def _table(self, block: Table) -> None:
        s = self.styles
        self.last_table = (len(self.rows) + 1, len(self.rows) + len(block.rows) + 1)
        if self.table_header_row is None:
            self.table_header_row = len(self.rows) + 1
            self.table_width = len(block.columns)
            self.widths = block.widths
        self.rows.append([self.cell(c, font=s.bold, fill=s.header_fill) for c in block.columns])
        for row in block.rows:
            if isinstance(row, AreaRow):
                cells = [self.cell(row.text, font=s.bold, fill=s.area_fill)]
                cells += [self.cell("", fill=s.area_fill) for _ in block.columns[1:]]
            else:
                if any(not isinstance(v, str) for v in row):
                    self.rows.append([self.value(v) if v != "" else None for v in row])
                    continue
                lines = row_lines(row, self.column_widths())
                if lines > 1:
                    self.heights[len(self.rows) + 1] = LINE_HEIGHT * lines
                    # An empty cell shows nothing to wrap: left out, it costs nothing to write.
                    cells = [self.cell(value) if value else None for value in row]
                else:
                    # A row on one line needs no wrapping style: plain values are much faster to write.
                    cells = [self.cell(v) if looks_like_formula(v) else (xml_safe(v) or None) for v in row]
            self.rows.append(cells)
        if self.table_header_row == len(self.rows) - len(block.rows):
            self.table_end_row = len(self.rows)
        self.rows.append([])

    def column_widths(self) -> list[float]:
        """Widths (in characters) of the sheet's columns, from its first table's relative widths."""
        if self._column_widths is None:
            self._column_widths = [min(MAX_COLUMN_WIDTH, max(10, w * CHARS_PER_WEIGHT)) for w in self.widths]
        return self._column_widths

    def write(self) -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if self.table_header_row is not None:
            header = self.table_header_row
            last = get_column_letter(self.table_width)
            ws.freeze_panes = f"A{header + 1}"
            ws.auto_filter.ref = f"A{header}:{last}{max(self.table_end_row, header)}"
            ws.print_title_rows = f"{header}:{header}"
        for index, width in enumerate(self.column_widths(), start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        # The row attributes openpyxl's row writer reads (``ht``, ``customHeight``) as plain dicts: a
        # RowDimension object per wrapped row, made and then read back attribute by attribute, cost
        # a fifth of the export of a large plan.
        ws.row_dimensions = {number: {"ht": safe_string(height), "customHeight": "1"}
                             for number, height in self.heights.items()}  # fmt: skip
        for chart, anchor in self.charts:
            ws.add_chart(chart, anchor)
        for row in self.rows:
            ws.append(row)


def _text_cell(ws, text: str | None) -> Cell:  # noqa: ANN001
    """A write-only cell holding ``text`` (already made XML-safe) as a string, or empty.

    What openpyxl's own binding of a string ends in, without its per-cell regular expressions for
    characters ``xml_safe`` has already removed: tens of thousands of cells in a large plan.
    """
    cell = WriteOnlyCell(ws)
    if text:
        cell._value = text[:CELL_TEXT_MAX]
        cell.data_type = "s"
    return cell


def row_lines(row: tuple[str, ...], widths: list[float]) -> int:
    """About how many lines a row of wrapped text needs (Excel and LibreOffice do not measure on open)."""
    most = 1
    for text, width in zip(row, widths, strict=False):
        per_line = max(1, int(width * CHARS_PER_WIDTH))
        if len(text) <= per_line and "\n" not in text:
            continue  # one line
        most = max(most, sum(-(-len(line) // per_line) or 1 for line in text.split("\n")))
    return most


def _cells_of_row(ws, values: Iterable, row_idx: int) -> Iterator[Cell]:  # noqa: ANN001
    """What openpyxl's write-only ``append`` does with a row, without its slow path for cells.

    openpyxl first tries each value as a plain value: for a styled cell that raises (and formats) an
    exception, then makes a spare cell, for each of the 40,000 cells of a large plan's summary.
    """
    for col_idx, value in enumerate(values, 1):
        if value is None:
            continue
        if isinstance(value, Cell):
            cell = value
        elif isinstance(value, str):
            cell = _text_cell(ws, value)
        else:
            cell = WriteOnlyCell(ws, value=value)
        cell.column = col_idx
        cell.row = row_idx
        yield cell


def _create_sheet(workbook: Workbook, name: str):  # noqa: ANN202
    ws = workbook.create_sheet(name)
    ws._values_to_row = partial(_cells_of_row, ws)
    return ws


def write_xlsx(outline: Outline, out: BinaryIO) -> None:
    workbook = Workbook(write_only=True)
    workbook.properties.title = xml_safe(outline.title)
    workbook.properties.language = outline.lang
    styles = _Styles()
    sections = (*outline.sections, *outline.tail)
    names = sheet_names([t("export.sheet_overview", lang=outline.lang)] + [s.name for s in sections])
    overview = _SheetLayout(_create_sheet(workbook, names[0]), styles)
    for block in outline.front:
        overview.add(block)
    overview.write()
    for name, section in zip(names[1:], sections, strict=True):
        layout = _SheetLayout(_create_sheet(workbook, name), styles)
        for block in section.blocks:
            layout.add(block)
        layout.write()
    workbook.save(out)
