"""Which activities a screen shows, and how they are grouped: one rule for the plan screen and the
follow-up checklist.

Plain Python, no Textual and no database. A unit is named by its key: the unit's id, or
``WHOLE_PLAN`` (0, never a database id) for the activities of the plan as a whole. ``unit=None`` in
a filter means any unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from models.dates import is_overdue

WHOLE_PLAN = 0  # the unit key of activities that belong to the plan as a whole

T = TypeVar("T")

_SPLIT = re.compile(r",|;|/|\boch\b|\band\b|&|\+")


def unit_key(unit_id: int | None) -> int:
    """The key of a unit: its id, or WHOLE_PLAN for the plan as a whole (no unit)."""
    return unit_id if unit_id is not None else WHOLE_PLAN


def responsible_functions(text: str) -> list[str]:
    """The functions named in an *Ansvarig* cell: "Enhetschef, HR-konsult" → both."""
    return [part.strip() for part in _SPLIT.split(text or "") if part.strip()]


def responsible_choices(cells: Iterable[str]) -> list[str]:
    """Every function named in the cells once (the first spelling), sorted: what a filter offers."""
    found: dict[str, str] = {}
    for cell in cells:
        for name in responsible_functions(cell):
            found.setdefault(name.casefold(), name)
    return sorted(found.values(), key=str.casefold)


@dataclass(frozen=True, slots=True)
class ActivityFilter:
    """What is shown. None means any; ``unit`` WHOLE_PLAN is the plan as a whole."""

    unit: int | None = None
    area: str | None = None
    responsible: str | None = None  # one function, matched against the functions of the cell
    status: str | None = None
    overdue: bool = False
    search: str = ""

    @property
    def active(self) -> bool:
        """Anything narrows the rows (the unit included)."""
        chosen = (self.unit, self.area, self.responsible, self.status)
        return any(v is not None for v in chosen) or self.overdue or bool(self.search.strip())

    @property
    def narrowed(self) -> bool:
        """Anything but the unit narrows the rows (the plan screen chooses the unit on its left)."""
        chosen = (self.area, self.responsible, self.status)
        return any(v is not None for v in chosen) or self.overdue or bool(self.search.strip())

    def matches(self, *, unit: int, area: str, responsible: str, status: str, due: date | None,
                texts: Iterable[str] | str, today: date) -> bool:  # fmt: skip
        """``texts``: what the search looks through (one string already folded, or several)."""
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
        if not needle:
            return True
        if isinstance(texts, str):
            return needle in texts
        return any(needle in (t or "").casefold() for t in texts)


@dataclass(frozen=True, slots=True)
class Group:
    """A heading: the unit (None for the plan as a whole, or when grouped by area only) and area."""

    key: tuple
    unit_name: str | None
    area: str
    by_unit: bool


def grouped(items: Iterable[T], *, unit: Callable[[T], int], unit_name: Callable[[T], str | None],
            area: Callable[[T], str], by_unit: bool = True) -> Iterator[Group | T]:  # fmt: skip
    """The items in their order with a ``Group`` before each run of one unit and area (or area)."""
    current: tuple | None = None
    for item in items:
        key = (unit(item), area(item)) if by_unit else (area(item),)
        if key != current:
            current = key
            yield Group(key=("group", *key), unit_name=unit_name(item), area=area(item), by_unit=by_unit)
        yield item
