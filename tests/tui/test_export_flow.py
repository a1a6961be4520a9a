"""Exporting from the app: the palette opens the dialog, a worker writes the file, a notice names it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, Static

from db.engine import Database
from tests.waiting import notices, palette_results, until
from tui.factory import make_app
from tui.modals.confirm import ConfirmModal
from tui.modals.export import ExportModal


async def _settle(app, pilot) -> None:  # noqa: ANN001
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _notices(app) -> list[str]:  # noqa: ANN001
    return notices(app)


async def _open_from_palette(app, pilot) -> ExportModal:  # noqa: ANN001
    await _settle(app, pilot)
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"exportera")
    await until(pilot, lambda: palette_results(app))
    await pilot.press("enter")
    await _settle(app, pilot)
    assert isinstance(app.screen, ExportModal)
    return app.screen


async def test_palette_export_writes_the_chosen_format(demo_database: Database, tmp_path: Path) -> None:
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        modal = await _open_from_palette(app, pilot)
        assert modal.choices.title == "Kompetensförsörjningsplan 2025–2027"
        # The latest round is chosen, and the suggested file name says so.
        assert modal.query_one("#round", Select).value == modal.choices.rounds[-1].id
        assert modal.query_one("#path", Input).value.endswith("_uppföljning_T2-2025.docx")
        modal.query_one("#format", Select).value = "md"
        await pilot.pause()
        assert modal.query_one("#path", Input).value.endswith(".md")
        target = tmp_path / "uppföljning.md"
        modal.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert not isinstance(app.screen, ExportModal)
        assert target.exists() and "T2 2025" in target.read_text(encoding="utf-8")
        assert any(str(target) in text for text in _notices(app))


async def test_it_asks_before_overwriting(demo_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "plan.csv"
    target.write_text("mitt", encoding="utf-8")
    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        modal = await _open_from_palette(app, pilot)
        modal.query_one("#what", Select).value = "plan"
        modal.query_one("#format", Select).value = "csv"
        await pilot.pause()
        assert modal.query_one("#round", Select).disabled
        modal.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is modal and target.read_text(encoding="utf-8") == "mitt"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await _settle(app, pilot)
        assert target.read_text(encoding="utf-8-sig").startswith("Department/Unit,Area,What do we want")


async def test_a_missing_folder_is_said_in_the_dialog(demo_database: Database, tmp_path: Path) -> None:
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        modal = await _open_from_palette(app, pilot)
        modal.query_one("#path", Input).value = str(tmp_path / "finns-inte" / "x.docx")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modal
        assert "finns inte" in str(modal.query_one("#export-error", Static).render())
        await pilot.press("escape")
        await _settle(app, pilot)
        assert not isinstance(app.screen, ExportModal)
        assert not (tmp_path / "finns-inte").exists()


async def test_open_export_preselects_the_given_round(demo_database: Database, tmp_path: Path) -> None:
    from tui.flows.export import open_export

    with demo_database.read() as session:
        from db.queries.export import export_choices

        first_round = export_choices(1, session=session).rounds[0]
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _settle(app, pilot)
        open_export(app, 1, round_id=first_round.id)
        await _settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, ExportModal)
        assert modal.query_one("#round", Select).value == first_round.id
        target = tmp_path / "t1.html"
        modal.query_one("#path", Input).value = str(target)
        await pilot.pause()
        assert modal.query_one("#format", Select).value == "html"  # the typed extension chose the format
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        html = target.read_text(encoding="utf-8")
        assert "T1 2025 (2025-05-20)" in html and "Det finns ingen tidigare uppföljning" in html


async def test_an_unknown_round_falls_back_to_the_latest(demo_database: Database) -> None:
    from tui.flows.export import open_export

    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _settle(app, pilot)
        open_export(app, 1, round_id=999)
        await _settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, ExportModal)
        assert modal.query_one("#round", Select).value == modal.choices.rounds[-1].id


async def test_an_unknown_plan_is_a_notice_not_a_crash(demo_database: Database) -> None:
    from tui.flows.export import open_export

    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _settle(app, pilot)
        open_export(app, 99)
        await _settle(app, pilot)
        assert not isinstance(app.screen, ExportModal)
        assert any("99" in text for text in _notices(app))
