"""Open screens pick up what another instance committed."""

from __future__ import annotations

import asyncio
from datetime import date

from textual.app import App, ComposeResult

from db.engine import Database
from tui.factory import make_app
from tui.widgets.db_watcher import DatabaseWatcher
from tui.widgets.plan_table import PlanTable

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


class WatchingApp(App[None]):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.changes = 0

    def compose(self) -> ComposeResult:
        yield DatabaseWatcher(self.database, interval=0.05)

    def on_database_watcher_changed(self) -> None:
        self.changes += 1


def add_plan(database: Database, title: str) -> None:
    from db.queries.plans import create_plan
    from models.plan import PlanCreate

    other = Database(database.target)
    with other.write() as session:
        create_plan(PlanCreate(title=title, period_start=2026, period_end=2028), session=session)
    other.dispose()


async def wait_for(condition, seconds: float = 5.0) -> bool:  # noqa: ANN001
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await asyncio.sleep(0.05)
    return condition()


async def test_watcher_posts_changed_after_a_commit_elsewhere_and_only_then(database: Database) -> None:
    app = WatchingApp(database)
    async with app.run_test() as pilot:
        watcher = app.query_one(DatabaseWatcher)
        assert await wait_for(lambda: watcher.watching)
        watcher.check_database()  # one more look, now, and wait for it to end
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.changes == 0  # nothing happened: no message
        add_plan(database, "Plan från en annan terminal")
        assert await wait_for(lambda: app.changes >= 1)


async def test_the_apps_own_saves_are_not_reported(database: Database) -> None:
    from db.queries.plans import create_plan
    from models.plan import PlanCreate

    app = WatchingApp(database)
    async with app.run_test() as pilot:
        watcher = app.query_one(DatabaseWatcher)
        assert await wait_for(lambda: watcher.watching)
        with database.write() as session:  # the same Database object as the app's: its own save
            create_plan(PlanCreate(title="Egen plan", period_start=2026, period_end=2028), session=session)
        watcher.check_database()  # a look after the save, waited for
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.changes == 0
        add_plan(database, "Plan från en annan terminal")
        assert await wait_for(lambda: app.changes >= 1)


async def test_plans_screen_shows_a_plan_added_by_another_instance(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.target, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#plans", PlanTable)
        assert await wait_for(lambda: len(table.rows) == 1)
        watcher = app.screen.query_one(DatabaseWatcher)
        assert await wait_for(lambda: watcher.watching)
        add_plan(demo_database, "Personalstrategi 2026–2028")
        assert await wait_for(lambda: len([r for r in table.rows if not r.group]) == 2)
        titles = {str(row.cells[0]) for row in table.rows if not row.group}
        assert "Personalstrategi 2026–2028" in titles
        await pilot.press("q")


async def test_plan_screen_shows_a_tick_elsewhere_also_after_its_own_edit(demo_database: Database) -> None:
    """A change of its own (an edit saved in the plan screen) does not stop it from showing what
    another instance saves afterwards."""
    from tests.tui.plan_helpers import open_plan, settle
    from tui.widgets.activity_table import ActivityTable

    def status_cell(screen, aid: int) -> str:  # noqa: ANN001
        table = screen.query_one(ActivityTable)
        return str(table.rows[table.index_of(aid)].resolved_cells()[6])

    app = make_app(db_path=demo_database.target, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(pilot, app)
        table = screen.query_one(ActivityTable)
        first = table.cursor_key
        await pilot.press("J")  # moves the activity down: a change saved by this instance
        await settle(pilot, app)
        watcher = screen.query_one(DatabaseWatcher)
        assert await wait_for(lambda: watcher.watching)

        def tick(session) -> None:  # noqa: ANN001
            from db.queries.rounds import start_round, update_entry

            started = start_round(1, session=session, name="Extra 2025", day=date(2025, 12, 1))
            update_entry(started.id, first, session=session, status="cancelled")

        other = Database(demo_database.target)
        with other.write() as session:
            tick(session)
        other.dispose()
        assert await wait_for(lambda: status_cell(screen, first).startswith("Cancelled"))


class TellingApp(WatchingApp):
    """Records the notices it is asked to show."""

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self.notices: list[str] = []

    def notify(self, message: str, **kwargs) -> None:  # noqa: ANN003
        self.notices.append(message)
        super().notify(message, **kwargs)


async def test_a_watcher_that_cannot_look_says_so_once(tmp_path) -> None:  # noqa: ANN001
    """A server that went away: one notice naming the reason, not one a second, not silence."""
    from db.paths import server_url

    gone = Database(server_url(f"postgresql+psycopg://hr@/hrplan?host={tmp_path}"))
    app = TellingApp(gone)
    async with app.run_test() as pilot:
        assert await wait_for(lambda: len(app.notices) >= 1)
        await asyncio.sleep(0.3)  # several more looks fail meanwhile
        await pilot.pause()
        assert len(app.notices) == 1
        assert app.notices[0].startswith("Andras ändringar kan inte längre visas automatiskt: Databasen ")
    gone.dispose()
