"""Checking the plan details editor's fields, as typed, before anything is saved.

Plain Python (no SQLModel) so the editor can check each field live as the user types. Every check
returns the value as it will be stored, or raises ``Invalid`` with a message key.
"""

from __future__ import annotations

import re
from datetime import date

from models.limits import NAME_MAX, SHORT_MAX
from models.validation import Invalid, check_year, clean_text

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Text fields of a plan and their length limits.
TEXT_LIMITS: dict[str, int] = {
    "title": NAME_MAX,
    "organisation": NAME_MAX,
    "decision_body": NAME_MAX,
    "decision_paragraph": SHORT_MAX,
    "diary_number": SHORT_MAX,
}


def check_date(value: str) -> date | None:
    """An optional date written YYYY-MM-DD, within the years a plan may have."""
    text = value.strip()
    if not text:
        return None
    if not _ISO_DATE.match(text):
        raise Invalid("invalid.date")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise Invalid("invalid.date") from None
    check_year(day.year)
    return day


def check_field(name: str, value: str) -> object:
    """One field of the plan form as it will be stored; raises ``Invalid``."""
    if name in TEXT_LIMITS:
        return clean_text(value, limit=TEXT_LIMITS[name], required=name == "title", multiline=False)
    if name in ("period_start", "period_end"):
        return check_year(value)
    if name == "decision_date":
        return check_date(value)
    return value


def check_plan_form(raw: dict[str, str]) -> tuple[dict[str, object], dict[str, Invalid]]:
    """Every field of the form: the values that passed, and the refusal of each field that did not.

    A period whose start year is after its end year is refused on the end year.
    """
    values: dict[str, object] = {}
    errors: dict[str, Invalid] = {}
    for name, value in raw.items():
        try:
            values[name] = check_field(name, value)
        except Invalid as exc:
            errors[name] = exc
    start, end = values.get("period_start"), values.get("period_end")
    if isinstance(start, int) and isinstance(end, int) and start > end:
        errors["period_end"] = Invalid("invalid.period_order")
        del values["period_end"]
    return values, errors


# The codes of models.plan's enums, here without SQLModel for the editor's choices (a test keeps
# them equal).
KIND_CODES: tuple[str, ...] = ("competence_supply", "personnel_strategy", "other")
CADENCE_CODES: tuple[str, ...] = ("tertial", "half_year", "quarter", "year")
PLAN_STATUS_CODES: tuple[str, ...] = ("draft", "active", "archived")
