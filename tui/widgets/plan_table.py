"""The table of plans on the start screen: one row per plan, keyed by the plan's id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from i18n import t
from tui.bindings import translate_bindings

if TYPE_CHECKING:
    from db.queries.plan_list import PlanSummary

BAR_WIDTH = 10


def progress_bar(share: float, total: int, width: int = BAR_WIDTH, style: object = "green") -> Text:
    """A bar of the share done (in ``style``, the palette's colour of done), with the percentage; a
    dash when there is nothing to count."""
    if total == 0:
        return Text("–", style="dim")
    share = max(0.0, min(1.0, share))
    filled = round(share * width)
    bar = Text("█" * filled, style=style)
    bar.append("░" * (width - filled), style="dim")
    bar.append(f" {share * 100:3.0f} %")
    return bar


class PlanTable(DataTable[object]):
    """A DataTable whose navigation keys are described in the user's language (for the help)."""

    BINDINGS = [
        Binding("enter", "select_cursor", "plans.key_open"),
        Binding("up", "cursor_up", "plans.key_up", show=False),
        Binding("down", "cursor_down", "plans.key_down", show=False),
        Binding("pageup", "page_up", "plans.key_page_up", show=False),
        Binding("pagedown", "page_down", "plans.key_page_down", show=False),
        Binding("home", "scroll_home", "plans.key_first", show=False),
        Binding("end", "scroll_end", "plans.key_last", show=False),
        Binding("ctrl+home", "scroll_top", "plans.key_first", show=False),
        Binding("ctrl+end", "scroll_bottom", "plans.key_last", show=False),
        # A row cursor has no columns to move between: these keys do nothing worth listing in the help.
        Binding("left", "cursor_left", "", show=False),
        Binding("right", "cursor_right", "", show=False),
        Binding("ctrl+pageup", "page_left", "", show=False),
        Binding("ctrl+pagedown", "page_right", "", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        translate_bindings(self)

    def on_mount(self) -> None:
        self.add_column(t("col.title"), key="title", width=40)
        self.add_column(t("plans.col_organisation"), key="organisation", width=23)
        self.add_column(t("col.period"), key="period", width=9)
        self.add_column(t("col.plan_status"), key="status", width=9)
        self.add_column(t("col.activities"), key="activities", width=11)
        self.add_column(t("col.progress"), key="progress", width=BAR_WIDTH + 6)

    def show(self, plans: list[PlanSummary], *, select: int | None = None) -> None:
        """Fill the table with ``plans``, keeping the cursor on ``select`` when it is among them."""
        from tui.palette import status_styles

        done_style = status_styles(self.app)["bar_done"]
        self.clear()
        for plan in plans:
            archived = plan.status == "archived"
            style = "dim italic" if archived else ""
            self.add_row(
                Text(plan.title, style=style),
                Text(plan.organisation, style=style),
                f"{plan.period_start}–{plan.period_end}",
                Text(t(f"plan_status.{plan.status}"), style=style),
                Text(str(plan.activity_count), justify="right"),
                progress_bar(plan.share_done, plan.activity_count - plan.cancelled, style=done_style),
                key=str(plan.id),
            )
        if select is not None and str(select) in self.rows:
            self.move_cursor(row=self.get_row_index(str(select)))

    @property
    def selected_id(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None
