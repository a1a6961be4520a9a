"""The plan screen's table of activities: the template's columns and a coloured status.

``build_rows`` turns activities into the table's rows for one view (a unit, the plan as a whole, or
all; a search; filters). It is plain work on frozen data, so the screen runs it in a worker: with
5,000 activities it must not hold up a key press.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from i18n import t
from models.dates import is_overdue
from tui.widgets.row_list import Column, Row, RowList

if TYPE_CHECKING:
    from db.queries.activities import ActivityRow

ALL = "all"  # every activity of the plan, grouped by unit and area
WHOLE = "whole"  # the activities of the plan as a whole (no unit)

STATUS_STYLES = {
    "not_started": "dim",
    "in_progress": "yellow",
    "done": "green",
    "delayed": "bold red",
    "cancelled": "dim strike",
}


@dataclass(frozen=True, slots=True)
class ViewFilter:
    """What the table shows: a scope (ALL, WHOLE or a unit id), a search text and filters."""

    scope: object = ALL
    search: str = ""
    status: str | None = None
    responsible: str | None = None
    overdue: bool = False

    @property
    def narrowed(self) -> bool:
        return bool(self.search.strip() or self.status or self.responsible or self.overdue)


def status_text(status: str, overdue: bool = False) -> Text:
    text = Text(t(f"status.{status}"), style=STATUS_STYLES.get(status, ""))
    if overdue:
        text.append(" !", style="bold red")
    return text


class ActivityIndex:
    """The plan's activities, and what the views need of them, made when first asked for.

    Built in the worker that loads the plan, holding only the activities: a row's cells are made
    when its line is first drawn (``Row.factory``), an activity's search text when a search first
    looks at it (in the view worker), its overdue flag when a row or a filter first needs it. Opening
    a plan of 50,000 activities makes the cells of one screenful; a key press in the search field
    costs a pass over plain strings, not new rows.
    """

    def __init__(self, activities: Iterable[ActivityRow], today: date) -> None:
        self.activities = tuple(activities)
        self.today = today
        self.by_id = {a.id: a for a in self.activities}
        self._overdue: dict[int, bool] = {}
        self._search_text: dict[int, str] = {}
        self._rows: dict[int, Row] = {}

    def overdue(self, a: ActivityRow) -> bool:
        flag = self._overdue.get(a.id)
        if flag is None:
            flag = self._overdue[a.id] = is_overdue(a.target_date, a.status, self.today)
        return flag

    def search_text(self, a: ActivityRow) -> str:
        text = self._search_text.get(a.id)
        if text is None:
            text = self._search_text[a.id] = a.searchable()
        return text

    def row(self, a: ActivityRow) -> Row:
        """The activity's row, the same object in every view (its cells are built once, when drawn)."""
        row = self._rows.get(a.id)
        if row is None:
            row = self._rows[a.id] = Row(key=a.id, factory=partial(self._cells, a))
        return row

    def _cells(self, a: ActivityRow) -> tuple:
        overdue = self.overdue(a)
        target = Text(a.target_text, style="red" if overdue else "")
        return (a.goal, a.description, target, a.responsible, a.resources, a.follow_up,
                status_text(a.status, overdue))  # fmt: skip

    def matches(self, a: ActivityRow, view: ViewFilter, needle: str) -> bool:
        if needle:
            if needle not in self.search_text(a):
                return False
        elif view.scope == WHOLE:
            if a.unit_id is not None:
                return False
        elif view.scope != ALL and a.unit_id != view.scope:
            return False
        if view.status and a.status != view.status:
            return False
        if view.responsible is not None and a.responsible != view.responsible:
            return False
        return not view.overdue or self.overdue(a)


def build_rows(index: ActivityIndex, view: ViewFilter) -> list[Row]:
    """The table rows: a heading per area (per unit and area when several units show), then items.

    A search looks through every activity of the plan, whatever unit is selected.
    """
    needle = view.search.strip().casefold()
    by_unit = bool(needle) or view.scope == ALL
    rows: list[Row] = []
    group: tuple | None = None
    for a in index.activities:
        if not index.matches(a, view, needle):
            continue
        key = (a.unit_id, a.area_id) if by_unit else (a.area_id,)
        if key != group:
            group = key
            label = f"{a.unit_name or t('whole_plan')} · {a.area_name}" if by_unit else a.area_name
            rows.append(Row(key=("group", *key), cells=(label,), group=True))
        rows.append(index.row(a))
    return rows


class ActivityTable(RowList):
    """A RowList with the template's columns; only the lines on screen are drawn."""

    # Enter opens the editor here: say so in the help instead of the list's generic "Select".
    BINDINGS = [Binding("enter", "select", "plan.key_edit", id="activity_table.edit", show=False)]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(
            [
                Column(t("col.goal"), weight=3, min_width=12),
                Column(t("col.description").split(" – ")[0], weight=3, min_width=12),
                Column(t("col.target"), width=11),
                Column(t("col.responsible").split(" (")[0], weight=2, min_width=8),
                Column(t("col.resources"), weight=1, min_width=6),
                Column(t("col.follow_up").split("/")[0], weight=1, min_width=6),
                Column(t("col.status"), width=13),
            ],
            empty_text=t("plan.loading"),
            id=id,
        )
        self._measured_width = 0

    def _column_widths(self) -> list[int]:
        # The vertical scrollbar comes and goes with the number of rows without a resize event:
        # measure again whenever the width left for the columns changes.
        width = self._content_width()
        if width != self._measured_width:
            self._measured_width = width
            self._widths = []
            self._cache.clear()
            self._header = None
            self.call_after_refresh(self.refresh)  # the header may have been drawn with the old widths
        return super()._column_widths()
