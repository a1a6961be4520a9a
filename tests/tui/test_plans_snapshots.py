"""How the plans screen and the plan details editor look, at 80×24 and 120×40, in Swedish and English.

The plans screen is shown as of a fixed day, so that overdue counts and due rounds do not move.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from db.engine import Database
from tui.factory import make_app

SIZE = (120, 40)
TODAY = date(2025, 10, 1)


def _add_second_plan(database: Database) -> None:
    from db.queries.plan_list import list_plans
    from db.queries.plans import create_plan, set_plan_status
    from models.plan import PlanCreate

    with database.write() as session:
        strategy = PlanCreate(
            title="Personalstrategi med handlingsplan 2023–2024", kind="personnel_strategy",
            organisation="Kultur- och fritidsförvaltningen", period_start=2023, period_end=2024,
            status="draft",
        )  # fmt: skip
        create_plan(strategy, session=session)
        old = create_plan(PlanCreate(title="Kompetensförsörjningsplan 2021–2022", period_start=2021,
                                     period_end=2022), session=session)  # fmt: skip
        set_plan_status(old.id, "archived", session=session)
        assert len(list_plans(session=session)) == 3


async def _workers_done(pilot: Pilot) -> None:
    """Every worker finished; one cancelled by a newer load of the same screen is not a failure."""
    from textual.worker import WorkerCancelled

    while True:
        try:
            await pilot.app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            await pilot.pause()


async def _settled(pilot: Pilot) -> None:
    from tui.screens.plans import PlansScreen

    if isinstance(pilot.app.screen, PlansScreen) and pilot.app.screen.today != TODAY:
        await _workers_done(pilot)
        await pilot.app.push_screen(PlansScreen(today=TODAY))
    from tui.widgets.plan_table import PlanTable

    for _ in range(3):
        await _workers_done(pilot)
        await pilot.pause()
    for _ in range(200):  # the plans shown: the load has posted its rows (the demo and two more plans)
        if isinstance(pilot.app.screen, PlansScreen) and pilot.app.screen.query_one(PlanTable).rows:
            break
        await pilot.pause(0.02)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize(("lang", "size"), [("sv", (80, 24)), ("sv", SIZE), ("en", SIZE)],
                         ids=["sv-80x24", "sv-120x40", "en-120x40"])  # fmt: skip
def test_plans_screen(snap_compare, demo_database: Database, lang: str, size) -> None:  # noqa: ANN001
    _add_second_plan(demo_database)
    app = make_app(db_path=demo_database.path, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=_settled, press=["A"])


@pytest.mark.parametrize(("lang", "size"), [("sv", (80, 24)), ("en", SIZE)], ids=["sv-80x24", "en-120x40"])
def test_plan_details_editor(snap_compare, demo_database: Database, lang: str, size) -> None:  # noqa: ANN001
    app = make_app(db_path=demo_database.path, lang=lang)

    async def open_editor(pilot: Pilot) -> None:
        await _settled(pilot)
        await pilot.press("e")
        await _settled(pilot)
        field = pilot.app.screen.query_one("#period_end", Input)
        field.focus()
        field.value = "2024"  # shows a refusal beside the field
        await _settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_editor)
