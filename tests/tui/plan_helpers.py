"""Shared steps of the plan screen tests: open the demo plan, wait for the workers, read the database."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, TextArea

from db.engine import Database
from db.queries.activities import ActivityRow, list_activities
from tui.screens.plan import PlanScreen

# The demo plan is opened on this day in every test, so that overdue marks do not move with time.
TODAY = date(2025, 10, 1)


async def settle(pilot, app) -> None:  # noqa: ANN001
    """Let messages and workers run until nothing is left to do."""
    for _ in range(4):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def open_plan(pilot, app, plan_id: int = 1) -> PlanScreen:  # noqa: ANN001
    await settle(pilot, app)
    screen = PlanScreen(plan_id)
    await app.push_screen(screen)
    await settle(pilot, app)
    return screen


def activities(database: Database, plan_id: int = 1) -> list[ActivityRow]:
    with database.read() as session:
        return list_activities(plan_id, session=session)


def fill(screen, values: dict[str, str]) -> None:  # noqa: ANN001
    """Put text into fields by id, as typing would (Changed messages follow)."""
    for field_id, value in values.items():
        widget = screen.query_one(f"#{field_id}")
        if isinstance(widget, TextArea):
            widget.text = value
        elif isinstance(widget, Input):
            widget.value = value


def freeze_cursors(screen) -> None:  # noqa: ANN001
    for widget in screen.query("Input, TextArea"):
        widget.cursor_blink = False
