"""The checklist's in-memory rules: space toggle, tallies, filters, responsible functions."""

from datetime import date

import pytest

from models.checklist import WHOLE_PLAN, ChecklistFilter, Tally, responsible_functions, toggle_done


def test_space_goes_to_done_and_back_to_the_status_before() -> None:
    assert toggle_done("delayed", None, None) == "done"
    assert toggle_done("done", "delayed", "in_progress") == "delayed"
    assert toggle_done("done", None, "not_started") == "not_started"  # already done when opened
    assert toggle_done("done", None, "done") == "in_progress"
    assert toggle_done("done", None, None) == "in_progress"


def test_tally_follows_each_change() -> None:
    tally = Tally()
    for unit, status in ((1, "done"), (1, "in_progress"), (2, "cancelled"), (WHOLE_PLAN, "not_started")):
        tally.add(unit, status, False)
    assert tally.overall.total == 4 and tally.overall.share_done == pytest.approx(1 / 3)
    tally.change(1, ("in_progress", False), ("done", True))
    assert tally.units[1].share_done == 1.0 and tally.units[1].share_reviewed == 0.5
    assert dict(tally.status_counts()) == {
        "not_started": 1, "in_progress": 0, "done": 2, "delayed": 0, "cancelled": 1,
    }  # fmt: skip
    assert tally.units[2].share_done == 0.0  # only cancelled: nothing left to do


def test_responsible_functions_are_split() -> None:
    assert responsible_functions("Enhetschef, HR-konsult") == ["Enhetschef", "HR-konsult"]
    assert responsible_functions("Avdelningschef, rektor och enhetschef") == [
        "Avdelningschef", "rektor", "enhetschef",
    ]  # fmt: skip
    assert responsible_functions("") == []


def _matches(f: ChecklistFilter, **row: object) -> bool:
    base = dict(unit=1, area="Utveckla", responsible="Enhetschef, HR-konsult", status="in_progress",
                due=date(2025, 6, 30), texts=("Validering av undersköterskor",), today=date(2025, 12, 1))
    return f.matches(**{**base, **row})  # fmt: skip


def test_filters() -> None:
    assert not ChecklistFilter().active and ChecklistFilter(search=" x").active
    assert _matches(ChecklistFilter())
    assert _matches(ChecklistFilter(unit=1, area="Utveckla", responsible="hr-konsult", status="in_progress"))
    assert not _matches(ChecklistFilter(unit=WHOLE_PLAN))
    assert not _matches(ChecklistFilter(responsible="HR"))  # a whole function, not a part of one
    assert _matches(ChecklistFilter(overdue=True))
    assert not _matches(ChecklistFilter(overdue=True), status="done")
    assert not _matches(ChecklistFilter(overdue=True), due=None)
    assert _matches(ChecklistFilter(search="UNDERSKÖTERSK"))
    assert not _matches(ChecklistFilter(search="rekrytering"))


def test_tally_counted_in_groups_equals_one_by_one() -> None:
    from collections import Counter

    entries = [(WHOLE_PLAN, "done", True), (3, "delayed", False), (3, "done", True), (5, "in_progress", True),
               (3, "done", False), (WHOLE_PLAN, "cancelled", False)]  # fmt: skip
    one_by_one = Tally()
    for unit, status, reviewed in entries:
        one_by_one.add(unit, status, reviewed)
    grouped = Tally.counted(Counter(entries).items())
    assert list(grouped.units) == list(one_by_one.units) == [WHOLE_PLAN, 3, 5]
    for mine, theirs in [(grouped.overall, one_by_one.overall)] + [
        (grouped.units[u], one_by_one.units[u]) for u in one_by_one.units
    ]:
        assert (+mine.counts, mine.reviewed) == (+theirs.counts, theirs.reviewed)
    assert grouped.status_counts() == one_by_one.status_counts()
