"""What the checklist keeps in memory during a meeting: tallies per unit, filters, the space toggle.

Plain Python, no SQLModel: every key press updates these in constant time, so the header and the
row can be drawn in the same frame without asking the database anything.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from models.dates import is_overdue
from models.status import STATUS_ORDER, Status

WHOLE_PLAN = 0  # the unit key of activities that belong to the plan as a whole


@dataclass(slots=True)
class UnitTally:
    counts: Counter = field(default_factory=Counter)
    reviewed: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def share_done(self) -> float:
        """Done of those not cancelled, like ``models.progress``."""
        countable = self.total - self.counts[Status.CANCELLED.value]
        return self.counts[Status.DONE.value] / countable if countable else 0.0

    @property
    def share_reviewed(self) -> float:
        return self.reviewed / self.total if self.total else 0.0


class Tally:
    """Counts per status and reviewed entries, per unit and overall, changed one entry at a time."""

    def __init__(self) -> None:
        self.overall = UnitTally()
        self.units: dict[int, UnitTally] = {}

    def add(self, unit: int, status: str, reviewed: bool, sign: int = 1) -> None:
        for tally in (self.overall, self.units.setdefault(unit, UnitTally())):
            tally.counts[str(status)] += sign
            tally.reviewed += sign if reviewed else 0

    @classmethod
    def counted(cls, counts: Iterable[tuple[tuple[int, str, bool], int]]) -> Tally:
        """A tally from ``((unit, status, reviewed), number)`` pairs (a Counter's items): opening a
        round of 5,000 entries adds a few dozen groups instead of every entry one by one."""
        tally = cls()
        for (unit, status, reviewed), n in counts:
            for part in (tally.overall, tally.units.setdefault(unit, UnitTally())):
                part.counts[str(status)] += n
                part.reviewed += n if reviewed else 0
        return tally

    def change(self, unit: int, old: tuple[str, bool], new: tuple[str, bool]) -> None:
        self.add(unit, *old, sign=-1)
        self.add(unit, *new)

    def status_counts(self) -> list[tuple[str, int]]:
        return [(s.value, self.overall.counts[s.value]) for s in STATUS_ORDER]


_SPLIT = re.compile(r",|;|/|\boch\b|\band\b|&|\+")


def responsible_functions(text: str) -> list[str]:
    """The functions named in an *Ansvarig* cell: "Enhetschef, HR-konsult" → both."""
    return [part.strip() for part in _SPLIT.split(text or "") if part.strip()]


@dataclass(frozen=True, slots=True)
class ChecklistFilter:
    """Which rows the checklist shows. None means any; ``unit`` WHOLE_PLAN is the plan as a whole."""

    unit: int | None = None
    area: str | None = None
    responsible: str | None = None
    status: str | None = None
    overdue: bool = False
    search: str = ""

    @property
    def active(self) -> bool:
        chosen = (self.unit, self.area, self.responsible, self.status)
        return any(v is not None for v in chosen) or self.overdue or bool(self.search.strip())

    def matches(self, *, unit: int, area: str, responsible: str, status: str, due: date | None,
                texts: Iterable[str], today: date) -> bool:  # fmt: skip
        if self.unit is not None and unit != self.unit:
            return False
        if self.area is not None and area != self.area:
            return False
        if self.responsible is not None and self.responsible.casefold() not in {
            f.casefold() for f in responsible_functions(responsible)
        }:
            return False
        if self.status is not None and status != self.status:
            return False
        if self.overdue and not is_overdue(due, status, today):
            return False
        needle = self.search.strip().casefold()
        return not needle or any(needle in (t or "").casefold() for t in texts)


def toggle_done(current: str, remembered: str | None, previous_round: str | None) -> str:
    """Space: to Klar, and from Klar back to the status before.

    The status before is the one remembered from this meeting; when the row was already done when
    the checklist opened, the previous round's status, unless that was done too: then in progress.
    """
    if current != Status.DONE.value:
        return Status.DONE.value
    for candidate in (remembered, previous_round):
        if candidate and candidate != Status.DONE.value:
            return candidate
    return Status.IN_PROGRESS.value
