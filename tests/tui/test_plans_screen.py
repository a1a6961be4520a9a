"""The app opens on the plans list, loaded off the event loop."""

from pathlib import Path

from textual.widgets import DataTable, Static

from db.engine import Database
from tui.factory import make_app


async def test_opens_on_plans_list_with_demo_plan(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#plans", DataTable)
        assert table.row_count == 1
        assert "Kompetensförsörjningsplan" in str(table.get_row_at(0)[0])
        assert not app.screen.query_one("#plans-hint", Static).display


async def test_empty_database_shows_a_hint_in_english(database: Database, tmp_path: Path) -> None:
    app = make_app(db_path=database.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        hint = app.screen.query_one("#plans-hint", Static)
        assert hint.display and "hrplan demo" in str(hint.render())
        await pilot.press("q")
    assert app.return_code == 0


async def test_help_lists_the_keys_and_closes(demo_database: Database) -> None:
    from tui.modals.help import HelpModal

    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        described = {text for _, text in app.screen.rows}
        assert {"Quit", "Help"} <= described
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpModal)
