"""What every reader produces: the file as a sequence of paragraphs and table rows, in order.

A row's cells are lists of items: one item per paragraph of a Word cell or per ``<p>`` of a cell
copied out of a PDF, so that a cell listing several activities can be told apart from one long text.
"""

from __future__ import annotations

from dataclasses import dataclass

from importers.model import SourceRef


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    where: SourceRef
    titled: bool = False  # Word: styled as the document's title
    # How the paragraph looks: "heading" (a Word heading style), "bold" (all of it bold), "list" (a
    # Word list item, numbered or bulleted by the list itself), or "" (plain).
    style: str = ""
    gap_before: bool = False  # text: a blank line before it, so it cannot continue the line before


@dataclass(frozen=True, slots=True)
class Cell:
    items: tuple[str, ...] = ()
    # Word: the cell spans every column of its row, like a heading row in the template.
    spans_row: bool = False

    @property
    def text(self) -> str:
        return "\n".join(i for i in self.items if i)

    @property
    def empty(self) -> bool:
        return not any(i.strip() for i in self.items)


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    where: SourceRef
    # Text copied out of a PDF: a row with an empty first cell may continue the row before it.
    may_continue: bool = False


@dataclass(frozen=True, slots=True)
class TableStart:
    """A new table (Word), a sheet (Excel) or a gap between tables (text): headers do not carry over,
    except that text copied out of a PDF keeps its header across page breaks (``keep_header``)."""

    where: SourceRef
    sheet: str | None = None
    keep_header: bool = False


HEADING, BOLD, LIST = "heading", "bold", "list"

Event = Paragraph | Row | TableStart


def plain_cell(text: str) -> Cell:
    return Cell(items=(text,))
