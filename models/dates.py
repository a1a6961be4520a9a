"""Reading the free-text *Måldatum* of an activity.

Plans write target dates as people speak: "År 2025", "2024-2025", "våren 2024", "T2 2024",
"Löpande". The text is always kept as written; this module reads a due date out of it where one can
be read, so that overdue activities can be found. It never raises.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MIN_YEAR, MAX_YEAR = 1900, 2200

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "feb": 2,
    "mars": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "maj": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "augusti": 8, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Season words and the month their season ends in.
_SEASONS = {
    "våren": 6, "vår": 6, "vt": 6, "spring": 6,
    "sommaren": 8, "sommar": 8, "summer": 8,
    "hösten": 12, "höst": 12, "ht": 12, "autumn": 12, "fall": 12,
}  # fmt: skip

_ONGOING = {"löpande", "pågående", "kontinuerligt", "ongoing", "continuous", "continuously"}

_TERTIAL_END_MONTH = {1: 4, 2: 8, 3: 12}

_YEAR = r"(\d{4})"
_RE_YEAR = re.compile(rf"^(?:år|year|under|during|senast|by)?\s*{_YEAR}$")
_RE_RANGE = re.compile(rf"^(?:år|years?)?\s*{_YEAR}\s*[-–—/]\s*{_YEAR}$")
_RE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RE_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RE_TERTIAL = re.compile(rf"^(?:t|tertial\s*)([123])\s*[,:]?\s*{_YEAR}$")
_RE_QUARTER = re.compile(rf"^(?:q|kvartal\s*|quarter\s*)([1-4])\s*[,:]?\s*{_YEAR}$")
_RE_WORD_YEAR = re.compile(rf"^(?:i|in|under|during|senast|by|end of|slutet av)?\s*([a-zåäö]+)\.?\s+{_YEAR}$")


@dataclass(frozen=True, slots=True)
class TargetReading:
    """What a target text says: a due date, ongoing work, or nothing that can be read."""

    due_date: date | None = None
    ongoing: bool = False

    @property
    def readable(self) -> bool:
        return self.due_date is not None or self.ongoing


UNREADABLE = TargetReading()


def _month_end(year: int, month: int) -> date | None:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _normalise(text: str) -> str:
    text = " ".join(text.split()).strip().lower().rstrip(".")
    return text


def read_target(text: str | None) -> TargetReading:
    """Read a due date or the ongoing flag from a target text; unreadable text gives neither."""
    if not text or not isinstance(text, str) or len(text) > 200:
        return UNREADABLE
    s = _normalise(text)
    if s in _ONGOING:
        return TargetReading(ongoing=True)
    if m := _RE_ISO.match(s):
        try:
            return TargetReading(due_date=date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return UNREADABLE
    if m := _RE_ISO_MONTH.match(s):
        return _reading(_month_end(int(m[1]), int(m[2])))
    if m := _RE_YEAR.match(s):
        return _reading(_month_end(int(m[1]), 12))
    if m := _RE_RANGE.match(s):
        first, last = int(m[1]), int(m[2])
        return _reading(_month_end(last, 12) if first <= last else None)
    if m := _RE_TERTIAL.match(s):
        return _reading(_month_end(int(m[2]), _TERTIAL_END_MONTH[int(m[1])]))
    if m := _RE_QUARTER.match(s):
        return _reading(_month_end(int(m[2]), int(m[1]) * 3))
    if m := _RE_WORD_YEAR.match(s):
        word, year = m[1], int(m[2])
        month = _MONTHS.get(word) or _SEASONS.get(word)
        if month:
            return _reading(_month_end(year, month))
    return UNREADABLE


def _reading(due: date | None) -> TargetReading:
    return TargetReading(due_date=due) if due else UNREADABLE


def is_overdue(due: date | None, status: str, today: date) -> bool:
    """Overdue: the due date has passed and the activity is neither done nor cancelled."""
    return due is not None and due < today and status not in ("done", "cancelled")
