"""The checklist's header: progress bars overall and per unit, and the count per status.

Drawn from the checklist's in-memory tally (``models.checklist.Tally``): a key press changes the
tally and this widget redraws its few lines, without asking the database.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from i18n import t
from models.checklist import Tally, UnitTally

STATUS_STYLES = {
    "not_started": "bold #a0a0a0",
    "in_progress": "bold #e0b030",
    "done": "bold #4cbf6a",
    "delayed": "bold #e05050",
    "cancelled": "#8a8a8a strike",
}
DONE_STYLE, REVIEWED_STYLE, EMPTY_STYLE = "#4cbf6a", "#5a9ee0", "#4a4a4a"
UNIT_LINES = 6  # unit bars shown at once, around the unit of the cursor
LABEL_WIDTH = 22
BAR_WIDTH = 10


def bar(share: float, style: str, width: int = BAR_WIDTH) -> Text:
    filled = round(max(0.0, min(1.0, share)) * width)
    return Text.assemble(("█" * filled, style), ("░" * (width - filled), EMPTY_STYLE))


def tally_line(label: str, tally: UnitTally, label_width: int = LABEL_WIDTH) -> Text:
    name = Text(label, style="bold")
    name.truncate(label_width, overflow="ellipsis", pad=True)
    return Text.assemble(
        name, " ",
        bar(tally.share_done, DONE_STYLE), f" {tally.share_done:4.0%} {t('progress.done')}  ",
        bar(tally.share_reviewed, REVIEWED_STYLE),
        f" {tally.share_reviewed:4.0%} {t('progress.reviewed')}  ",
        (t("progress.of", n=tally.total), "dim"),
    )  # fmt: skip


class ChecklistProgress(Static):
    DEFAULT_CSS = """
    ChecklistProgress { height: auto; padding: 0 1; background: $panel; }
    """

    def show(self, tally: Tally, unit_names: dict[int, str], *, current_unit: int | None,
             note: str = "") -> None:  # fmt: skip
        """Redraw from ``tally``; ``unit_names`` in plan order; the window follows ``current_unit``."""
        lines = [tally_line(t("progress.overall"), tally.overall)]
        units = [u for u in unit_names if u in tally.units]
        start = 0
        if len(units) > UNIT_LINES and current_unit in units:
            start = max(0, min(units.index(current_unit) - UNIT_LINES // 2, len(units) - UNIT_LINES))
        for unit in units[start : start + UNIT_LINES]:
            line = tally_line(unit_names[unit], tally.units[unit])
            if unit == current_unit and len(units) > 1:
                line.stylize("underline", 0, min(LABEL_WIDTH, len(unit_names[unit])))
            lines.append(line)
        if len(units) > UNIT_LINES:
            lines.append(Text(t("progress.more_units", n=len(units) - UNIT_LINES), style="dim"))
        counts = Text()
        for number, (status, count) in enumerate(tally.status_counts(), start=1):
            counts.append(f"[{number}] ", style="dim")
            counts.append(t(f"status.{status}"), style=STATUS_STYLES[status])
            counts.append(f" {count}   ")
        lines.append(counts)
        if note:
            lines.append(Text(note, style="bold #e0b030"))
        self.update(Text("\n").join(lines))
