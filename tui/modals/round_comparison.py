"""Two rounds side by side: which activities changed status, and which comments are new."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from i18n import t, tn
from tui.modals.reading import ReadingModal
from tui.palette import status_styles

if TYPE_CHECKING:
    from db.queries.rounds import RoundComparison


def status_text(status: str | None, styles: dict) -> Text:
    if status is None:
        return Text(t("compare.no_entry"), "dim")
    return Text(t(f"status.{status}"), styles.get(status, ""))


class RoundComparisonModal(ReadingModal):
    DEFAULT_CSS = """
    RoundComparisonModal { align: center middle; }
    RoundComparisonModal > VerticalScroll {
        width: 110; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    RoundComparisonModal .compare-title { text-style: bold; margin-bottom: 1; }
    RoundComparisonModal .compare-heading { text-style: bold; color: $accent; margin-top: 1; }
    """

    def __init__(self, older_id: int, newer_id: int) -> None:
        super().__init__()
        self.older_id = older_id
        self.newer_id = newer_id

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(t("compare.loading"), id="compare-title", classes="compare-title")
            yield Static(t("compare.status_heading"), classes="compare-heading")
            yield Static("", id="compare-status")
            yield Static(t("compare.comment_heading"), classes="compare-heading")
            yield Static("", id="compare-comments")
            yield Static(t("compare.footer"), classes="empty-hint")

    def fetch(self, session) -> RoundComparison:  # noqa: ANN001
        from db.queries.rounds import compare_rounds

        return compare_rounds(self.older_id, self.newer_id, session=session)

    def show(self, c: RoundComparison) -> None:
        self.query_one("#compare-title", Static).update(
            t("compare.title", older=c.older.name, newer=c.newer.name,
              changed=tn("count.status_changes", len(c.status_changes)),
              comments=tn("count.new_comments", len(c.new_comments)))
        )  # fmt: skip
        changes = Table(box=None, expand=True, pad_edge=False, show_header=True, header_style="bold")
        for key in ("col.unit", "checklist.col_activity"):
            changes.add_column(t(key), ratio=1 if key == "col.unit" else 3)
        changes.add_column(c.older.name, no_wrap=True)
        changes.add_column("", no_wrap=True)
        changes.add_column(c.newer.name, no_wrap=True)
        changes.add_column(t("summary.changed_by"), no_wrap=True)
        styles = status_styles(self.app)
        for s in c.status_changes:
            unit = s.unit or t("whole_plan")
            changes.add_row(unit, s.goal, status_text(s.before, styles), "→", status_text(s.after, styles),
                            s.by or Text("—", "dim"))  # fmt: skip
        self.query_one("#compare-status", Static).update(changes if c.status_changes else t("compare.none"))
        comments = Table(box=None, expand=True, pad_edge=False, show_header=True, header_style="bold")
        comments.add_column(t("col.unit"), ratio=1)
        comments.add_column(t("checklist.col_activity"), ratio=2)
        comments.add_column(t("checklist.col_comment"), ratio=3)
        for n in c.new_comments:
            comments.add_row(n.unit or t("whole_plan"), n.goal, n.comment)
        self.query_one("#compare-comments", Static).update(comments if c.new_comments else t("compare.none"))
