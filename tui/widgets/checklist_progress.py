"""The checklist's header: progress bars overall and per unit, and the count per status.

Drawn from the checklist's in-memory tally (``models.checklist.Tally``): a key press changes the
tally and this widget redraws only the lines whose text changed (Textual's Line API), without asking
the database and without laying the screen out again unless the number of lines changes.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from i18n import t, tn
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
        (tn("progress.of", tally.total), "dim"),
    )  # fmt: skip


class ChecklistProgress(Widget):
    DEFAULT_CSS = """
    ChecklistProgress { height: 1; padding: 0 1; background: $panel; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.lines: list[Text] = []
        self._strips: dict[int, Strip] = {}

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        strip = self._strips.get(y)
        if strip is None or strip.cell_length != width:
            if y < len(self.lines):
                segments = list(self.lines[y].render(self.app.console))
                base = self.rich_style
                segments = [Segment(s.text, base + s.style if s.style else base) for s in segments]
                strip = Strip(segments).crop(0, width).adjust_cell_length(width, base)
            else:
                strip = Strip.blank(width, self.rich_style)
            self._strips[y] = strip
        return strip

    def _set_lines(self, lines: list[Text]) -> None:
        """Show ``lines``: a new height lays the screen out once; otherwise only changed lines redraw."""
        old = self.lines
        self.lines = lines
        if len(lines) != len(old):
            self._strips.clear()
            self.styles.height = len(lines)
            self.refresh(layout=True)
            return
        for y, (before, after) in enumerate(zip(old, lines, strict=True)):
            if before != after:
                self._strips.pop(y, None)
                self.refresh(Region(0, y, self.size.width, 1))

    def on_resize(self) -> None:
        self._strips.clear()

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
            lines.append(Text(tn("progress.more_units", len(units) - UNIT_LINES), style="dim"))
        counts = Text()
        for number, (status, count) in enumerate(tally.status_counts(), start=1):
            counts.append(f"[{number}] ", style="dim")
            counts.append(t(f"status.{status}"), style=STATUS_STYLES[status])
            counts.append(f" {count}   ")
        lines.append(counts)
        if note:
            lines.append(Text(note, style="bold #e0b030"))
        self._set_lines(lines)
