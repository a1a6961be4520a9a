"""The highlighted activity of the checklist in full, under the list: nothing is cut off for good.

Goal, activity, target (as written and as read), responsible, resources, this round's and the
previous round's comment, and a line of its status in every round. Long text wraps; the pane
scrolls when it holds more than it shows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from i18n import t
from models.dates import is_overdue
from tui.widgets.activity_detail import target_reading

if TYPE_CHECKING:
    from models.meeting import Entry, Item


def checklist_detail_text(item: Item, entry: Entry, *, round_name: str, previous_round: str,
                          history: str | None, pending: bool, today: date, styles: dict) -> Text:  # fmt: skip
    text = Text()
    if item.number is not None:
        text.append(t("plan.number", number=item.number) + "  ", style="bold")
    text.append(f"{item.unit_name or t('whole_plan')} · {item.area}  ", style="bold")
    text.append(t(f"status.{entry.status}"), style=styles[entry.status])
    if is_overdue(item.target_date, entry.status, today):
        text.append(f" ({t('plan.overdue_mark')})", style=styles["overdue"])
    text.append("  ")
    if entry.reviewed:
        text.append("✓ " + t("checklist.gone_through"), style=styles["reviewed"])
    else:
        text.append("· " + t("checklist.not_gone_through"), style="dim")
    if pending:
        text.append("  * " + t("checklist.saving_row"), style=styles["pending"])
    reading = target_reading(item.target_text, item.target_date, item.ongoing)
    rows = [
        (t("col.goal"), item.goal),
        (t("col.description"), item.description),
        (t("col.target"), f"{item.target_text}  ({reading})" if item.target_text else reading),
        (t("col.responsible"), item.responsible),
        (t("col.resources"), item.resources),
        (t("checklist.detail_comment", round=round_name), entry.comment),
    ]
    if previous_round:
        rows.append((t("checklist.detail_comment", round=previous_round), item.previous_comment))
    rows.append((t("checklist.detail_history"), history if history is not None else "…"))
    for label, value in rows:
        text.append(f"\n{label}: ", style="bold")
        text.append(value.strip() or "–")
    return text


class ChecklistDetail(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    ChecklistDetail { height: 10; border-top: solid $accent; background: $panel; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="checklist-detail-text")

    def show(self, item: Item | None, entry: Entry | None = None, **details: object) -> None:
        body = self.query_one("#checklist-detail-text", Static)
        if item is None or entry is None:
            body.update("")
            return
        text = checklist_detail_text(item, entry, **details)
        if getattr(self, "_shown_for", None) != item.activity_id:
            self._shown_for = item.activity_id
            self.scroll_home(animate=False)
        body.update(text)

    @property
    def text(self) -> str:
        """What the pane says, as plain text."""
        return str(self.query_one("#checklist-detail-text", Static).render())
