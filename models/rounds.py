"""Follow-up rounds as plain rules: the name proposed for a new round, and checking what was typed.

A plan is followed up per tertial, twice a year, per quarter or once a year (its cadence); a new
round is named after the period the date falls in, the way coordinators write it in their
minutes: "T3 2026", "HT 2026", "Q4 2026", "2026". The names are the same in both languages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from models.limits import SHORT_MAX
from models.validation import Invalid, clean_text


def propose_round_name(cadence: str, day: date) -> str:
    """The usual name of the period ``day`` falls in, for a plan with this cadence."""
    if cadence == "tertial":
        return f"T{(day.month - 1) // 4 + 1} {day.year}"
    if cadence == "half_year":
        return f"{'VT' if day.month <= 6 else 'HT'} {day.year}"
    if cadence == "quarter":
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    return str(day.year)


def unique_round_name(proposed: str, taken: Iterable[str]) -> str:
    """``proposed``, or with " (2)", " (3)" ... added when a round of the plan has that name."""
    names = {n.casefold() for n in taken}
    if proposed.casefold() not in names:
        return proposed
    n = 2
    while f"{proposed} ({n})".casefold() in names:
        n += 1
    return f"{proposed} ({n})"


def check_round_name(value: str | None, taken: Iterable[str] = ()) -> str:
    """The name as stored: one line, required, short, not used by another round of the plan."""
    name = clean_text(value, limit=SHORT_MAX, required=True, multiline=False)
    if name.casefold() in {n.casefold() for n in taken}:
        raise Invalid("invalid.duplicate")
    return name


def parse_round_date(value: str | date | None) -> date:
    """A round's date from YYYY-MM-DD. Raises ``Invalid``."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        raise Invalid("invalid.date") from None


# Months per follow-up period of each cadence.
PERIOD_MONTHS = {"tertial": 4, "half_year": 6, "quarter": 3, "year": 12}


def period_of(cadence: str, day: date) -> tuple[date, date]:
    """The first and last day of the cadence's period that ``day`` falls in ("T2 2025": May–August)."""
    months = PERIOD_MONTHS.get(cadence, 12)
    first_month = (day.month - 1) // months * months + 1
    last_month = first_month + months - 1
    end = date(day.year + 1, 1, 1) if last_month == 12 else date(day.year, last_month + 1, 1)
    return date(day.year, first_month, 1), date.fromordinal(end.toordinal() - 1)


@dataclass(frozen=True, slots=True)
class RoundDue:
    """When a plan's next follow-up round is due: by the end of the period after its latest round."""

    name: str  # the period's usual name, "T3 2025"
    due: date  # the period's last day
    state: str  # "overdue" (the period has passed), "due" (we are in it), "later"


def next_round_due(cadence: str, latest_round: date | None, first_year: int, today: date) -> RoundDue:
    """The next round of a plan followed up per ``cadence``: one round in every period.

    After a round, the next is due in the following period; before the first, in the plan's first
    period (or today's, when the plan started earlier without any round).
    """
    if latest_round is None:
        begin, end = period_of(cadence, date(first_year, 1, 1) if first_year > today.year else today)
    else:
        _, last_end = period_of(cadence, latest_round)
        begin, end = period_of(cadence, date.fromordinal(last_end.toordinal() + 1))
    state = "overdue" if today > end else "due" if today >= begin else "later"
    return RoundDue(name=propose_round_name(cadence, begin), due=end, state=state)
