"""Bars of block characters: each unit's key figure over the periods, to see at a glance.

Bars are scaled per key figure (the largest share of that figure fills the width), so that units can
be compared with each other and each unit's trend shows as bars growing or shrinking.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from i18n import t

_DATE_RANGE = re.compile(r"^(\d{4}-\d{2})-\d{2}\s*[–-]\s*(\d{4}-\d{2})-\d{2}$")

BAR_WIDTH = 22
EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> str:
    """A bar ``width`` cells long at ``largest``, in eighths of a cell."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = round(value / largest * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def format_number(value: float | int | None) -> str:
    if value is None:
        return "–"
    from i18n.formatting import number

    return number(value, decimals=1) if isinstance(value, float) else number(value)


def short_period(label: str) -> str:
    """ "2023-10-01 – 2024-09-30" as "2023-10–2024-09": a period of dates, to the month."""
    match = _DATE_RANGE.match(label.strip())
    return f"{match[1]}–{match[2]}" if match else label


def figure_name(name: str) -> str:
    """The stored name, or its translation for the two names hrplan knows."""
    known = {"personalomsättning": "keyfig.turnover", "sjukfrånvaro": "keyfig.sick_leave"}
    return t(known[name]) if name in known else name


def chart_text(trends: list) -> Text:  # list[Trend]
    text = Text()
    by_name: dict[str, list] = {}
    for trend in trends:
        by_name.setdefault(trend.name, []).append(trend)
    for name, group in by_name.items():
        if text:
            text.append("\n")
        text.append(figure_name(name).capitalize() + "\n", style="bold underline")
        shares = [s for trend in group for s in trend.shares if s is not None]
        largest = max(shares, default=0.0)
        for trend in group:
            text.append(f" {trend.unit_name or t('whole_plan')}\n", style="bold")
            for period, share, count in zip(trend.periods, trend.shares, trend.counts, strict=True):
                text.append(f"   {short_period(period)[:15]:<15} ", style="dim")
                if share is None:
                    text.append(
                        t("keyfig.no_values") if count is None else f"{t('keyfig.col_count')} {count}"
                    )
                    text.append("\n")
                    continue
                text.append(f"{bar(share, largest):<{BAR_WIDTH}}", style="cyan")
                text.append(f" {format_number(share)} %")
                if count is not None:
                    text.append(f" ({count})", style="dim")
                text.append("\n")
    return text


class TrendChart(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    TrendChart { padding: 0 1; }
    """

    def compose(self):  # noqa: ANN201
        yield Static("", id="chart-text")

    def show(self, trends: list) -> None:
        self.query_one("#chart-text", Static).update(chart_text(trends) if trends else t("keyfig.empty"))
