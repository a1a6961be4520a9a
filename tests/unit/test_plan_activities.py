"""The plan screen's activities as read (tuples) and its views: the same rows and headings as the one
rule of ``models.activity_filter`` (``grouped`` over the activities ``ActivityFilter.matches``)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from models.activity_filter import WHOLE_PLAN, ActivityFilter, grouped, responsible_choices, unit_key
from models.plan_activities import ActivityRow, PlaceCounts, PlanActivities, owners_in_order

TODAY = date(2026, 3, 1)
UNITS = [None, 11, 12, 13]  # None: the plan as a whole, first as the query sorts it
AREAS = [(21, "Utveckla"), (22, "Behålla"), (23, "Attrahera"), (24, "Behålla")]  # two areas of one name
RESPONSIBLE = ["Enhetschef", "Enhetschef, HR-konsult", "hr-konsult och Rektor", "", "Rektor/Enhetschef"]
STATUSES = ["not_started", "ongoing", "done", "cancelled", "postponed"]
WORDS = ["Utbildning", "Rekrytering", "Introduktion", "ÅTERKOPPLING", "mentor"]


def _plan(n: int, seed: int = 3, *, iso_dates: bool = True) -> list[tuple]:
    """``n`` activities as the driver hands them over, in the plan's order."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        unit = rng.choice(UNITS)
        area_id, area = rng.choice(AREAS)
        due = rng.choice([None, date(2025, 6, 30), date(2026, 12, 31), date(2026, 2, 28)])
        stored_due = due.isoformat() if iso_dates and due else due
        rows.append((
            1000 + i, 1, unit, None if unit is None else f"Enhet {unit}", area_id, area,
            rng.choice([None, i]),
            f"{rng.choice(WORDS)} mål {i}", f"Aktivitet {i} " + "x" * rng.randint(0, 120), "T2 2026",
            stored_due, rng.randint(0, 1), rng.choice(RESPONSIBLE), rng.choice(["", "Budget", "Tid " * 30]),
            rng.choice(["", "Enkät"]), rng.choice(STATUSES), i, 1, -1 if unit is None else unit,
            area_id,
        ))  # fmt: skip
    # The query's order: the plan as a whole first, then units, then areas, then position.
    rows.sort(key=lambda r: (r[18], r[2] is not None, r[2] or 0, r[4], r[16], r[0]))
    return rows


def _reference(rows: list[ActivityRow], view: ActivityFilter) -> tuple[list, dict[int, int]]:
    """The view by the general rule: every activity through ``matches``, then ``grouped``."""
    searching = bool(view.search.strip())
    if searching:
        view = replace(view, unit=None)
    shown = [a for a in rows if view.matches(
        unit=unit_key(a.unit_id), area=a.area_name, responsible=a.responsible, status=a.status,
        due=a.target_date, texts=a.searchable() if searching else "", today=TODAY)]  # fmt: skip
    entries = list(grouped(shown, unit=lambda a: unit_key(a.unit_id), unit_name=lambda a: a.unit_name,
                           area=lambda a: a.area_name, by_unit=searching or view.unit is None))  # fmt: skip
    entries = [e.id if isinstance(e, ActivityRow) else e for e in entries]
    positions = {e: i for i, e in enumerate(entries) if isinstance(e, int)}
    return entries, positions


VIEWS = [
    ActivityFilter(),
    ActivityFilter(unit=WHOLE_PLAN),
    ActivityFilter(unit=12),
    ActivityFilter(unit=99),  # a unit without activities
    ActivityFilter(search="utbildning"),
    ActivityFilter(unit=12, search="  återkoppling "),  # a search looks through every unit
    ActivityFilter(search="17"),  # numbers and texts alike
    ActivityFilter(search="ingenting sådant"),
    ActivityFilter(status="done"),
    ActivityFilter(unit=11, status="ongoing"),
    ActivityFilter(responsible="HR-konsult"),
    ActivityFilter(responsible="rektor", unit=WHOLE_PLAN),
    ActivityFilter(overdue=True),
    ActivityFilter(unit=13, overdue=True, responsible="Enhetschef"),
    ActivityFilter(area="Behålla"),
    ActivityFilter(area="Behålla", unit=11),
    ActivityFilter(search="mål", status="postponed", overdue=True),
]


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: repr(v))
@pytest.mark.parametrize("iso_dates", [True, False], ids=["sqlite dates", "server dates"])
def test_a_view_is_the_general_rule_grouped(view: ActivityFilter, iso_dates: bool) -> None:
    values = _plan(600, iso_dates=iso_dates)
    plan = PlanActivities(values, TODAY)
    entries, positions = _reference([ActivityRow.from_values(v) for v in values], view)
    computed = plan.view(view)
    assert computed.entries == entries
    assert computed.positions == positions
    assert computed.shown == len(positions)
    assert [computed.entries[i] for i in computed.headings] == [e for e in entries if not isinstance(e, int)]
    assert computed.filter == view


def test_the_same_filter_twice_gives_the_same_view_and_does_not_change_the_first() -> None:
    plan = PlanActivities(_plan(300), TODAY)
    first = plan.view(ActivityFilter(search="mentor"))
    kept = list(first.entries)
    again = plan.view(ActivityFilter(search="mentor"))
    assert again.entries == kept and first.entries == kept


def test_one_activity_is_read_as_a_row_and_an_unknown_one_is_none() -> None:
    values = _plan(50)
    plan = PlanActivities(values, TODAY)
    wanted = values[17]
    row = plan.row(wanted[0])
    assert row == ActivityRow.from_values(wanted)
    assert isinstance(row.target_date, date | None) and isinstance(row.ongoing, bool)
    assert plan.row(wanted[0]) is row  # asked again (the highlighted one): the same row
    assert plan.row(-5) is None and plan.row("group") is None
    assert len(plan) == 50 and plan.ids == [v[0] for v in values]


def test_responsible_choices_come_from_every_activity() -> None:
    values = _plan(400)
    plan = PlanActivities(values, TODAY)
    assert plan.responsible_choices() == responsible_choices(v[12] for v in values)
    assert [name.casefold() for name in plan.responsible_choices()] == ["enhetschef", "hr-konsult", "rektor"]


def _exact_weights(values: list[tuple]) -> dict[str, int]:
    fields = {"goal": 7, "description": 8, "responsible": 12, "resources": 13, "follow_up": 14}
    return {name: max(4, min(60, sum(min(len(v[i]), 80) for v in values) // len(values)))
            for name, i in fields.items()}  # fmt: skip


def test_column_weights_are_the_mean_capped_length_of_each_column() -> None:
    values = _plan(700)
    assert PlanActivities(values, TODAY).column_weights() == _exact_weights(values)
    assert PlanActivities([], TODAY).column_weights() == {}


def test_column_weights_of_a_large_plan_are_measured_on_an_even_spread() -> None:
    values = _plan(12_000, seed=5)
    measured = PlanActivities(values, TODAY).column_weights()
    exact = _exact_weights(values)
    assert measured.keys() == exact.keys()
    assert all(abs(measured[k] - exact[k]) <= 1 for k in exact), (measured, exact)


def test_place_counts_sum_per_unit_and_per_area() -> None:
    counts = PlaceCounts({(None, 21): 2, (11, 21): 3, (11, 22): 4, (12, 22): 1})
    assert counts.by_unit == {None: 2, 11: 7, 12: 1}
    assert counts.by_area == {21: 5, 22: 5}
    assert counts.total == 10
    assert PlaceCounts({}).total == 0


def test_owners_come_in_the_plan_order_and_only_with_activities() -> None:
    units = [(12, 1), (11, 0), (13, 1), (14, 2)]  # (id, position)
    counts = {None: 4, 11: 2, 12: 0, 13: 9, 14: 1}
    assert owners_in_order(units, counts) == [None, 11, 13, 14]
    assert owners_in_order(units, {13: 1}) == [13]
    assert owners_in_order([], {}) == []
