"""The plan screen's table of activities: the template's columns and a coloured status.

``ActivityIndex`` holds the plan's activities (``models.plan_activities.PlanActivities``) with the
styles of this screen; ``build_rows`` gives the table's rows for one view (a unit, the plan as a
whole, or all; a search; filters) as keys: an item's cells are made when its line is first drawn.
Computing a view is plain work on frozen data, so the screen runs it in a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.binding import Binding

from i18n import t
from models.activity_filter import ActivityFilter, Group
from models.plan_activities import (
    DESCRIPTION,
    FOLLOW_UP,
    GOAL,
    RESOURCES,
    RESPONSIBLE,
    STATUS,
    TARGET_TEXT,
    PlanActivities,
    PlanView,
)
from tui.widgets.row_list import Column, KeyedRows, Row, RowList


def status_text(status: str, styles: dict, overdue: bool = False) -> Text:
    """A status in its colour from ``tui.palette``; ``!`` marks an overdue activity."""
    text = Text(t(f"status.{status}"), style=styles.get(status, ""))
    if overdue:
        text.append(" !", style=styles["overdue"])
    return text


class ActivityIndex:
    """The plan's activities (``PlanActivities``, tuples as read) and the styles their cells take.

    Built in the worker that loads the plan, holding only what was read: a row's cells are made
    when its line is first drawn (``KeyedRows``), search texts when a search first looks (in the
    view worker), an overdue flag when its row is first drawn. Opening a plan of 50,000 activities
    makes the cells of one screenful and no object per activity.
    """

    def __init__(self, values: Sequence[tuple], today: date, styles: dict | None = None) -> None:
        from tui.palette import styles_from

        self.styles = styles or styles_from({})
        self.activities = PlanActivities(values, today)
        self.column_weights = self.activities.column_weights()

    def cells(self, key: object) -> tuple:
        values = self.activities.values_of(key)
        if values is None:
            return ()
        overdue = self.activities.overdue(values)
        target = Text(values[TARGET_TEXT], style=self.styles["overdue"] if overdue else "")
        return (values[GOAL], values[DESCRIPTION], target, values[RESPONSIBLE], values[RESOURCES],
                values[FOLLOW_UP], status_text(values[STATUS], self.styles, overdue))  # fmt: skip

    def rows(self, view: PlanView) -> KeyedRows:
        """The table rows of a computed view: its headings as rows, its items as keys."""
        entries = list(view.entries)
        for i, group in view.groups():
            entries[i] = Row(key=group.key, cells=(group_label(group),), group=True)
        return KeyedRows(entries, self.cells, view.positions)


def build_rows(index: ActivityIndex, view: ActivityFilter) -> tuple[KeyedRows, int]:
    """The table rows for ``view`` (a heading per area, per unit and area when several units show),
    and how many activities they hold. A search looks through every activity of the plan."""
    computed = index.activities.view(view)
    return index.rows(computed), computed.shown


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
