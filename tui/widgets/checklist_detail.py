"""The highlighted activity of the checklist in full, under the list: nothing is cut off for good.

Goal, activity, target (as written and as read), responsible, resources, this round's and the
previous round's comment, and a line of its status in every round. Long text wraps; the pane
scrolls when it holds more than it shows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

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


class ChecklistDetail(ScrollView, can_focus=False):
    """The text wrapped to the pane and drawn line by line (Textual's Line API): a key press that
    changes a status redraws the pane's lines without laying the screen out again, which only a
    change in the number of lines needs. The scrollbar's place is kept, so the width to wrap to
    does not change when a longer text needs it."""

    DEFAULT_CSS = """
    ChecklistDetail {
        height: 10; border-top: solid $accent; background: $panel; padding: 0 1;
        scrollbar-gutter: stable;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._text = Text()
        self._lines: list[list[Segment]] = []
        self._wrapped_at = 0
        self._shown_for: int | None = None

    def show(self, item: Item | None, entry: Entry | None = None, **details: object) -> None:
        if item is None or entry is None:
            self._text = Text()
        else:
            self._text = checklist_detail_text(item, entry, **details)
            if self._shown_for != item.activity_id:
                self._shown_for = item.activity_id
                self.scroll_to(y=0, animate=False, immediate=True)
        self._wrap()

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        console = self.app.console
        lines = self._text.wrap(console, width) if self._text.plain else []
        self._lines = [list(line.render(console)) for line in lines]
        self._wrapped_at = width
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            self.virtual_size = size  # a layout, only when the number of lines changed
        self.refresh()

    def on_resize(self) -> None:
        self._wrap()

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        width = self.scrollable_content_region.width
        index = round(self.scroll_offset.y) + y
        if index >= len(self._lines) or width != self._wrapped_at:
            return Strip.blank(width, base)
        segments = [Segment(s.text, base + s.style if s.style else base) for s in self._lines[index]]
        return Strip(segments).adjust_cell_length(width, base)

    @property
    def text(self) -> str:
        """What the pane says, as plain text."""
        return self._text.plain
