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
from openpyxl.cell import WriteOnlyCell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
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
from exporters.cells import FORMULA_FIRST, xml_safe
from exporters.markup import MdHeading, MdList, MdParagraph, plain_text
from i18n import t

SHEET_NAME_MAX = 31
CELL_TEXT_MAX = 32_767  # what a cell holds; openpyxl cuts a longer string to this too
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
CHARS_PER_WEIGHT = 12  # column width (in characters) per unit of a table's relative width
MAX_COLUMN_WIDTH = 80
CHARS_PER_WIDTH = 1.1  # characters of ordinary text per unit of column width (one "0")
LINE_HEIGHT = 15  # points per line of wrapped text

# A cell as laid out: None (empty), a text without style, or (value, data type, style array).
_Out = tuple | str | None


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

    def _style(self, font, fill, wrap: bool, number_format: str | None = None, quote: bool = False):  # noqa: ANN001, ANN202
        """The style of a cell with these font, fill, wrapping and number format, made once per sheet.

        Setting ``font``/``fill``/``alignment`` on a cell looks the style up in the workbook each time,
        which is most of the time for thousands of rows; cells share a prepared style array instead.
        ``quote``: Excel's quote prefix, which keeps a text that looks like a formula text when edited.
        """
        key = (id(font), id(fill), wrap, number_format, quote)
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
            style = prototype._style
            if quote:
                style = StyleArray() if style is None else copy(style)
                style.quotePrefix = True
            self._styles[key] = style
        return style

    def cell(self, value: str, *, font=None, fill=None, wrap: bool = True) -> _Out:  # noqa: ANN001
        """A text cell with this font, fill and wrapping; a text that looks like a formula stays text."""
        value = xml_safe(value)[:CELL_TEXT_MAX]
        if not value:
            return (None, "n", self._style(font, fill, wrap))
        return (value, "s", self._style(font, fill, wrap, quote=value[:1] in FORMULA_FIRST))

    def value(self, value) -> _Out:  # noqa: ANN001
        """A table cell: text as by ``cell``; numbers, shares and dates as numbers with a number format."""
        if isinstance(value, str):
            return self.cell(value)
        if isinstance(value, Percent):
            return (round(float(value) / 100, 6), "n", self._style(None, None, False, "0.0%"))
        if isinstance(value, date):
            return (value, "d", self._style(None, None, False, "yyyy-mm-dd"))
        if isinstance(value, float):
            return (value, "n", self._style(None, None, False, "0.0"))
        return (value, "n", self._style(None, None, False, "0"))

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
                if any(v.__class__ is not str for v in row):
                    cell, value = self.cell, self.value
                    self.rows.append([(cell(v) if v.__class__ is str else value(v)) if v != "" else None
                                      for v in row])  # fmt: skip
                    continue
                lines = row_lines(row, self.column_widths())
                if lines > 1:
                    self.heights[len(self.rows) + 1] = LINE_HEIGHT * lines
                    # An empty cell shows nothing to wrap: left out, it costs nothing to write.
                    cells = [self.cell(value) if value else None for value in row]
                else:
                    # A row on one line needs no wrapping style: plain values are much faster to write.
                    cells = [self.cell(v) if v[:1] in FORMULA_FIRST else (xml_safe(v)[:CELL_TEXT_MAX] or None)
                             for v in row]  # fmt: skip
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


class _OutCell:
    """What openpyxl's sheet writer reads of a cell, for one cell after another of a row.

    A large plan's summary has some 60,000 cells: a ``WriteOnlyCell`` each, and a look-up of its style
    in the workbook for each, cost more than writing them. The sheet's rows hold plain values (a
    text without style) or ``(value, data type, style)``; this one object carries each in turn to
    openpyxl's own cell writer, with the style's number in the workbook looked up once per style.
    """

    __slots__ = ("parent", "row", "column", "_value", "data_type", "style_id", "has_style")
    _comment = None
    hyperlink = None

    def __init__(self, ws, row: int) -> None:  # noqa: ANN001
        self.parent = ws
        self.row = row

    @property
    def coordinate(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


class _StyleIds:
    """The workbook's number of each style array, looked up when a cell of that style is first
    written (so styles are numbered in the order openpyxl itself would give them)."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.ids: dict[int, tuple[object, str | None]] = {}  # id(style) → (style, its number or None)

    def __call__(self, style) -> str | None:  # noqa: ANN001
        found = self.ids.get(id(style))
        if found is None:
            number = str(self.workbook._cell_styles.add(style)) if style and any(style) else None
            found = self.ids[id(style)] = (style, number)  # the style is kept: its id stays its own
        return found[1]


def row_lines(row: tuple[str, ...], widths: list[float]) -> int:
    """About how many lines a row of wrapped text needs (Excel and LibreOffice do not measure on open)."""
    most = 1
    for text, width in zip(row, widths, strict=False):
        per_line = max(1, int(width * CHARS_PER_WIDTH))
        if len(text) <= per_line and "\n" not in text:
            continue  # one line
        most = max(most, sum(-(-len(line) // per_line) or 1 for line in text.split("\n")))
    return most


def _cells_of_row(ws, style_ids: _StyleIds, values: Iterable, row_idx: int) -> Iterator[_OutCell]:  # noqa: ANN001
    """What openpyxl's write-only ``append`` does with a row, for the rows laid out here.

    openpyxl's writer writes each cell as it comes, so one object carries them all in turn.
    """
    cell = _OutCell(ws, row_idx)
    for col_idx, value in enumerate(values, 1):
        if value is None:
            continue
        cell.column = col_idx
        if value.__class__ is str:  # text without a style (already XML-safe)
            cell._value, cell.data_type, cell.has_style = value, "s", False
        else:
            cell._value, cell.data_type, style = value
            cell.style_id = style_ids(style)
            cell.has_style = cell.style_id is not None
        yield cell


def _create_sheet(workbook: Workbook, name: str, style_ids: _StyleIds):  # noqa: ANN202
    ws = workbook.create_sheet(name)
    ws._values_to_row = partial(_cells_of_row, ws, style_ids)
    return ws


def write_xlsx(outline: Outline, out: BinaryIO) -> None:
    workbook = Workbook(write_only=True)
    workbook.properties.title = xml_safe(outline.title)
    workbook.properties.language = outline.lang
    styles = _Styles()
    style_ids = _StyleIds(workbook)
    sections = (*outline.sections, *outline.tail)
    names = sheet_names([t("export.sheet_overview", lang=outline.lang)] + [s.name for s in sections])
    overview = _SheetLayout(_create_sheet(workbook, names[0], style_ids), styles)
    for block in outline.front:
        overview.add(block)
    overview.write()
    for name, section in zip(names[1:], sections, strict=True):
        layout = _SheetLayout(_create_sheet(workbook, name, style_ids), styles)
        for block in section.blocks:
            layout.add(block)
        layout.write()
    workbook.save(out)
