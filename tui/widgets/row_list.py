"""A table that draws only the lines on screen, and redraws only the line that changed.

A stock DataTable measures every cell when filled (seconds for 5,000 rows) and redraws every visible
cell on each change; a follow-up meeting needs a key press to show within one frame. ``RowList`` uses
Textual's Line API: ``render_line`` builds just the requested line, from a cache that is cleared per
row when that row changes.

Rows are items (selectable, one line, cells cut to their column with an ellipsis) or group headings
(one text across the whole width, skipped by the cursor). The first line is the column header.

An item's cells may be given as a ``factory`` instead: the list calls it when the line is first
drawn and keeps the result, so a list of 5,000 rows only builds the cells of the lines on screen.
For a list of very many items, ``KeyedRows`` goes further: the items are only their keys and one
function makes the cells of a key, so no object is made per item until its line is drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cell = str | Text


@dataclass(frozen=True, slots=True)
class Column:
    """A column: fixed ``width``, or flexible (``width=None``) sharing what is left by ``weight``.

    ``give_way``: when the columns do not fit, those with a ``give_way`` are left out, 1 first, then
    2, and so on; 0 never gives way. What a left-out column held is for the screen to show elsewhere
    (a detail pane). A column of ``width=0`` is never shown.
    """

    label: str
    width: int | None = None
    min_width: int = 6
    weight: int = 1
    justify: str = "left"
    give_way: int = 0


@dataclass(slots=True)
class Row:
    key: object
    cells: Sequence[Cell] = field(default_factory=tuple)
    group: bool = False  # a heading: cells[0] across the whole width, not selectable
    # Builds ``cells`` when the line is first drawn (then dropped): rows off screen cost no cells.
    factory: Callable[[], Sequence[Cell]] | None = None

    def resolved_cells(self) -> Sequence[Cell]:
        """The cells, built by ``factory`` on the first call when the row has one."""
        if self.factory is not None:
            self.cells = self.factory()
            self.factory = None
        return self.cells


class _Pending(tuple):
    """The cells of a keyed row before they are made (an empty tuple, told apart by identity)."""

    __slots__ = ()


_PENDING = _Pending()


class _KeyedRow(Row):
    """An item of ``KeyedRows``: its cells come from ``source(key)`` when first asked for."""

    __slots__ = ("_source",)

    def __init__(self, key: object, source: Callable[[object], Sequence[Cell]]) -> None:
        self.key, self.cells, self.group, self.factory, self._source = key, _PENDING, False, None, source

    def resolved_cells(self) -> Sequence[Cell]:
        if self.cells is _PENDING:  # not made yet, nor given by ``update_row``
            self.cells = self._source(self.key)
        return Row.resolved_cells(self)


class KeyedRows(Sequence[Row]):
    """Rows given as keys: ``entries`` holds each item's key, or a heading's ``Row``, in order.

    An item's ``Row`` (its cells from ``cells(key)``) is made when the list first asks for it, and
    kept; iterating makes the others as it passes without keeping them. ``positions``: key → index
    of every item, when the maker of the entries has it already (else it is made here).
    """

    __slots__ = ("_cells", "_entries", "_made", "positions")

    def __init__(self, entries: Sequence[object], cells: Callable[[object], Sequence[Cell]],
                 positions: Mapping[object, int] | None = None) -> None:  # fmt: skip
        self._entries = entries
        self._cells = cells
        self._made: dict[int, Row] = {}
        if positions is None:
            positions = {e: i for i, e in enumerate(entries) if not isinstance(e, Row)}
        self.positions = positions

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, index: int) -> Row:  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]  # type: ignore[return-value]
        if index < 0:
            index += len(self._entries)
        row = self._made.get(index)
        if row is None:
            entry = self._entries[index]
            row = self._made[index] = entry if isinstance(entry, Row) else _KeyedRow(entry, self._cells)
        return row

    def __iter__(self) -> Iterator[Row]:
        made, cells = self._made, self._cells
        for i, entry in enumerate(self._entries):
            row = made.get(i)
            if row is None:
                row = entry if isinstance(entry, Row) else _KeyedRow(entry, cells)
            yield row


class RowList(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    RowList { background: $surface; }
    RowList > .row-list--header { text-style: bold; background: $panel; color: $text; }
    RowList > .row-list--group { text-style: bold; color: $accent; background: $boost; }
    RowList > .row-list--cursor { background: $accent 40%; }
    RowList:focus > .row-list--cursor { background: $accent 70%; text-style: bold; }
    RowList > .row-list--empty { color: $text-muted; }
    """
    COMPONENT_CLASSES = {
        "row-list--header",
        "row-list--group",
        "row-list--cursor",
        "row-list--empty",
    }
    BINDINGS = [
        Binding("up", "cursor(-1)", "key.up", id="rowlist.up", show=False),
        Binding("down", "cursor(1)", "key.down", id="rowlist.down", show=False),
        Binding("pageup", "page(-1)", "key.page_up", id="rowlist.page_up", show=False),
        Binding("pagedown", "page(1)", "key.page_down", id="rowlist.page_down", show=False),
        Binding("home", "edge(-1)", "key.first", id="rowlist.first", show=False),
        Binding("end", "edge(1)", "key.last", id="rowlist.last", show=False),
        Binding("enter", "select", "key.select", id="rowlist.select", show=False),
        # The columns always fit the width: there is nothing to scroll sideways, nothing for the help.
        Binding("left", "scroll_left", "", show=False),
        Binding("right", "scroll_right", "", show=False),
        Binding("ctrl+pageup", "page_left", "", show=False),
        Binding("ctrl+pagedown", "page_right", "", show=False),
    ]

    class _KeyMessage(Message):
        def __init__(self, row_list: RowList, key: object) -> None:
            super().__init__()
            self.row_list = row_list
            self.key = key

        @property
        def control(self) -> RowList:
            return self.row_list

    class Highlighted(_KeyMessage):
        """The cursor moved to the item ``key`` (None when the list has no items)."""

    class Selected(_KeyMessage):
        """Enter (or a click) on the item ``key``."""

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        empty_text: str = "",
        name: str | None = None,
        id: str | None = None,  # noqa: A002
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.empty_text = empty_text
        self._rows: list[Row] = []
        self._index: dict[object, int] = {}
        self._cursor = -1
        self._widths: list[int] = []
        self._cache: dict[int, Strip] = {}
        self._header: Strip | None = None

    # ---- data -------------------------------------------------------------------------------
    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def cursor_key(self) -> object:
        return self._rows[self._cursor].key if 0 <= self._cursor < len(self._rows) else None

    @property
    def cursor_index(self) -> int:
        return self._cursor

    def index_of(self, key: object) -> int | None:
        return self._index.get(key)

    def set_rows(self, rows: Sequence[Row], *, keep_cursor: bool = True) -> None:
        """Replace every row. The cursor stays on the same key when that key is still there.

        ``rows`` may be ``KeyedRows``: then it is kept as it is, and no row is made for the items."""
        previous = self.cursor_key if keep_cursor else None
        if isinstance(rows, KeyedRows):
            self._rows, self._index = rows, rows.positions  # type: ignore[assignment]
        else:
            self._rows = list(rows)
            self._index = {row.key: i for i, row in enumerate(self._rows) if not row.group}
        self._cache.clear()
        self.virtual_size = Size(self._content_width(), len(self._rows) + 1)
        target = self._index.get(previous) if previous is not None else None
        self._cursor = -1
        self._move_to(target if target is not None else self._next_item(-1, 1), post=True)
        self.refresh()

    def update_row(self, key: object, cells: Sequence[Cell]) -> None:
        """Change one item's cells and redraw that line alone."""
        index = self._index.get(key)
        if index is None:
            return
        row = self._rows[index]
        row.cells, row.factory = cells, None
        self._refresh_index(index)

    def move_cursor_to(self, key: object) -> None:
        index = self._index.get(key)
        if index is not None:
            self._move_to(index, post=True)

    # ---- cursor -----------------------------------------------------------------------------
    def _next_item(self, start: int, step: int) -> int:
        i = start + step
        while 0 <= i < len(self._rows):
            if not self._rows[i].group:
                return i
            i += step
        return -1

    def _move_to(self, index: int, *, post: bool) -> None:
        if index == self._cursor or index < 0:
            if index < 0 and post and self._cursor < 0:
                self.post_message(self.Highlighted(self, None))
            return
        old, self._cursor = self._cursor, index
        self._refresh_index(old)
        self._refresh_index(index)
        self._scroll_into_view(index)
        if post:
            self.post_message(self.Highlighted(self, self._rows[index].key))

    def _scroll_into_view(self, index: int) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_offset.y)
        # Show the group heading above the first item of a group as well.
        want_top = index - 1 if index > 0 and self._rows[index - 1].group else index
        if want_top < top:
            self.scroll_to(y=want_top, animate=False, immediate=True)
        elif index >= top + visible:
            self.scroll_to(y=index - visible + 1, animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        nxt = self._next_item(self._cursor if self._cursor >= 0 else -1, step)
        if nxt >= 0:
            self._move_to(nxt, post=True)

    def action_page(self, direction: int) -> None:
        if not self._rows:
            return
        page = max(1, self.scrollable_content_region.height - 2)
        target = min(max(self._cursor + direction * page, 0), len(self._rows) - 1)
        index = self._next_item(target - direction, direction)
        if index < 0:
            index = self._next_item(target + direction, -direction)
        if index >= 0:
            self._move_to(index, post=True)

    def action_edge(self, direction: int) -> None:
        index = self._next_item(-1, 1) if direction < 0 else self._next_item(len(self._rows), -1)
        if index >= 0:
            self._move_to(index, post=True)

    def action_select(self) -> None:
        if self.cursor_key is not None:
            self.post_message(self.Selected(self, self.cursor_key))

    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_offset.y) + event.y - 1
        if event.y >= 1 and 0 <= index < len(self._rows) and not self._rows[index].group:
            self._move_to(index, post=True)
            if event.chain >= 2:
                self.action_select()

    # ---- layout and drawing -------------------------------------------------------------------
    def _content_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def on_resize(self, _event: events.Resize) -> None:
        self._widths = []
        self._cache.clear()
        self._header = None
        self.virtual_size = Size(self._content_width(), len(self._rows) + 1)

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Other columns (labels, widths, weights): measured again and every line drawn anew."""
        self.columns = list(columns)
        self._widths = []
        self._cache.clear()
        self._header = None
        self.refresh()

    def visible_columns(self) -> list[int]:
        """Indexes of the columns shown at the current width (the others gave way)."""
        return [i for i, w in enumerate(self._column_widths()) if w > 0]

    def _column_widths(self) -> list[int]:
        if self._widths:
            return self._widths
        total = self._content_width()
        shown = [i for i, c in enumerate(self.columns) if c.width != 0]  # width 0: never shown

        def needed() -> int:
            cols = [self.columns[i] for i in shown]
            return sum(c.width if c.width is not None else c.min_width for c in cols) + len(cols) - 1

        giving_way = sorted(
            (i for i in shown if self.columns[i].give_way), key=lambda i: self.columns[i].give_way
        )
        for i in giving_way:
            if needed() <= total:
                break
            shown.remove(i)
        cols = [self.columns[i] for i in shown]
        fixed = sum(c.width for c in cols if c.width is not None)
        flex = [i for i in shown if self.columns[i].width is None]
        left = max(0, total - fixed - (len(cols) - 1))
        weights = sum(self.columns[i].weight for i in flex) or 1
        # Each flexible column gets its minimum, and what is left beyond the minimums by weight.
        spare = max(0, left - sum(self.columns[i].min_width for i in flex))
        widths = [0] * len(self.columns)  # 0: given way, not drawn
        for i in shown:
            c = self.columns[i]
            widths[i] = c.width if c.width is not None else c.min_width + spare * c.weight // weights
        if flex:  # what rounding left over goes to the first flexible column
            widths[flex[0]] += max(0, left - sum(widths[i] for i in flex))
        self._widths = widths
        return widths

    def _refresh_index(self, index: int) -> None:
        if index < 0:
            return
        self._cache.pop(index, None)
        y = index - round(self.scroll_offset.y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _cells_line(self, cells: Sequence[Cell], base: Style) -> list[Segment]:
        widths = self._column_widths()
        segments: list[Segment] = []
        last = max((i for i, w in enumerate(widths) if w), default=-1)
        for i, (column, width) in enumerate(zip(self.columns, widths, strict=False)):
            if not width:
                continue
            value = cells[i] if i < len(cells) else ""
            text = value.copy() if isinstance(value, Text) else Text(str(value).replace("\n", " ⏎ "))
            right = column.justify == "right"
            text.truncate(width, overflow="ellipsis", pad=not right)
            if right and text.cell_len < width:
                text = Text(" " * (width - text.cell_len)) + text
            for segment in text.render(self.app.console):
                segments.append(Segment(segment.text, base + segment.style if segment.style else base))
            if i < last:
                segments.append(Segment(" ", base))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            if self._header is None:
                style = self.get_component_rich_style("row-list--header")
                segs = self._cells_line([c.label for c in self.columns], style)
                self._header = Strip(segs).adjust_cell_length(width, style)
            return self._header
        index = round(self.scroll_offset.y) + y - 1
        base = self.rich_style
        if not self._rows:
            if y == 1 and self.empty_text:
                style = self.get_component_rich_style("row-list--empty")
                return Strip([Segment(" " + self.empty_text, style)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        cached = self._cache.get(index)
        if cached is not None and cached.cell_length == width:
            return cached
        row = self._rows[index]
        if row.group:
            style = self.get_component_rich_style("row-list--group")
            cells = row.resolved_cells()
            label = cells[0] if cells else ""
            text = label.copy() if isinstance(label, Text) else Text(str(label))
            text.truncate(width - 1, overflow="ellipsis")
            segs = [Segment(" ", style)] + [
                Segment(s.text, style + s.style if s.style else style) for s in text.render(self.app.console)
            ]
            strip = Strip(segs).adjust_cell_length(width, style)
        else:
            style = base
            if index == self._cursor:
                style = base + self.get_component_rich_style("row-list--cursor")
            strip = Strip(self._cells_line(row.resolved_cells(), style)).adjust_cell_length(width, style)
        self._cache[index] = strip
        return strip

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.refresh()
