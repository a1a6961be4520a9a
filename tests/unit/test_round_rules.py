"""The name proposed for a new round and the checks of what the user typed."""

from datetime import date

import pytest

from models.rounds import check_round_name, parse_round_date, propose_round_name, unique_round_name
from models.validation import Invalid


@pytest.mark.parametrize(
    ("cadence", "day", "expected"),
    [
        ("tertial", date(2026, 1, 1), "T1 2026"),
        ("tertial", date(2026, 4, 30), "T1 2026"),
        ("tertial", date(2026, 5, 1), "T2 2026"),
        ("tertial", date(2026, 8, 31), "T2 2026"),
        ("tertial", date(2026, 9, 1), "T3 2026"),
        ("tertial", date(2026, 12, 31), "T3 2026"),
        ("half_year", date(2026, 6, 30), "VT 2026"),
        ("half_year", date(2026, 7, 1), "HT 2026"),
        ("quarter", date(2026, 3, 31), "Q1 2026"),
        ("quarter", date(2026, 4, 1), "Q2 2026"),
        ("quarter", date(2026, 11, 22), "Q4 2026"),
        ("year", date(2026, 11, 22), "2026"),
    ],
)
def test_proposed_name_follows_the_cadence(cadence: str, day: date, expected: str) -> None:
    assert propose_round_name(cadence, day) == expected


def test_unique_name_adds_a_number_when_taken() -> None:
    assert unique_round_name("T3 2026", ["T2 2026"]) == "T3 2026"
    assert unique_round_name("T3 2026", ["t3 2026"]) == "T3 2026 (2)"
    assert unique_round_name("T3 2026", ["T3 2026", "T3 2026 (2)"]) == "T3 2026 (3)"


def test_round_name_is_checked() -> None:
    assert check_round_name("  HT   2026 ") == "HT   2026"
    assert check_round_name("Extra\nmöte") == "Extra möte"
    cases = (("", "invalid.required"), ("x" * 101, "invalid.too_long"), ("T1 2025", "invalid.duplicate"))
    for bad, key in cases:
        with pytest.raises(Invalid) as err:
            check_round_name(bad, ["t1 2025"])
        assert err.value.key == key


def test_round_date_is_iso() -> None:
    assert parse_round_date(" 2026-11-22 ") == date(2026, 11, 22)
    assert parse_round_date(date(2026, 1, 2)) == date(2026, 1, 2)
    for bad in ("22/11/2026", "2026-13-01", "", None):
        with pytest.raises(Invalid) as err:
            parse_round_date(bad)
        assert err.value.key == "invalid.date"

