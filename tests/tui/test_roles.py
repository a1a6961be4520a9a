"""The app as a manager and as a viewer see it (started so by ``hrplan serve``)."""

from __future__ import annotations

import datetime as dt

from db.access import MANAGER, VIEWER, Principal
from db.engine import Database
from db.queries import rounds as q
from tui.factory import make_app
from tui.screens.checklist import ChecklistScreen
from tui.screens.my_rounds import MyRoundsScreen
from tui.screens.plans import PlansScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_list import RowList


async def settle(pilot, app) -> None:  # noqa: ANN001
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_a_manager_starts_on_their_units_in_the_open_round(demo_database: Database) -> None:
    with demo_database.write() as s:
        round_id = q.start_round(1, session=s, name="T3 2025", day=dt.date(2025, 12, 1)).id
    manager = Principal(name="anna", role=MANAGER, units=frozenset({"Hemtjänsten"}))
    app = make_app(db_path=demo_database.path, lang="en", principal=manager)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, ChecklistScreen) and screen.round_id == round_id  # the one round, at once
        rows = [row for row in screen.query_one(RowList).rows if not row.group]
        assert len(rows) == 10  # Hemtjänsten's activities only
        keys = str(screen.query_one(KeyBar).shown)
        assert "Comment" in keys and "New round" not in keys
        assert screen.check_action("new_round", ()) is False
        assert screen.check_action("toggle_closed", ()) is False
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, MyRoundsScreen)
        intro = str(app.screen.query_one("#my-intro").render())
        assert "Your activities in open follow-up rounds (Hemtjänsten)" in intro
        assert "Log out" in str(app.screen.query_one(KeyBar).shown)


async def test_a_viewer_is_offered_no_key_that_changes_a_plan(demo_database: Database) -> None:
    viewer = Principal(name="vera", role=VIEWER)
    app = make_app(db_path=demo_database.path, lang="en", principal=viewer)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, PlansScreen)
        for action in ("new", "edit", "delete", "copy", "import_plan", "undo"):
            assert screen.check_action(action, ()) is False, action
        assert screen.check_action("export", ()) is True and screen.check_action("open", ()) is True
