"""The areas editor, the key figures screen and a plan of 5,000 activities."""

from __future__ import annotations

import time

from textual.widgets import Input, OptionList, Static

from db.engine import Database
from db.queries.areas import list_areas
from db.queries.keyfigures import list_key_figures
from models.area import UBARA_AREAS
from tests.tui.plan_helpers import activities, fill, open_plan, settle
from tui.factory import make_app


async def test_areas_editor_renames_adds_refuses_and_resets(demo_database: Database) -> None:
    from tui.modals.areas_editor import AreasEditorModal
    from tui.modals.text_prompt import TextPromptModal

    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(pilot, app)
        await pilot.press("r")
        await settle(pilot, app)
        editor = app.screen
        assert isinstance(editor, AreasEditorModal)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptModal)
        fill(app.screen, {"prompt-input": "Arbetsmiljö"})
        await pilot.press("enter")
        await settle(pilot, app)
        options = editor.query_one("#list-items", OptionList)
        assert options.highlighted == options.option_count - 1  # the new area
        await pilot.press("K")  # above Övrigt
        await settle(pilot, app)
        assert "Arbetsmiljö" in str(options.get_option_at_index(options.option_count - 2).prompt)
        await pilot.press("home", "d")  # Utveckla has activities: refused, nothing asked
        await pilot.pause()
        assert app.screen is editor
        await pilot.press("u")  # the own area is empty: reset is allowed after a question
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is screen
    with demo_database.read() as s:
        assert tuple(a.name for a in list_areas(1, session=s)) == UBARA_AREAS


async def test_key_figures_add_and_edit(demo_database: Database) -> None:
    from tui.modals.key_figure_editor import KeyFigureEditorModal
    from tui.screens.key_figures import KeyFiguresScreen

    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_plan(pilot, app)
        await pilot.press("k")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, KeyFiguresScreen)
        chart = str(screen.query_one("#chart-text", Static).render())
        assert "Personalomsättning" in chart and "█" in chart and "16,4 %" in chart
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, KeyFigureEditorModal)
        fill(editor, {"field-period_label": "2026", "field-count": "x"})
        await pilot.pause()
        assert "heltal" in str(editor.query_one("#label-count", Static).render())
        fill(editor, {"field-count": "", "field-share": "8,5"})
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen is screen
        with demo_database.read() as s:
            added = [k for k in list_key_figures(1, session=s) if k.period_label == "2026"]
        assert len(added) == 1 and added[0].share == 8.5
        screen.query_one("#keyfig-table").move_cursor_to(added[0].id)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#field-share", Input).value == "8,5"  # as Swedish writes it
        fill(app.screen, {"field-share": "7.9", "field-count": "12"})
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        with demo_database.read() as s:
            edited = next(k for k in list_key_figures(1, session=s) if k.id == added[0].id)
        assert (edited.share, edited.count) == (7.9, 12)
        assert "7,9 %" in str(screen.query_one("#chart-text", Static).render())
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        with demo_database.read() as s:
            undone = next(k for k in list_key_figures(1, session=s) if k.id == added[0].id)
        assert (undone.share, undone.count) == (8.5, None)
        await pilot.press("ctrl+y")  # redo: the edit again
        await settle(pilot, app)
        with demo_database.read() as s:
            redone = next(k for k in list_key_figures(1, session=s) if k.id == added[0].id)
        assert (redone.share, redone.count) == (7.9, 12)
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen.__class__.__name__ == "PlanScreen"


def _big_plan(database: Database, count: int) -> int:
    """A plan with ``count`` activities over four units, written in one transaction."""
    from db.changes import ChangeSet
    from db.queries.plans import create_plan
    from models.activity import Activity
    from models.plan import PlanCreate
    from models.unit import Unit

    with database.write() as s:
        plan = create_plan(PlanCreate(title="Stor plan", period_start=2025, period_end=2027), session=s)
        areas = [a.id for a in list_areas(plan.id, session=s)]
        changes = ChangeSet(s, plan_id=plan.id)
        units = [changes.insert(Unit(plan_id=plan.id, name=f"Enhet {i}", position=i)).id for i in range(4)]
        s.add_all(
            Activity(plan_id=plan.id, unit_id=units[i % 4], area_id=areas[i % len(areas)], number=i + 1,
                     goal=f"Mål nummer {i} med en längre text om vad som ska uppnås", description="Hur " * 30,
                     target_text="År 2026", responsible=f"Ansvarig {i % 9}", position=i)
            for i in range(count)
        )  # fmt: skip
        return plan.id


async def _timed_session(app, pilot, plan_id: int, needle: str) -> tuple[float, float, float, list]:  # noqa: ANN001
    """Seconds to open the plan, to page through it, to type a search; and the rows found."""
    started = time.perf_counter()
    screen = await open_plan(pilot, app, plan_id)
    opened = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(20):
        await pilot.press("pagedown")
    await pilot.press("end")
    moved = time.perf_counter() - started
    assert screen.highlighted is not None
    started = time.perf_counter()
    await pilot.press("slash")
    await pilot.pause()
    for ch in needle:
        await pilot.press("space" if ch == " " else ch)
    await settle(pilot, app)
    searched = time.perf_counter() - started
    found = [r.key for r in screen.table.rows if not r.group]
    await pilot.press("escape", "escape")
    await settle(pilot, app)
    return opened, moved, searched, found


async def test_five_thousand_activities_open_scroll_and_search(demo_database: Database) -> None:
    """A large plan works like a small one. How fast is the benchmarks' business, not a test's."""
    plan_id = _big_plan(demo_database, 5000)
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40)) as pilot:
        small = await _timed_session(app, pilot, 1, "nummer 4999")
        big = await _timed_session(app, pilot, plan_id, "nummer 4999")
    assert small[3] == []
    assert big[3] == [
        a.id for a in activities(demo_database, plan_id) if a.goal.startswith("Mål nummer 4999 ")
    ]


async def test_removing_a_unit_names_its_activities_and_undo_restores_them(demo_database: Database) -> None:
    from tui.modals.confirm import ConfirmModal

    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(pilot, app)
        await pilot.press("u")
        await settle(pilot, app)
        await pilot.press("down", "down", "d")  # Myndighetsenheten
        await settle(pilot, app)
        confirm = app.screen
        assert isinstance(confirm, ConfirmModal)
        body = str(confirm.query_one(".confirm-body", Static).render())
        assert "8 aktiviteter" in body and "Karriärvägar för handläggare" in body
        await pilot.press("y")
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is screen and len(screen.activities) == 25
        assert not any(a.unit_name == "Myndighetsenheten" for a in activities(demo_database))
        screen.table.focus()
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert len(screen.activities) == 33
        assert sum(a.unit_name == "Myndighetsenheten" for a in activities(demo_database)) == 8


async def test_keys_that_need_an_activity_are_dimmed_in_an_empty_plan(database: Database) -> None:
    from db.queries.plans import create_plan
    from models.plan import PlanCreate

    with database.write() as s:
        plan_id = create_plan(PlanCreate(title="Tom", period_start=2026, period_end=2028), session=s).id
    app = make_app(db_path=database.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(pilot, app, plan_id)
        assert screen.check_action("edit", ()) is None and screen.check_action("delete", ()) is None
        assert screen.check_action("add", ()) is True
        assert "No activities here" in screen.table.render_line(1).text
        await pilot.press("d", "m", "J")  # nothing happens, nothing breaks
        await settle(pilot, app)
        assert app.screen is screen
