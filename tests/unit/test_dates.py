from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.dates import is_overdue, read_target


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("År 2025", date(2025, 12, 31)),
        ("år 2025", date(2025, 12, 31)),
        ("2025", date(2025, 12, 31)),
        ("2024-2025", date(2025, 12, 31)),
        ("2024 – 2025", date(2025, 12, 31)),
        ("våren 2024", date(2024, 6, 30)),
        ("Våren 2024", date(2024, 6, 30)),
        ("VT 2024", date(2024, 6, 30)),
        ("hösten 2023", date(2023, 12, 31)),
        ("HT 2026", date(2026, 12, 31)),
        ("T1 2024", date(2024, 4, 30)),
        ("T2 2024", date(2024, 8, 31)),
        ("T3 2024", date(2024, 12, 31)),
        ("Q3 2024", date(2024, 9, 30)),
        ("Q1 2024", date(2024, 3, 31)),
        ("oktober 2024", date(2024, 10, 31)),
        ("februari 2024", date(2024, 2, 29)),
        ("2024-10-31", date(2024, 10, 31)),
        ("2024-10", date(2024, 10, 31)),
        ("spring 2024", date(2024, 6, 30)),
        ("autumn 2024", date(2024, 12, 31)),
        ("October 2024", date(2024, 10, 31)),
        ("  År   2025. ", date(2025, 12, 31)),
    ],
)
def test_readable_targets(text: str, due: date) -> None:
    reading = read_target(text)
    assert reading.due_date == due
    assert not reading.ongoing


@pytest.mark.parametrize("text", ["Löpande", "löpande", "Ongoing", "ongoing", " Löpande "])
def test_ongoing(text: str) -> None:
    reading = read_target(text)
    assert reading.ongoing and reading.due_date is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "Om de antas startar programmet våren 2024 och avslutas år 2027",
        "Löpande 2024",
        "2024-02-30",
        "2026-2024",
        "T4 2024",
        "Q5 2024",
        "snart",
        "år 0999",
    ],
)
def test_unreadable_keeps_no_date(text: str | None) -> None:
    reading = read_target(text)
    assert reading.due_date is None and not reading.ongoing and not reading.readable


@given(st.text())
def test_reader_never_raises(text: str) -> None:
    reading = read_target(text)
    assert reading.due_date is None or isinstance(reading.due_date, date)


@given(st.from_regex(r"(T[1-3]|Q[1-4]|våren|hösten|År)? ?[0-9]{1,6}(-[0-9]{1,4}){0,2}", fullmatch=True))
def test_reader_never_raises_on_date_like_text(text: str) -> None:
    read_target(text)


def test_overdue() -> None:
    today = date(2026, 1, 10)
    assert is_overdue(date(2025, 12, 31), "in_progress", today)
    assert is_overdue(date(2025, 12, 31), "not_started", today)
    assert not is_overdue(date(2025, 12, 31), "done", today)
    assert not is_overdue(date(2025, 12, 31), "cancelled", today)
    assert not is_overdue(date(2026, 1, 10), "delayed", today)
    assert not is_overdue(None, "delayed", today)
