"""What an activity may hold, checked field by field: plain Python for the editor and the queries.

The editor calls ``check_activity`` on every key press to show each problem beside its field; the
query functions call it again before writing, so that nothing unchecked reaches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from models.limits import NAME_MAX, SHORT_MAX, TEXT_MAX
from models.validation import Invalid, clean_text

# Field → (limit, multi-line). The order is the template's.
TEXT_FIELDS: dict[str, tuple[int, bool]] = {
    "goal": (TEXT_MAX, True),
    "description": (TEXT_MAX, True),
    "target_text": (SHORT_MAX, False),
    "responsible": (NAME_MAX, False),
    "resources": (TEXT_MAX, True),
    "follow_up": (TEXT_MAX, True),
}

# The message key naming each field, for errors shown away from the field itself.
FIELD_LABELS = {
    "goal": "col.goal",
    "description": "col.description",
    "target_text": "col.target",
    "responsible": "col.responsible",
    "resources": "col.resources",
    "follow_up": "col.follow_up",
    "number": "plan.field_number",
}


@dataclass(frozen=True, slots=True)
class ActivityFields:
    """Everything the user can type into an activity, plus where it belongs."""

    area_id: int
    unit_id: int | None = None
    goal: str = ""
    description: str = ""
    target_text: str = ""
    responsible: str = ""
    resources: str = ""
    follow_up: str = ""
    number: int | None = None


def check_activity(data: ActivityFields) -> tuple[ActivityFields, dict[str, Invalid]]:
    """The fields as they will be stored, and the refusals per field name (empty when all is well)."""
    errors: dict[str, Invalid] = {}
    cleaned: dict[str, str] = {}
    for name, (limit, multiline) in TEXT_FIELDS.items():
        try:
            cleaned[name] = clean_text(getattr(data, name), limit=limit, multiline=multiline)
        except Invalid as exc:
            errors[name] = exc
            cleaned[name] = getattr(data, name)
    if "goal" not in errors and "description" not in errors:
        if not cleaned["goal"] and not cleaned["description"]:
            errors["goal"] = Invalid("invalid.goal_or_description")
    if data.number is not None and data.number < 0:
        errors["number"] = Invalid("plan.invalid_number")
    return replace(data, **cleaned), errors
