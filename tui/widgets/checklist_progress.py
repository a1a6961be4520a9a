"""The checklist's header: progress bars overall and per unit, and the count per status.

Drawn from the meeting's in-memory tally (``models.meeting.Tally``): a key press changes the
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
from i18n.formatting import percent
from models.meeting import Tally, UnitTally

EMPTY_STYLE = "#4a4a4a"
UNIT_LINES = 6  # unit bars shown at once, around the unit of the cursor
LABEL_WIDTH = 22
BAR_WIDTH = 10


def bar(share: float, style: object, width: int = BAR_WIDTH) -> Text:
    filled = round(max(0.0, min(1.0, share)) * width)
    return Text.assemble(("█" * filled, style), ("░" * (width - filled), EMPTY_STYLE))


def tally_line(label: str, tally: UnitTally, styles: dict, label_width: int = LABEL_WIDTH,
               bar_width: int = BAR_WIDTH) -> Text:  # fmt: skip
    """One unit (or the whole round): share done, and how many were gone through in this round."""
    name = Text(label, style="bold")
    name.truncate(label_width, overflow="ellipsis", pad=True)
    return Text.assemble(
        name, " ",
        bar(tally.share_done, styles["bar_done"], bar_width),
        f" {percent(tally.share_done):>5} {t('progress.done')}  ",
        bar(tally.share_reviewed, styles["bar_reviewed"], bar_width),
        f" {t('progress.reviewed_count', n=tally.reviewed, total=tally.total)}",
    )  # fmt: skip


class ChecklistProgress(Widget):
    DEFAULT_CSS = """
    ChecklistProgress { height: 1; padding: 0 1; background: $panel; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.compact = False  # a small terminal: the whole round and the counts only
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

    def show(self, tally: Tally, unit_names: dict[int, str], *, current_unit: int | None, styles: dict,
             note: str = "", saving: int = 0) -> None:  # fmt: skip
        """Redraw from ``tally``; ``unit_names`` in plan order; the window follows ``current_unit``.
        ``saving``: key presses shown but not yet stored (marked until they are)."""
        if self.compact:
            self._set_lines(self._compact(tally, unit_names, current_unit, styles, note, saving))
            return
        lines = [tally_line(t("progress.overall"), tally.overall, styles)]
        units = [u for u in unit_names if u in tally.units]
        start = 0
        if len(units) > UNIT_LINES and current_unit in units:
            start = max(0, min(units.index(current_unit) - UNIT_LINES // 2, len(units) - UNIT_LINES))
        for unit in units[start : start + UNIT_LINES]:
            line = tally_line(unit_names[unit], tally.units[unit], styles)
            if unit == current_unit and len(units) > 1:
                line.stylize("underline", 0, min(LABEL_WIDTH, len(unit_names[unit])))
            lines.append(line)
        if len(units) > UNIT_LINES:
            lines.append(Text(tn("progress.more_units", len(units) - UNIT_LINES), style="dim"))
        lines.append(self._counts(tally, styles, saving))
        if note:
            lines.append(Text(note, style=styles["pending"]))
        self._set_lines(lines)

    @staticmethod
    def _counts(tally: Tally, styles: dict, saving: int, compact: bool = False) -> Text:
        """The count per status (with its key, unless compact), and how many are being saved."""
        counts = Text()
        for number, (status, count) in enumerate(tally.status_counts(), start=1):
            if not compact:
                counts.append(f"[{number}] ", style="dim")
            counts.append(t(f"status.{status}"), style=styles[status])
            counts.append(f" {count}" + ("  " if compact else "   "))
        if saving:
            counts.append(f"* {t('progress.saving', n=saving)}", style=styles["pending"])
        return counts

    def _compact(self, tally: Tally, unit_names: dict[int, str], current_unit: int | None, styles: dict,
                 note: str, saving: int) -> list[Text]:  # fmt: skip
        """Two lines: the whole round (and the unit of the cursor), then the counts or the note."""
        overall = tally.overall
        first = Text.assemble(
            (f"{t('progress.done')} {percent(overall.share_done)}", styles["bar_done"]), "  ",
            (t("progress.reviewed_count", n=overall.reviewed, total=overall.total), styles["bar_reviewed"]),
        )  # fmt: skip
        if current_unit is not None and current_unit in tally.units and len(unit_names) > 1:
            unit = tally.units[current_unit]
            name = Text(unit_names.get(current_unit, ""), style="bold")
            name.truncate(18, overflow="ellipsis")
            first.append("  │ ")
            first.append_text(name)
            first.append(f" {percent(unit.share_done)}, {unit.reviewed}/{unit.total}")
        second = (
            Text(note, style=styles["pending"]) if note else self._counts(tally, styles, saving, compact=True)
        )
        if note and saving:
            second.append(f"  * {t('progress.saving', n=saving)}")
        return [first, second]
