"""The plan screen's table of activities: the template's columns and a coloured status.

``build_rows`` turns activities into the table's rows for one view (a unit, the plan as a whole, or
all; a search; filters). It is plain work on frozen data, so the screen runs it in a worker: with
5,000 activities it must not hold up a key press.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from i18n import t
from models.activity_filter import ActivityFilter, Group, grouped, unit_key
from models.dates import is_overdue
from tui.widgets.row_list import Column, Row, RowList

if TYPE_CHECKING:
    from db.queries.activities import ActivityRow

def status_text(status: str, styles: dict, overdue: bool = False) -> Text:
    """A status in its colour from ``tui.palette``; ``!`` marks an overdue activity."""
    text = Text(t(f"status.{status}"), style=styles.get(status, ""))
    if overdue:
        text.append(" !", style=styles["overdue"])
    return text


class ActivityIndex:
    """The plan's activities, and what the views need of them, made when first asked for.

    Built in the worker that loads the plan, holding only the activities: a row's cells are made
    when its line is first drawn (``Row.factory``), an activity's search text when a search first
    looks at it (in the view worker), its overdue flag when its row is first drawn. Opening a plan
    of 50,000 activities makes the cells of one screenful; a key press in the search field costs a
    pass over plain strings, not new rows.
    """

    def __init__(self, activities: Iterable[ActivityRow], today: date, styles: dict | None = None) -> None:
        from tui.palette import styles_from

        self.styles = styles or styles_from({})
        self.today = today
        self.activities = tuple(activities)
        self.by_id = {a.id: a for a in self.activities}
        self._search_text: dict[int, str] = {}
        self._rows: dict[int, Row] = {}
        self.column_weights = content_weights(self.activities)

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
        overdue = is_overdue(a.target_date, a.status, self.today)
        target = Text(a.target_text, style=self.styles["overdue"] if overdue else "")
        return (a.goal, a.description, target, a.responsible, a.resources, a.follow_up,
                status_text(a.status, self.styles, overdue))  # fmt: skip

    def matches(self, a: ActivityRow, view: ActivityFilter) -> bool:
        texts = self.search_text(a) if view.search.strip() else ""
        return view.matches(unit=unit_key(a.unit_id), area=a.area_name, responsible=a.responsible,
                            status=a.status, due=a.target_date, texts=texts, today=self.today)  # fmt: skip


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


def build_rows(index: ActivityIndex, view: ActivityFilter) -> list[Row]:
    """The table rows: a heading per area (per unit and area when several units show), then items.

    A search looks through every activity of the plan, whatever unit is selected.
    """
    searching = bool(view.search.strip())
    if searching:
        view = replace(view, unit=None)
    by_unit = searching or view.unit is None
    rows: list[Row] = []
    shown = (a for a in index.activities if index.matches(a, view))
    for part in grouped(shown, unit=lambda a: unit_key(a.unit_id), unit_name=lambda a: a.unit_name,
                        area=lambda a: a.area_name, by_unit=by_unit):  # fmt: skip
        if isinstance(part, Group):
            rows.append(Row(key=part.key, cells=(group_label(part),), group=True))
        else:
            rows.append(index.row(part))
    return rows


def group_label(group: Group) -> str:
    """A heading of the plan screen and the checklist: "Unit · Area" (or the area alone)."""
    if not group.by_unit:
        return group.area
    return f"{group.unit_name or t('whole_plan')} · {group.area}"


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
            Column(t("col.goal"), weight=w["goal"], min_width=12, give_way=5),
            Column(t("col.description").split(" – ")[0], weight=w["description"], min_width=14),
            Column(t("col.target"), width=11, give_way=4),
            Column(t("col.responsible").split(" (")[0], weight=w["responsible"], min_width=9, give_way=3),
            Column(t("col.resources"), weight=w["resources"], min_width=9, give_way=1),
            Column(t("col.follow_up").split("/")[0], weight=w["follow_up"], min_width=11, give_way=2),
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
