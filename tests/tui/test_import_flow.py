"""Importing in the app: file dialog, preview, confirm or cancel, and the palette entry."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from textual.widgets import Input, Static, Tree

from db.engine import Database
from models.activity import Activity
from tests.unit.import_fixtures import PDF_TEXT
from tests.waiting import palette_results, until
from tui.factory import make_app
from tui.flows.importing import open_import
from tui.modals.import_file import ImportFileModal, PathSuggester
from tui.modals.import_preview import ImportPreviewModal
from tui.widgets.plan_table import PlanTable


def activity_count(database: Database) -> int:
    with database.read() as session:
        return session.execute(select(func.count()).select_from(Activity)).scalar()


async def choose_file(app, pilot, path: Path) -> None:  # noqa: ANN001
    assert isinstance(app.screen, ImportFileModal)
    app.screen.query_one("#import-path", Input).value = str(path)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_preview_then_confirm_writes_and_calls_back(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "strategi.txt"
    path.write_text(PDF_TEXT, encoding="utf-8")
    done: list[int] = []
    app = make_app(db_path=database.path, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        open_import(app, done.append)
        await pilot.pause()
        await choose_file(app, pilot, path)
        preview = app.screen
        assert isinstance(preview, ImportPreviewModal)
        tree = preview.query_one("#import-activities", Tree)
        labels = [str(node.label) for node in tree.root.children]
        assert labels[0] == "Utveckla (4)" and "Introducera (3)" in labels
        assert activity_count(database) == 0
        await pilot.press("escape")
        await pilot.pause()
        assert not done and activity_count(database) == 0

        open_import(app, done.append)
        await pilot.pause()
        await choose_file(app, pilot, path)
        await pilot.press("enter")  # the Import button has the focus
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert done == [1] and activity_count(database) == 13


async def test_broken_file_returns_to_the_dialog_with_the_reason(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "trasig.docx"
    path.write_bytes(b"inte ett dokument")
    app = make_app(db_path=database.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        open_import(app, lambda _: None)
        await pilot.pause()
        await choose_file(app, pilot, path)
        assert isinstance(app.screen, ImportFileModal)
        error = str(app.screen.query_one("#import-error", Static).render())
        assert error.startswith("trasig.docx: the file is not a readable Word document")
        assert app.screen.query_one("#import-path", Input).value == str(path)
        app.screen.query_one("#import-path", Input).value = str(tmp_path / "saknas.csv")
        await pilot.press("enter")
        await pilot.pause()
        assert "There is no such file." in str(app.screen.query_one("#import-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ImportFileModal)


async def test_palette_entry_imports_and_refreshes_the_plans(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "strategi.txt"
    path.write_text(PDF_TEXT, encoding="utf-8")
    app = make_app(db_path=database.path, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"importera")
        await until(pilot, lambda: palette_results(app))
        await pilot.press("enter")
        await pilot.pause()
        await choose_file(app, pilot, path)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#plans", PlanTable)
        assert len(table.rows) == 1
        assert "Personalstrategi" in str(table.rows[0].cells[0])


async def test_path_suggester_completes_folders_and_plan_files(tmp_path: Path) -> None:
    (tmp_path / "planer").mkdir()
    (tmp_path / "plan.docx").write_bytes(b"")
    (tmp_path / "bild.png").write_bytes(b"")
    suggester = PathSuggester()
    assert await suggester.get_suggestion(f"{tmp_path}/plan.") == f"{tmp_path}/plan.docx"
    assert await suggester.get_suggestion(f"{tmp_path}/planer") == f"{tmp_path}/planer/"
    assert await suggester.get_suggestion(f"{tmp_path}/bi") is None


async def test_i_on_a_plan_adds_a_units_file_to_it(demo_database: Database, tmp_path: Path) -> None:
    from tests.tui.plan_helpers import activities, open_plan, settle
    from tests.unit.import_shapes_fixtures import LIST_TEXT

    path = tmp_path / "biblioteken.txt"
    path.write_text(LIST_TEXT, encoding="utf-8")
    before = len(activities(demo_database))
    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_plan(pilot, app)
        await pilot.press("i")
        await pilot.pause()
        await choose_file(app, pilot, path)
        preview = app.screen
        assert isinstance(preview, ImportPreviewModal)
        title = str(preview.query_one(".import-title", Static).render())
        assert "4 activities to add to" in title
        tree = preview.query_one("#import-activities", Tree)
        leaves = [str(leaf.label) for node in tree.root.children for leaf in node.children]
        assert leaves[0].startswith("Biblioteken · 1. Utbildning i digital")
        assert leaves[0].endswith("← line 7; line 8; line 9")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        added = [a for a in activities(demo_database) if a.unit_name == "Biblioteken"]
        assert len(activities(demo_database)) == before + 4 and len(added) == 4


async def test_the_unit_a_file_goes_into_can_be_chosen(demo_database: Database, tmp_path: Path) -> None:
    from tests.tui.plan_helpers import activities, open_plan, settle
    from tests.unit.import_shapes_fixtures import LIST_TEXT
    from tui.modals.pick import PickModal
    from tui.modals.text_prompt import TextPromptModal

    path = tmp_path / "lista.txt"
    path.write_text(LIST_TEXT, encoding="utf-8")
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_plan(pilot, app)
        await pilot.press("i")
        await pilot.pause()
        await choose_file(app, pilot, path)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, PickModal)
        await pilot.press("end", "enter")  # the last choice: a new unit
        await pilot.pause()
        assert isinstance(app.screen, TextPromptModal)
        await pilot.press(*"Kulturskolan", "enter")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, ImportPreviewModal)
        tree = preview.query_one("#import-activities", Tree)
        leaves = [str(leaf.label) for node in tree.root.children for leaf in node.children]
        assert len(leaves) == 4 and all(leaf.startswith("Kulturskolan · ") for leaf in leaves)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert sum(a.unit_name == "Kulturskolan" for a in activities(demo_database)) == 4
