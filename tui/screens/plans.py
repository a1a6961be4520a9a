"""The start screen: the list of plans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from i18n import t
from tui.screens.base import BaseScreen
from tui.widgets.db_watcher import DatabaseWatcher

if TYPE_CHECKING:
    from db.queries.plans import PlanSummary


def progress_bar(share: float, width: int = 10) -> str:
    filled = round(max(0.0, min(1.0, share)) * width)
    return "█" * filled + "░" * (width - filled) + f" {share:4.0%}"


class PlansScreen(BaseScreen):
    BINDINGS = [
        Binding("q", "app.quit", "key.quit", id="plans.quit"),
    ]

    class Loaded(Message):
        def __init__(self, plans: list[PlanSummary]) -> None:
            super().__init__()
            self.plans = plans

    class LoadFailed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[str] = DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        table.add_column(t("col.title"), key="title")
        table.add_column(t("col.period"), key="period")
        table.add_column(t("col.plan_status"), key="status")
        table.add_column(t("col.activities"), key="activities")
        table.add_column(t("col.progress"), key="progress")
        yield table
        yield Static(t("plans.loading"), id="plans-hint", classes="empty-hint")
        yield DatabaseWatcher(self.app.database.path)
        yield Footer()

    def on_mount(self) -> None:
        self.load_plans()

    @on(DatabaseWatcher.Changed)
    def reload_plans(self) -> None:
        """Another instance (or a script) changed the database: show its changes."""
        self.load_plans()

    @work(thread=True, exclusive=True, group="plans")
    def load_plans(self) -> None:
        from db.errors import HrplanError
        from db.queries.plans import list_plans

        try:
            with self.app.database.read() as session:
                plans = list_plans(session=session)
        except HrplanError as exc:
            self.post_message(self.LoadFailed(exc.message()))
            return
        self.post_message(self.Loaded(plans))

    @on(Loaded)
    def show_plans(self, message: Loaded) -> None:
        table = self.query_one("#plans", DataTable)
        selected = self._selected_key(table)
        table.clear()
        for plan in message.plans:
            table.add_row(
                plan.title,
                f"{plan.period_start}–{plan.period_end}",
                t(f"plan_status.{plan.status}"),
                str(plan.activity_count),
                progress_bar(plan.share_done),
                key=str(plan.id),
            )
        hint = self.query_one("#plans-hint", Static)
        hint.update(t("plans.empty"))
        hint.display = not message.plans
        if selected is not None and selected in table.rows:
            table.move_cursor(row=table.get_row_index(selected), animate=False)
        if self.focused is None:
            table.focus()

    @staticmethod
    def _selected_key(table: DataTable) -> str | None:
        """The plan under the cursor, so that a reload keeps it selected."""
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    @on(LoadFailed)
    def show_failure(self, message: LoadFailed) -> None:
        self.query_one("#plans-hint", Static).update(message.text)
        self.notify(message.text, severity="error")
