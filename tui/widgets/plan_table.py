"""The table of plans on the start screen: one row per plan, keyed by the plan's id.

Per plan: the share done, the activities past their target date, the open follow-up round and how
much of it is gone through, and when the next round is due. Sorted by any column (``sort_by``);
grouped by organisation when the plans belong to several. At 80 columns the columns that matter
least give way (the screen's detail line below shows the highlighted plan in full).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.binding import Binding

from i18n import t
from i18n.formatting import number, percent
from tui.widgets.row_list import Column, Row, RowList

if TYPE_CHECKING:
    from db.queries.plan_list import PlanSummary

BAR_WIDTH = 8

# Column key → (label key, sort key). The order is the table's.
SORT_KEYS: dict[str, Callable[[PlanSummary, date], Any]] = {
    "title": lambda p, _: p.title.casefold(),
    "organisation": lambda p, _: p.organisation.casefold(),
    "period": lambda p, _: (p.period_start, p.period_end),
    "status": lambda p, _: p.status,
    "activities": lambda p, _: p.activity_count,
    "progress": lambda p, _: p.share_done if p.activity_count - p.cancelled else -1.0,
    "overdue": lambda p, _: p.overdue,
    "round": lambda p, _: (p.open_round is not None, p.share_reviewed),
    "next": lambda p, today: (d.due if (d := p.next_round(today)) else date.max),
}
COLUMN_ORDER = tuple(SORT_KEYS)
LABELS = {
    "title": "col.title", "organisation": "plans.col_organisation", "period": "col.period",
    "status": "col.plan_status", "activities": "plans.col_activities", "progress": "col.progress",
    "overdue": "plans.col_overdue", "round": "plans.col_round", "next": "plans.col_next",
}  # fmt: skip


def progress_bar(share: float, total: int, width: int = BAR_WIDTH, style: object = "green") -> Text:
    """A bar of the share done (in ``style``, the palette's colour of done), with the percentage; a
    dash when there is nothing to count."""
    if total == 0:
        return Text("–", style="dim")
    share = max(0.0, min(1.0, share))
    filled = round(share * width)
    bar = Text("█" * filled, style=style)
    bar.append("░" * (width - filled), style="dim")
    bar.append(" " + percent(share))
    return bar


def round_text(plan: PlanSummary) -> Text:
    """The open round and the share of it gone through: "T3 2025 40 %"; a dash without one."""
    if plan.open_round is None:
        return Text("–", style="dim")
    text = Text(plan.open_round)
    if plan.open_round_entries:
        text.append(" " + percent(plan.share_reviewed), style="cyan")
    return text


def next_text(plan: PlanSummary, today: date) -> Text:
    """The next round's period, marked when it is due now (yellow) or its period has passed (red)."""
    due = plan.next_round(today)
    if due is None:
        return Text("–", style="dim")
    if due.state == "overdue":
        return Text(f"{due.name} !", style="bold red")
    if due.state == "due":
        return Text(f"{due.name} •", style="yellow")
    return Text(due.name, style="dim")


class PlanTable(RowList):
    """The plans, drawn line by line, with a cursor on one plan."""

    # Enter opens the plan: say so in the help instead of the list's generic "Select".
    BINDINGS = [Binding("enter", "select", "plans.key_open", id="plan_table.open")]

    def __init__(self, *, today: date, id: str | None = None) -> None:  # noqa: A002
        super().__init__(self._columns(grouped=False), empty_text="", id=id)
        self.sort_key = "period"  # newest period first, then by title
        self.reverse = True
        self.today = today
        self._grouped = False

    def _columns(self, *, grouped: bool, title_weight: int = 3, organisation_weight: int = 2
                 ) -> list[Column]:  # fmt: skip
        sort_key = getattr(self, "sort_key", None)
        marker = " ▼" if getattr(self, "reverse", False) else " ▲"

        def label(key: str) -> str:
            return t(LABELS[key]) + (marker if key == sort_key else "")

        columns = {
            "title": Column(label("title"), weight=title_weight, min_width=16),
            "organisation": Column(label("organisation"), weight=organisation_weight, min_width=12,
                                   give_way=1),
            "period": Column(label("period"), width=9, give_way=2),
            "status": Column(label("status"), width=9),
            "activities": Column(label("activities"), width=6, justify="right", give_way=3),
            "progress": Column(label("progress"), width=BAR_WIDTH + 6),
            "overdue": Column(label("overdue"), width=6, justify="right"),
            "round": Column(label("round"), width=15, give_way=4),
            "next": Column(label("next"), width=10, give_way=5),
        }
        if grouped:  # the group headings name the organisation: the column would repeat them
            columns["organisation"] = Column(label("organisation"), width=0)
        return [columns[key] for key in COLUMN_ORDER]

    def show(self, plans: list[PlanSummary], *, select: int | None = None) -> None:
        """Fill the table with ``plans``, keeping the cursor on ``select`` when it is among them."""
        from tui.palette import status_styles

        self._done_style = status_styles(self.app)["bar_done"]
        ordered = sorted(plans, key=lambda p: SORT_KEYS[self.sort_key](p, self.today), reverse=self.reverse)
        organisations = {p.organisation for p in ordered}
        self._grouped = len(organisations) > 1
        # The two text columns share the width left by how long their texts are (up to a point).
        title_weight = max((min(len(p.title), 60) for p in ordered), default=3)
        organisation_weight = max((min(len(p.organisation), 40) for p in ordered), default=2)
        self.set_columns(self._columns(grouped=self._grouped, title_weight=max(1, title_weight),
                                       organisation_weight=max(1, organisation_weight)))  # fmt: skip
        rows: list[Row] = []
        if self._grouped:
            for organisation in sorted(organisations, key=str.casefold):
                heading = organisation or t("plans.no_organisation")
                rows.append(Row(key=("group", organisation), cells=(heading,), group=True))
                rows.extend(self._row(p) for p in ordered if p.organisation == organisation)
        else:
            rows = [self._row(p) for p in ordered]
        self.set_rows(rows)
        if select is not None:
            self.move_cursor_to(select)

    def _row(self, plan: PlanSummary) -> Row:
        archived = plan.status == "archived"
        style = "dim italic" if archived else ""
        overdue = Text(number(plan.overdue), style="bold red" if plan.overdue and not archived else "dim")
        cells = (
            Text(plan.title, style=style),
            Text(plan.organisation, style=style),
            f"{plan.period_start}–{plan.period_end}",
            Text(t(f"plan_status.{plan.status}"), style=style),
            number(plan.activity_count),
            progress_bar(plan.share_done, plan.activity_count - plan.cancelled, style=self._done_style),
            overdue,
            round_text(plan),
            next_text(plan, self.today),
        )
        return Row(key=plan.id, cells=cells)

    def sort_by(self, key: str | None = None) -> None:
        """Sort by the column ``key``; by the next column when None; the same key again reverses."""
        if key is None:
            key = COLUMN_ORDER[(COLUMN_ORDER.index(self.sort_key) + 1) % len(COLUMN_ORDER)]
            self.reverse = False
        elif key == self.sort_key:
            self.reverse = not self.reverse
        else:
            self.reverse = False
        self.sort_key = key

    @property
    def selected_id(self) -> int | None:
        key = self.cursor_key
        return key if isinstance(key, int) else None
