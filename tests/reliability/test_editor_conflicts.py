"""Two instances edit the same row through the editors' own save functions: never in silence.

Each test opens two ``Database`` objects on one file, lets both read the row, saves from the first,
then saves from the second with what it read: the second gets ``ConflictError`` (one line, with the
row as it is now) and the first one's edit stays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

import pytest

from db.engine import Database
from db.errors import ConflictError

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


@pytest.fixture
def two(demo_database: Database) -> Iterator[tuple[Database, Database]]:
    first, second = Database(demo_database.target), Database(demo_database.target)
    yield first, second
    first.dispose()
    second.dispose()


def second_loses(two: tuple[Database, Database], read: Callable, save: Callable, check: Callable) -> None:
    """``read(session)`` by both, ``save(session, seen, text)`` by both, ``check(session)`` the winner."""
    a, b = two
    with a.read() as session:
        seen_by_a = read(session)
    with b.read() as session:
        seen_by_b = read(session)
    with a.write() as session:
        save(session, seen_by_a, "från A")
    with pytest.raises(ConflictError) as caught, b.write() as session:
        save(session, seen_by_b, "från B")
    assert "\n" not in caught.value.message() and caught.value.message("en") != caught.value.message("sv")
    assert caught.value.current is not None
    with b.read() as session:
        assert check(session) == "från A"


def test_activity_editor(two: tuple[Database, Database]) -> None:
    from db.queries.activities import get_activity, update_activity

    second_loses(
        two,
        lambda s: get_activity(2, session=s),
        lambda s, row, text: update_activity(2, replace(row.fields(), follow_up=text), session=s,
                                             expected_version=row.version),
        lambda s: get_activity(2, session=s).follow_up,
    )  # fmt: skip


def test_unit_editor(two: tuple[Database, Database]) -> None:
    from db.queries.units import UnitFields, list_units, update_unit

    second_loses(
        two,
        lambda s: list_units(1, session=s)[0],
        lambda s, u, text: update_unit(u.id, UnitFields(u.name, text, u.date, u.risk_analysis), session=s,
                                       expected_version=u.version),
        lambda s: list_units(1, session=s)[0].manager,
    )  # fmt: skip


def test_plan_details_editor(two: tuple[Database, Database]) -> None:
    from db.queries.plans import plan_details, update_plan

    second_loses(
        two,
        lambda s: plan_details(1, session=s),
        lambda s, d, text: update_plan(1, {"decision_body": text}, expected_version=d.version, session=s),
        lambda s: plan_details(1, session=s).decision_body,
    )


def test_key_figure_editor(two: tuple[Database, Database]) -> None:
    from db.queries.keyfigures import list_key_figures, update_key_figure

    second_loses(
        two,
        lambda s: min(list_key_figures(1, session=s), key=lambda k: k.id),
        lambda s, k, text: update_key_figure(k.id, replace(k.fields(), period_label=text), session=s,
                                             expected=k.fields()),
        lambda s: min(list_key_figures(1, session=s), key=lambda k: k.id).period_label,
    )  # fmt: skip


def test_key_figure_deleted_after_the_other_instance_changed_it(two: tuple[Database, Database]) -> None:
    from db.queries.keyfigures import delete_key_figure, list_key_figures, update_key_figure

    a, b = two
    with b.read() as session:
        seen = list_key_figures(1, session=session)[0]
    with a.write() as session:
        update_key_figure(seen.id, replace(seen.fields(), count=99), session=session, expected=seen.fields())
    with pytest.raises(ConflictError), b.write() as session:
        delete_key_figure(seen.id, session=session, expected=seen.fields())
    with b.read() as session:
        assert any(k.id == seen.id and k.count == 99 for k in list_key_figures(1, session=session))


def test_areas_editor(two: tuple[Database, Database]) -> None:
    from db.queries.areas import list_areas, rename_area

    second_loses(
        two,
        lambda s: list_areas(1, session=s)[-1],
        lambda s, area, text: rename_area(area.id, text, session=s, expected_name=area.name),
        lambda s: list_areas(1, session=s)[-1].name,
    )


def test_checklist_tick_is_last_writer_wins(two: tuple[Database, Database]) -> None:
    """A tick sets a status without showing the old one first: the later tick stands, by design.

    Both ticks are logged, so undo and the change history show the overwritten one.
    """
    from db.queries.rounds import entry_state, start_round, update_entry

    a, b = two
    with a.write() as session:
        round_id = start_round(1, session=session, name="Vår 2026", day=date(2026, 5, 4)).id
    with a.write() as session:
        update_entry(round_id, 1, session=session, status="done", comment="klar enligt A")
    with b.write() as session:
        update_entry(round_id, 1, session=session, status="delayed", comment="försenad enligt B")
    with a.read() as session:
        state = entry_state(round_id, 1, session=session)
    assert (state.status, state.comment) == ("delayed", "försenad enligt B")
