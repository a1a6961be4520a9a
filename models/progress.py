"""Progress of a plan, a unit or an area, from the current statuses of its activities."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from models.status import STATUS_ORDER, Status


@dataclass(frozen=True, slots=True)
class Progress:
    """Counts per status. Cancelled activities are counted apart: they do not lower the share."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cancelled(self) -> int:
        return self.counts.get(Status.CANCELLED, 0)

    @property
    def done(self) -> int:
        return self.counts.get(Status.DONE, 0)

    @property
    def countable(self) -> int:
        """Activities that still count towards the goal: all but the cancelled."""
        return self.total - self.cancelled

    @property
    def share_done(self) -> float:
        """Share done of the activities that were not cancelled, 0.0 when there are none."""
        return self.done / self.countable if self.countable else 0.0


def progress_of(statuses: Iterable[str]) -> Progress:
    counter = Counter(str(s) for s in statuses)
    return Progress({s.value: counter.get(s.value, 0) for s in STATUS_ORDER})


def progress_by(pairs: Iterable[tuple[object, str]]) -> dict[object, Progress]:
    """Progress per key (a unit, an area) from ``(key, status)`` pairs, in first-seen order."""
    grouped: dict[object, list[str]] = {}
    for key, status in pairs:
        grouped.setdefault(key, []).append(status)
    return {key: progress_of(statuses) for key, statuses in grouped.items()}
