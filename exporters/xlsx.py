"""The outline as an Excel workbook: an overview sheet, a sheet per unit, then overdue and changes.

Written in openpyxl's write-only mode (fast for thousands of rows): each sheet is laid out as rows first,
so that its frozen header, filter and column widths are known before the rows stream out. User text is
always stored as text with Excel's quote prefix: a comment starting with ``=`` stays a comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from copy import copy
from typing import BinaryIO

from exporters.blocks import AreaRow, Block, Facts, Heading, Outline, Paragraph, Table
from exporters.cells import looks_like_formula
from i18n import t

SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
CHARS_PER_WEIGHT = 12  # column width (in characters) per unit of a table's relative width
MAX_COLUMN_WIDTH = 80


def sheet_names(names: Iterable[str]) -> list[str]:
    """Names Excel accepts: no []:*?/\\, at most 31 characters, unique regardless of case."""
    taken: set[str] = set()
    result = []
    for name in names:
        base = _SHEET_FORBIDDEN.sub(" ", name).strip().strip("'")[:SHEET_NAME_MAX] or "-"
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
        from openpyxl.styles import Alignment, Font, PatternFill

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

    def _style(self, font, fill, wrap: bool):  # noqa: ANN001, ANN202
        """The style of a cell with these font, fill and wrapping, made once per sheet.

        Setting ``font``/``fill``/``alignment`` on a cell looks the style up in the workbook each time,
        which is most of the time for thousands of rows; cells copy a prepared style array instead.
        """
        from openpyxl.cell import WriteOnlyCell

        key = (id(font), id(fill), wrap)
        style = self._styles.get(key)
        if style is None:
            prototype = WriteOnlyCell(self.ws)
            if font is not None:
                prototype.font = font
            if fill is not None:
                prototype.fill = fill
            if wrap:
                prototype.alignment = self.styles.wrap
            style = self._styles[key] = prototype._style
        return style

    def cell(self, value: str, *, font=None, fill=None, wrap: bool = True):  # noqa: ANN001, ANN201
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.ws, value=value or None)
        if looks_like_formula(value):
            cell.data_type = "s"  # stored as text, never as a formula
            cell._style = copy(self._style(font, fill, wrap))
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        else:
            cell._style = copy(self._style(font, fill, wrap))
        return cell

    def add(self, block: Block) -> None:
        s = self.styles
        if isinstance(block, Heading):
            self.rows.append(
                [self.cell(block.text, font=s.title if block.level == 1 else s.heading, wrap=False)]
            )
        elif isinstance(block, Facts):
            for label, value in block.pairs:
                self.rows.append([self.cell(label, font=s.bold), self.cell(value)])
        elif isinstance(block, Paragraph):
            self.rows.append([self.cell(block.text, wrap=False)])
        elif isinstance(block, Table):
            self._table(block)
        # Bars are for Word and HTML; here the counts table carries the numbers.

    def _table(self, block: Table) -> None:
        s = self.styles
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
                cells = [self.cell(value) for value in row]
            self.rows.append(cells)
        if self.table_header_row == len(self.rows) - len(block.rows):
            self.table_end_row = len(self.rows)
        self.rows.append([])

    def write(self) -> None:
        from openpyxl.utils import get_column_letter

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
            for index, weight in enumerate(self.widths, start=1):
                width = min(MAX_COLUMN_WIDTH, max(10, weight * CHARS_PER_WEIGHT))
                ws.column_dimensions[get_column_letter(index)].width = width
        for row in self.rows:
            ws.append(row)


def write_xlsx(outline: Outline, out: BinaryIO) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    workbook.properties.title = outline.title
    workbook.properties.language = outline.lang
    styles = _Styles()
    sections = (*outline.sections, *outline.tail)
    names = sheet_names([t("export.sheet_overview", lang=outline.lang)] + [s.name for s in sections])
    overview = _SheetLayout(workbook.create_sheet(names[0]), styles)
    for block in outline.front:
        overview.add(block)
    overview.write()
    for name, section in zip(names[1:], sections, strict=True):
        layout = _SheetLayout(workbook.create_sheet(name), styles)
        for block in section.blocks:
            layout.add(block)
        layout.write()
    workbook.save(out)
