"""One activity across every follow-up round: status and comment, newest first, with dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from i18n import t
from i18n.formatting import date_text
from tui.modals.reading import ReadingModal
from tui.palette import status_styles

if TYPE_CHECKING:
    from db.queries.rounds import ActivityHistory


class ActivityHistoryModal(ReadingModal):
    DEFAULT_CSS = """
    ActivityHistoryModal { align: center middle; }
    ActivityHistoryModal > VerticalScroll {
        width: 100; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    ActivityHistoryModal .history-title { text-style: bold; }
    ActivityHistoryModal .history-where { color: $text-muted; margin-bottom: 1; }
    """
    BINDINGS = [Binding("h", "close", "key.close", id="history.close", show=False)]

    def __init__(self, activity_id: int) -> None:
        super().__init__()
        self.activity_id = activity_id

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(t("history.loading"), id="history-title", classes="history-title")
            yield Static("", id="history-where", classes="history-where")
            yield Static("", id="history-rounds")
            yield Static(t("compare.footer"), classes="empty-hint")

    def fetch(self, session) -> ActivityHistory:  # noqa: ANN001
        from db.queries.rounds import activity_history

        return activity_history(self.activity_id, session=session)

    def show(self, h: ActivityHistory) -> None:
        self.query_one("#history-title", Static).update(t("history.title", activity=h.goal or h.description))
        where = f"{h.unit or t('whole_plan')} › {h.area}"
        if h.goal and h.description:
            where += f"\n{h.description}"
        self.query_one("#history-where", Static).update(where)
        if not h.items:
            self.query_one("#history-rounds", Static).update(t("history.empty"))
            return
        table = Table(box=None, expand=True, pad_edge=False, header_style="bold")
        table.add_column(t("history.col_round"), no_wrap=True)
        table.add_column(t("field.round_date"), no_wrap=True)
        table.add_column(t("col.status"), no_wrap=True)
        table.add_column(t("checklist.col_comment"), ratio=1)
        table.add_column(t("summary.changed_by"), no_wrap=True)
        for item in h.items:
            name = Text(item.round_name)
            if not item.closed:
                name.append(f" ({t('rounds.open').lower()})", "dim")
            status = Text(t(f"status.{item.status}"), status_styles(self.app).get(item.status, ""))
            if not item.reviewed:
                status.append(f" ({t('history.not_reviewed')})", "dim")
            table.add_row(name, date_text(item.date), status, item.comment or Text("—", "dim"),
                          item.by or Text("—", "dim"))  # fmt: skip
        self.query_one("#history-rounds", Static).update(table)
