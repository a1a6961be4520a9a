"""Every field of one activity in full, wrapped: what the table's columns cut off is read here."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from i18n import t
from i18n.formatting import date_text
from models.dates import is_overdue
from tui.widgets.activity_table import status_text

if TYPE_CHECKING:
    from db.queries.activities import ActivityRow


def target_reading(text: str, due: date | None, ongoing: bool) -> str:
    """How a target text is read, in words: the same phrases the editor shows while typing."""
    if not text.strip():
        return t("target.empty")
    if ongoing:
        return t("target.ongoing")
    if due is not None:
        return t("target.read_as", date=date_text(due))
    return t("target.unreadable")


def detail_text(row: ActivityRow, today: date, styles: dict) -> Text:
    overdue = is_overdue(row.target_date, row.status, today)
    text = Text()
    if row.number is not None:
        text.append(t("plan.number", number=row.number) + "  ", style="bold")
    text.append(f"{row.unit_name or t('whole_plan')} · {row.area_name}  ", style="bold")
    text.append_text(status_text(row.status, styles, overdue))
    if overdue:
        text.append(f" ({t('plan.overdue_mark')})", style=styles["overdue"])
    reading = target_reading(row.target_text, row.target_date, row.ongoing)
    for key, value in (
        ("col.goal", row.goal),
        ("col.description", row.description),
        ("col.target", f"{row.target_text}  ({reading})" if row.target_text else reading),
        ("col.responsible", row.responsible),
        ("col.resources", row.resources),
        ("col.follow_up", row.follow_up),
    ):
        text.append(f"\n{t(key)}: ", style="bold")
        text.append(value or "–")
    return text


class ActivityDetail(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    ActivityDetail { height: 10; border-top: solid $accent; background: $panel; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(t("plan.no_detail"), id="detail-text")

    _shown: tuple | None = None

    def show(self, row: ActivityRow | None, today: date) -> None:
        if (row, today) == self._shown:
            return  # the same activity as it was: nothing to lay out again
        self._shown = (row, today)
        body = self.query_one("#detail-text", Static)
        from tui.palette import status_styles

        body.update(
            detail_text(row, today, status_styles(self.app)) if row is not None else t("plan.no_detail")
        )
        self.scroll_home(animate=False)
