"""The plan details editor's checks, without Textual."""

from datetime import date

import pytest

from models.limits import NAME_MAX, SHORT_MAX
from models.plan import Cadence, PlanKind, PlanStatus
from models.plan_form import CADENCE_CODES, KIND_CODES, PLAN_STATUS_CODES, check_date, check_plan_form


def test_codes_match_the_model() -> None:
    assert KIND_CODES == tuple(PlanKind)
    assert CADENCE_CODES == tuple(Cadence)
    assert PLAN_STATUS_CODES == tuple(PlanStatus)


def test_a_good_form_gives_stored_values() -> None:
    values, errors = check_plan_form(
        {"title": "  Plan  ", "period_start": "2025", "period_end": " 2027", "decision_date": "2024-12-12",
         "diary_number": "", "kind": "other"}
    )  # fmt: skip
    assert not errors
    assert values == {"title": "Plan", "period_start": 2025, "period_end": 2027,
                      "decision_date": date(2024, 12, 12), "diary_number": "", "kind": "other"}  # fmt: skip


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("title", "   ", "invalid.required"),
        ("title", "x" * (NAME_MAX + 1), "invalid.too_long"),
        ("diary_number", "x" * (SHORT_MAX + 1), "invalid.too_long"),
        ("organisation", "a\x00b", "invalid.control_chars"),
        ("period_start", "1899", "invalid.year"),
        ("period_start", "20x5", "invalid.year"),
        ("period_end", "2201", "invalid.year"),
        ("decision_date", "2024-02-30", "invalid.date"),
        ("decision_date", "12/12/2024", "invalid.date"),
        ("decision_date", "1800-01-01", "invalid.year"),
    ],
)
def test_refusals(field: str, value: str, key: str) -> None:
    _, errors = check_plan_form({field: value})
    assert errors[field].key == key


def test_start_after_end_is_refused_on_the_end() -> None:
    values, errors = check_plan_form({"period_start": "2027", "period_end": "2025"})
    assert errors["period_end"].key == "invalid.period_order"
    assert "period_end" not in values and values["period_start"] == 2027


def test_empty_date_is_none() -> None:
    assert check_date(" ") is None
