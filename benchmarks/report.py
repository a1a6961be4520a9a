"""Results of the benchmarks: a table on stdout and in BENCHMARKS.md."""

from __future__ import annotations

import os
import platform
import statistics
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    unit: str  # "s", "ms", "MB", "x"
    median: float
    spread: str  # how the runs varied, e.g. "min 0.21 – max 0.25" or "p95 3.1"
    goal: float  # the figure must be at most this
    runs: int
    note: str = ""
    goal_text: str = ""  # how the goal reads when it is relative ("≤ 3 × the 5,000 figure (123 ms)")

    @property
    def passed(self) -> bool:
        return self.median <= self.goal

    def row(self) -> list[str]:
        return [
            self.name,
            f"{self.median:.3f} {self.unit}" if self.unit != "x" else f"{self.median:.2f}",
            self.spread,
            self.goal_text or self._goal(),
            str(self.runs),
            ("PASS" if self.passed else "MISS") if self.goal != float("inf") else "–",
            self.note,
        ]


    def _goal(self) -> str:
        if self.goal == float("inf"):
            return "reference"
        return f"≤ {self.goal:g} {self.unit}" if self.unit != "x" else f"≤ {self.goal:g}"


HEADERS = ["benchmark", "median", "spread", "goal", "runs", "result", "note"]


def spread_of(values: list[float], scale: float = 1.0, digits: int = 3) -> str:
    lo, hi = min(values) * scale, max(values) * scale
    return f"min {lo:.{digits}f} – max {hi:.{digits}f}"


def spread_ms(values_s: list[float]) -> str:
    """Seconds shown as milliseconds: min – max."""
    return spread_of(values_s, scale=1000, digits=0)


def size_label(activities: int) -> str:
    return f"{activities:,}"


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def machine() -> str:
    python = platform.python_version()
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {python}"


def table(results: list[Result]) -> str:
    rows = [HEADERS, ["---"] * len(HEADERS)] + [r.row() for r in results]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in rows)


def write_markdown(path: Path, results: list[Result], *, extra: str = "") -> None:
    """Replace the results section of BENCHMARKS.md, keeping the hand-written notes below it."""
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    body = (
        f"{start}\nLast run: {datetime.now():%Y-%m-%d %H:%M}, {machine()}.\n\n{table(results)}\n"
        f"{extra}{end}"
    )
    if path.exists() and start in (text := path.read_text(encoding="utf-8")) and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        path.write_text(before + body + after, encoding="utf-8")
    else:
        path.write_text(f"# Benchmarks\n\nRun with `make bench`.\n\n{body}\n", encoding="utf-8")
