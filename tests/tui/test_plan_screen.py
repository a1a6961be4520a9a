"""The plan screen, driven by keys, with the database checked after each flow."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import OptionList, Static

from db.engine import Database
from db.queries.units import list_units
from tests.tui.plan_helpers import TODAY, activities, fill, open_plan, settle
from tests.waiting import notices, palette_results, until
from tui.factory import make_app
from tui.modals.activity_editor import ActivityEditorModal
from tui.modals.confirm import ConfirmModal
from tui.modals.move_activity import MoveActivityModal
from tui.screens.plan import PlanScreen
from tui.widgets.activity_table import ActivityTable


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PlanScreen, "today", property(lambda self: TODAY))


def _items(screen: PlanScreen) -> list[int]:
    return [row.key for row in screen.table.rows if not row.group]


def _headings(screen: PlanScreen) -> list[str]:
    return [str(row.cells[0]) for row in screen.table.rows if row.group]


async def _pick_unit(pilot, screen: PlanScreen, name: str) -> None:  # noqa: ANN001
    units = screen.query_one("#plan-units", OptionList)
    index = next(
        i for i in range(units.option_count) if str(units.get_option_at_index(i).prompt).startswith(name)
    )
    units.highlighted = index
    await settle(pilot, screen.app)


async def test_opens_with_units_and_activities_by_area(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(pilot, app)
        units = screen.query_one("#plan-units", OptionList)
        labels = [str(units.get_option_at_index(i).prompt) for i in range(units.option_count)]
        assert labels == ["Alla (33)", "Hela planen (5)", "Hemtjänsten (10)", "Särskilt boende (10)",
                          "Myndighetsenheten (8)"]  # fmt: skip
        assert len(_items(screen)) == 33
        assert _headings(screen)[0] == "Hela planen · Utveckla"
        await _pick_unit(pilot, screen, "Hemtjänsten")
        assert len(_items(screen)) == 10
        assert _headings(screen)[:2] == ["Utveckla", "Behålla"]
        detail = str(screen.query_one("#detail-text", Static).render())
        assert "Alla undersköterskor har skyddad yrkestitel" in detail and "tolkas som 2026-12-31" in detail
        await pilot.press("down")
        detail_text = screen.query_one("#detail-text", Static)
        await until(pilot, lambda: "Säker läkemedelshantering" in str(detail_text.render()))


async def test_add_activity_in_the_selected_unit_with_a_readable_target(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(pilot, app)
        await _pick_unit(pilot, screen, "Särskilt boende")
        screen.table.focus()
        await pilot.press("down", "down", "down")  # to Behålla, the second area
        area = screen.highlighted.area_name
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ActivityEditorModal)
        assert editor.focused.id == "field-goal"
        await pilot.press("M", "e", "r", "a")
        fill(editor, {"field-description": "Mentorskap för nya", "field-target_text": "T2 2026",
                      "field-responsible": "Enhetschef"})  # fmt: skip
        await pilot.pause()
        assert str(editor.query_one("#target-reading", Static).render()) == "tolkas som 2026-08-31"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen is screen
    added = [a for a in activities(demo_database) if a.goal == "Mera"]
    assert len(added) == 1
    a = added[0]
    assert (a.unit_name, a.area_name, a.target_date, a.responsible, a.number) == (
        "Särskilt boende",
        area,
        date(2026, 8, 31),
        "Enhetschef",
        34,
    )


async def test_editor_refuses_bad_input_and_asks_before_dropping_changes(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(pilot, app)
        before = activities(demo_database)
        first = screen.highlighted
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        fill(editor, {"field-goal": "", "field-description": "", "field-target_text": "när det passar"})
        await pilot.pause()
        assert "fyll i" in str(editor.query_one("#label-goal", Static).render())
        assert "kan inte tolkas" in str(editor.query_one("#target-reading", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor  # refused: nothing saved, nothing lost
        fill(editor, {"field-goal": "Mål", "field-responsible": "Chef\x07"})
        await pilot.pause()
        assert "otillåtna tecken" in str(editor.query_one("#label-responsible", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is editor
        await pilot.press("escape", "y")
        await settle(pilot, app)
        assert app.screen is screen
    assert activities(demo_database) == before
    assert first.goal == before[0].goal


async def test_edit_then_undo_puts_the_old_text_back(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(pilot, app)
        row = screen.highlighted
        await pilot.press("enter")
        await pilot.pause()
        fill(app.screen, {"field-goal": "Nytt mål", "field-target_text": "Löpande"})
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        edited = next(a for a in activities(demo_database) if a.id == row.id)
        assert (edited.goal, edited.ongoing, edited.target_date) == ("Nytt mål", True, None)
        assert screen.highlighted.id == row.id and screen.highlighted.goal == "Nytt mål"
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        restored = next(a for a in activities(demo_database) if a.id == row.id)
        assert (restored.goal, restored.target_text) == (row.goal, row.target_text)
        assert any(m.startswith("Ångrat: ändring av aktivitet ”Nytt mål”") for m in notices(app))
        assert screen.highlighted.goal == row.goal
        await pilot.press("ctrl+y")  # redo: the edit again
        await settle(pilot, app)
        redone = next(a for a in activities(demo_database) if a.id == row.id)
        assert (redone.goal, redone.ongoing) == ("Nytt mål", True)
        assert any(m.startswith("Gjort om: ändring av aktivitet") for m in notices(app))
        assert screen.highlighted.goal == "Nytt mål"
        await pilot.press("ctrl+y")
        await settle(pilot, app)
        await until(pilot, lambda: any("Inget att göra om" in m for m in notices(app)))


async def test_move_to_another_area_and_unit(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(pilot, app)
        row = screen.highlighted
        await pilot.press("m")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, MoveActivityModal)
        modal.query_one("#move-unit", OptionList).highlighted = 2  # whole plan, Hemtjänsten, Särskilt boende
        modal.query_one("#move-area", OptionList).highlighted = 6  # Övrigt
        await pilot.press("enter")
        await settle(pilot, app)
    rows = activities(demo_database)
    moved = next(a for a in rows if a.id == row.id)
    assert (moved.unit_name, moved.area_name) == ("Särskilt boende", "Övrigt")
    there = [a.id for a in rows if (a.unit_id, a.area_id) == (moved.unit_id, moved.area_id)]
    assert len(there) == 2 and there[-1] == row.id  # last in its new place


async def test_reorder_within_the_area(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(pilot, app)
        await _pick_unit(pilot, screen, "Hemtjänsten")
        screen.table.focus()
        goals = [a.goal for a in activities(demo_database) if a.unit_name == "Hemtjänsten"][:3]
        await pilot.press("J")
        await settle(pilot, app)
        await pilot.press("J")
        await settle(pilot, app)
        await pilot.press("J")  # already last in Utveckla: refused with a notice
        await settle(pilot, app)
        assert screen.highlighted.goal == goals[0]
        await pilot.press("K")
        await settle(pilot, app)
    after = [a.goal for a in activities(demo_database) if a.unit_name == "Hemtjänsten"][:3]
    assert after == [goals[1], goals[0], goals[2]]


async def test_delete_asks_first_and_undo_brings_it_back(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(pilot, app)
        row = screen.highlighted
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await settle(pilot, app)
        assert len(activities(demo_database)) == 33
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, app)
        assert row.id not in [a.id for a in activities(demo_database)]
        assert row.id not in _items(screen)
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert row.id in [a.id for a in activities(demo_database)]
        restored = next(a for a in activities(demo_database) if a.id == row.id)
        assert restored.status == row.status  # its follow-up entries came back too


async def test_search_and_filters(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(pilot, app)
        await _pick_unit(pilot, screen, "Myndighetsenheten")
        screen.table.focus()
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("k", "ö", "r", "k", "o", "r", "t")
        await settle(pilot, app)
        found = {next(a.goal for a in activities(demo_database) if a.id == key) for key in _items(screen)}
        assert found == {"Körkort inte längre ett hinder"}  # searched the whole plan, not the unit
        assert "sökning: körkort" in str(screen.query_one("#plan-status", Static).render())
        await pilot.press("escape")  # closes the search
        await settle(pilot, app)
        assert app.screen is screen and len(_items(screen)) == 8
        await _pick_unit(pilot, screen, "Alla")
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one(OptionList).highlighted = 3  # Klar
        await pilot.press("enter")
        await settle(pilot, app)
        by_id = {a.id: a for a in activities(demo_database)}
        assert _items(screen) and all(by_id[k].status == "done" for k in _items(screen))
        await pilot.press("c", "o")
        await settle(pilot, app)
        overdue = [by_id[k] for k in _items(screen)]
        assert overdue and all(
            a.target_date < TODAY and a.status not in ("done", "cancelled") for a in overdue
        )
        await pilot.press("c", "v")
        await pilot.pause()
        picker = app.screen.query_one(OptionList)
        index = next(
            i for i in range(picker.option_count) if str(picker.get_option_at_index(i).prompt) == "HR-chef"
        )
        picker.highlighted = index
        await pilot.press("enter")
        await settle(pilot, app)
        # One rule with the checklist: a function named in the cell, not the whole cell.
        assert [by_id[k].responsible for k in _items(screen)] == ["Förvaltningsledning, HR-chef", "HR-chef"]


async def test_units_editor_adds_a_unit_that_the_plan_screen_lists(demo_database: Database) -> None:
    from tui.modals.units_editor import UnitsEditorModal

    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(pilot, app)
        await pilot.press("u")
        await settle(pilot, app)
        assert isinstance(app.screen, UnitsEditorModal)
        await pilot.press("a")
        await pilot.pause()
        fields = {"field-name": "Hemsjukvården", "field-manager": "Eva Ek", "field-date": "2025-01-15"}
        fill(app.screen, {**fields, "field-risk_analysis": "Få sjuksköterskor."})
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is screen
        units = screen.query_one("#plan-units", OptionList)
        assert str(units.get_option_at_index(units.option_count - 1).prompt) == "Hemsjukvården (0)"
    with demo_database.read() as s:
        unit = list_units(1, session=s)[-1]
    assert (unit.name, unit.manager, unit.date, unit.risk_analysis) == (
        "Hemsjukvården",
        "Eva Ek",
        date(2025, 1, 15),
        "Få sjuksköterskor.",
    )


async def test_help_lists_every_key_of_the_plan_screen(demo_database: Database) -> None:
    """Also the keys that do not apply at the moment, each with its key as a keyboard names it."""
    from tui.bindings import describe
    from tui.modals.help import HelpModal

    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_plan(pilot, app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        rows = set(app.screen.rows)
    assert {("Retur / e", "Redigera"), ("J", "Flytta ned"), ("Ctrl+Z", "Ångra"), ("Esc", "Tillbaka"),
            ("↑", "Upp"), ("Tabb", "Nästa fält")} <= rows  # fmt: skip
    assert {describe(b) for b in PlanScreen.BINDINGS} <= {text for _, text in rows}


async def test_command_palette_runs_plan_actions(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_plan(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        for ch in "Ny aktiv":
            await pilot.press("space" if ch == " " else ch)
        await until(pilot, lambda: palette_results(app))
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, ActivityEditorModal)


async def test_follow_up_history_and_export_keys(demo_database: Database) -> None:
    from tui.modals.activity_history import ActivityHistoryModal
    from tui.modals.export import ExportModal
    from tui.modals.new_round import NewRoundModal
    from tui.screens.checklist import ChecklistScreen

    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await app.push_screen(PlanScreen(1))
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, ActivityHistoryModal)
        await pilot.press("escape")
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExportModal)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f")  # the demo plan's rounds are closed: it offers to start one
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NewRoundModal)
        await pilot.press("enter")  # Enter in the name field starts the round with what is proposed
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)


def test_table_is_a_row_list_and_not_a_data_table() -> None:
    from tui.widgets.row_list import RowList

    assert issubclass(ActivityTable, RowList)


async def test_a_change_made_elsewhere_meanwhile_is_a_notice_and_a_reload(demo_database: Database) -> None:
    from dataclasses import replace

    from db.queries.activities import update_activity

    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(pilot, app)
        row = screen.highlighted
        with demo_database.write() as s:  # another window saves first
            update_activity(row.id, replace(row.fields(), goal="Från ett annat fönster"), session=s)
        await pilot.press("e")
        await pilot.pause()
        fill(app.screen, {"field-goal": "Mitt mål"})
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert any("ändrat" in n for n in notices(app))
        assert screen.highlighted.goal == "Från ett annat fönster"  # reloaded, nothing overwritten
    assert next(a for a in activities(demo_database) if a.id == row.id).goal == "Från ett annat fönster"


async def test_a_plan_larger_than_a_screenful_ends_with_every_activity(tmp_path) -> None:  # noqa: ANN001
    """The first screenful comes first; then every activity is there, counted, searchable and drawn alike."""
    from benchmarks.generate import generate
    from tui.screens.plan import FIRST_ROWS

    db = generate(tmp_path / "large.db", activities=FIRST_ROWS * 3)
    app = make_app(db_path=db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(pilot, app)
        wanted = activities(Database(db))
        assert _items(screen) == [a.id for a in wanted]
        units = screen.query_one("#plan-units", OptionList)
        assert str(units.get_option_at_index(0).prompt) == f"Alla ({FIRST_ROWS * 3})"
        status = str(screen.query_one("#plan-status", Static).render())
        assert str(FIRST_ROWS * 3) in status
        last = wanted[-1]
        await pilot.press("slash")
        await pilot.press(*f"{last.number}")
        await settle(pilot, app)
        assert last.id in _items(screen)
        row = next(r for r in screen.table.rows if r.key == last.id)
        assert str(row.resolved_cells()[0]) == last.goal


async def test_collections_run_again_once_the_plan_is_read(demo_database: Database) -> None:
    """The load holds Python's collector off while it reads (db.heap); the screen lets it go again
    once it has taken the rows in, also when the plan is read a second time."""
    import gc

    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(pilot, app)
        await settle(pilot, app)
        assert len(_items(screen)) == 33 and gc.isenabled()
        screen.load()
        await settle(pilot, app)
        assert len(_items(screen)) == 33 and gc.isenabled()
