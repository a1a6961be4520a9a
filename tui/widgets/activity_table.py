"""The plan screen's table of activities: the template's columns and a coloured status.

``build_rows`` turns activities into the table's rows for one view (a unit, the plan as a whole, or
all; a search; filters). It is plain work on frozen data, so the screen runs it in a worker: with
5,000 activities it must not hold up a key press.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
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
    """The plan's activities with what every view needs made once: rows, search text, overdue flags.

    Built in the worker that loads the plan; filtering then only picks rows, so a key press in the
    search field costs a pass over plain strings, not 5,000 new rows.
    """

    def __init__(self, activities: Iterable[ActivityRow], today: date) -> None:
        self.activities = tuple(activities)
        self.by_id = {a.id: a for a in self.activities}
        self.overdue = {a.id: is_overdue(a.target_date, a.status, today) for a in self.activities}
        self.search_text = {a.id: a.searchable() for a in self.activities}
        self.rows = {a.id: self._item(a) for a in self.activities}
        self.column_weights = content_weights(self.activities)

    def _item(self, a: ActivityRow) -> Row:
        overdue = self.overdue[a.id]
        target = Text(a.target_text, style="red" if overdue else "")
        cells = (a.goal, a.description, target, a.responsible, a.resources, a.follow_up,
                 status_text(a.status, overdue))  # fmt: skip
        return Row(key=a.id, cells=cells)

    def matches(self, a: ActivityRow, view: ViewFilter, needle: str) -> bool:
        if needle:
            if needle not in self.search_text[a.id]:
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
        return not view.overdue or self.overdue[a.id]


# The flexible columns, by the field each shows.
FLEX_FIELDS = ("goal", "description", "responsible", "resources", "follow_up")


def content_weights(activities: tuple[ActivityRow, ...]) -> dict[str, int]:
    """How wide each flexible column should be next to the others: the mean length of its texts
    (a longer text wraps in the detail pane anyway, so a few long ones do not take the width)."""
    if not activities:
        return {}
    weights = {}
    for name in FLEX_FIELDS:
        total = sum(min(len(getattr(a, name)), 80) for a in activities)
        weights[name] = max(4, min(60, total // len(activities)))
    return weights


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
        rows.append(index.rows[a.id])
    return rows


class ActivityTable(RowList):
    """A RowList with the template's columns; only the lines on screen are drawn."""

    # Enter opens the editor here: say so in the help instead of the list's generic "Select".
    BINDINGS = [Binding("enter", "select", "plan.key_edit", id="activity_table.edit", show=False)]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(self.template_columns({}), empty_text=t("plan.loading"), id=id)
        self._measured_width = 0

    @staticmethod
    def template_columns(weights: dict[str, int]) -> list[Column]:
        """The template's columns. The activity and its status never give way; at a narrow width
        resources go first, then follow-up, responsible, target date and goal (the detail pane
        below shows them). ``weights`` share the width by content (``content_weights``)."""
        w = {"goal": 3, "description": 3, "responsible": 2, "resources": 1, "follow_up": 1, **weights}
        return [
            Column(t("col.goal"), weight=w["goal"], min_width=12, priority=2),
            Column(t("col.description").split(" – ")[0], weight=w["description"], min_width=14),
            Column(t("col.target"), width=11, priority=3),
            Column(t("col.responsible").split(" (")[0], weight=w["responsible"], min_width=9, priority=4),
            Column(t("col.resources"), weight=w["resources"], min_width=9, priority=6),
            Column(t("col.follow_up").split("/")[0], weight=w["follow_up"], min_width=11, priority=5),
            Column(t("col.status"), width=13),
        ]

    def share_by_content(self, weights: dict[str, int]) -> None:
        """Let the flexible columns share the width by how long their texts are."""
        self.set_columns(self.template_columns(weights))

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
