"""The narrative editor: the plan's or a unit's sections, written in the app and saved like every edit."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Static, TextArea

from db.engine import Database
from db.queries.sections import sections_of
from tests.tui.plan_helpers import TODAY, freeze_cursors, open_plan, settle
from tests.waiting import notices, until
from tui.factory import make_app
from tui.screens.narrative import NarrativeScreen
from tui.screens.plan import PlanScreen


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PlanScreen, "today", property(lambda self: TODAY))


def _unit_sections(database: Database, unit_id: int) -> list[tuple[str, str, str]]:
    with database.read() as session:
        return [(s.kind, s.title, s.body) for s in sections_of(1, unit_id, session=session)]


async def _open_unit_text(pilot, app, unit_steps: int = 3) -> NarrativeScreen:  # noqa: ANN001
    screen = await open_plan(pilot, app)
    screen.query_one("#plan-units").focus()
    for _ in range(unit_steps):  # Alla, Hela planen, Hemtjänsten, Särskilt boende
        await pilot.press("down")
    await settle(pilot, app)
    await pilot.press("t")
    await settle(pilot, app)
    assert isinstance(app.screen, NarrativeScreen)
    return app.screen


async def test_a_unit_section_written_in_the_editor_is_saved_and_undone(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _open_unit_text(pilot, app)
        unit_id = editor.unit_id
        sections = editor.query_one("#narrative-sections", OptionList)
        labels = [str(sections.get_option_at_index(i).prompt) for i in range(sections.option_count)]
        assert labels[0].startswith("Uppgifter · ") and "Analys – ej skrivet" in labels
        # The Analys section is not written yet: write it, with Markdown, and save.
        await pilot.press(*["down"] * labels.index("Analys – ej skrivet"))
        await pilot.press("enter")
        body = editor.query_one("#narrative-body", TextArea)
        assert body.has_focus
        await pilot.press(*"Fler **nattpersonal**")
        count = editor.query_one("#narrative-count", Static)
        assert str(count.render()).startswith("2 ord · ändrat")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert ("analysis", "", "Fler **nattpersonal**") in _unit_sections(demo_database, unit_id)
        assert str(count.render()) == "2 ord · sparat"
        # Renamed: the title field; moving to another section saves the one left.
        editor.query_one("#narrative-title", Input).focus()
        await pilot.press(*"Läget")
        editor.query_one("#narrative-sections", OptionList).focus()
        await pilot.press("up")
        await settle(pilot, app)
        assert ("analysis", "Läget", "Fler **nattpersonal**") in _unit_sections(demo_database, unit_id)
        # Ctrl+Z on the list undoes the rename (the latest change), not the text typed.
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert ("analysis", "", "Fler **nattpersonal**") in _unit_sections(demo_database, unit_id)
        await pilot.press("ctrl+y")  # redo: the rename again
        await settle(pilot, app)
        assert ("analysis", "Läget", "Fler **nattpersonal**") in _unit_sections(demo_database, unit_id)
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, PlanScreen)
        panel = str(app.screen.query_one("#plan-narrative", Static).render())
        assert "Läget · 2 ord" in panel


async def test_search_on_the_plan_screen_finds_text_in_the_sections(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(pilot, app)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"pension")
        await settle(pilot, app)
        panel = str(screen.query_one("#plan-narrative", Static).render())
        assert panel.splitlines()[0] == f"Text that matches: {len(panel.splitlines()) - 1}"
        assert "Whole plan · Common challenges" in panel and "Myndighetsenheten · Analysis" in panel


async def test_leaving_with_unsaved_text_asks_first(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _open_unit_text(pilot, app)
        unit_id = editor.unit_id
        before = _unit_sections(demo_database, unit_id)
        await pilot.press("enter", *"extra")
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is not editor  # the question
        await pilot.press("escape")  # no: back to the text, nothing lost
        await settle(pilot, app)
        assert app.screen is editor and editor.query_one("#narrative-body", TextArea).text.startswith("extra")
        assert _unit_sections(demo_database, unit_id) == before


def _editor_shown(unit_steps: int):  # noqa: ANN202
    async def run_before(pilot) -> None:  # noqa: ANN001
        app = pilot.app
        await _open_unit_text(pilot, app, unit_steps)
        freeze_cursors(app.screen)
        await pilot.pause()

    return run_before


def test_snapshot_narrative_editor_swedish(snap_compare, demo_database: Database) -> None:  # noqa: ANN001
    app = make_app(db_path=demo_database.path, lang="sv")
    assert snap_compare(app, terminal_size=(120, 40), run_before=_editor_shown(2))


def test_snapshot_narrative_editor_english_small(snap_compare, demo_database: Database) -> None:  # noqa: ANN001
    app = make_app(db_path=demo_database.path, lang="en")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_editor_shown(2))


async def test_sections_move_and_go_from_the_list(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _open_unit_text(pilot, app, unit_steps=2)  # Hemtjänsten
        unit_id = editor.unit_id
        kinds = [k for k, _, _ in _unit_sections(demo_database, unit_id)]
        assert kinds == ["tasks", "analysis", "future_needs", "risks"]
        await pilot.press("ctrl+down")
        await settle(pilot, app)
        assert [k for k, _, _ in _unit_sections(demo_database, unit_id)] == [
            "analysis", "tasks", "future_needs", "risks"
        ]
        assert editor.query_one("#narrative-title", Input).placeholder == "Uppgifter"  # still on it
        await pilot.press("ctrl+d")
        await settle(pilot, app)
        await pilot.press("j")  # ja: remove it
        await settle(pilot, app)
        kinds = [k for k, _, _ in _unit_sections(demo_database, unit_id)]
        assert kinds == ["analysis", "future_needs", "risks"]
        labels = editor.query_one("#narrative-sections", OptionList)
        assert "Uppgifter – ej skrivet" in [str(labels.get_option_at_index(i).prompt)
                                             for i in range(labels.option_count)]  # fmt: skip
        editor.query_one("#narrative-sections", OptionList).focus()
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert [k for k, _, _ in _unit_sections(demo_database, unit_id)] == [
            "analysis", "tasks", "future_needs", "risks"
        ]


async def test_a_save_that_meets_another_edit_keeps_the_typed_text(demo_database: Database) -> None:
    from db.queries.sections import update_section

    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _open_unit_text(pilot, app, unit_steps=2)  # Hemtjänsten, on Uppgifter
        section_id = editor.current.section_id
        with demo_database.write() as session:  # a colleague saves the same section meanwhile
            update_section(section_id, session=session, body="Kollegans text")
        await pilot.press("enter", *"Min text ")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        body = editor.query_one("#narrative-body", TextArea).text
        assert body.startswith("Min text ") and "ändrat" in str(editor.query_one("#narrative-count").render())
        assert ("tasks", "", "Kollegans text") in _unit_sections(demo_database, editor.unit_id)


async def test_text_left_in_a_section_whose_save_is_refused_is_kept_there(demo_database: Database) -> None:
    from db.queries.sections import update_section

    app = make_app(db_path=demo_database.path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        editor = await _open_unit_text(pilot, app, unit_steps=2)  # Hemtjänsten, on Uppgifter
        section_id, unit_id = editor.current.section_id, editor.unit_id
        await pilot.press("enter", *"Min text ")
        with demo_database.write() as session:  # a colleague saves the same section meanwhile
            update_section(section_id, session=session, body="Kollegans text")
        sections = editor.query_one("#narrative-sections", OptionList)
        sections.focus()
        await pilot.press("down")  # leaving saves the section left, which is refused
        await settle(pilot, app)
        await until(pilot, lambda: any("Texten du skrev i Uppgifter finns kvar" in n for n in notices(app)))
        assert ("tasks", "", "Kollegans text") in _unit_sections(demo_database, unit_id)
        await pilot.press("up")  # back: the typed text is there, not saved yet
        await settle(pilot, app)
        body = editor.query_one("#narrative-body", TextArea).text
        assert body.startswith("Min text ") and "ändrat" in str(editor.query_one("#narrative-count").render())
        await pilot.press("ctrl+s")  # saved over the colleague's text now that it has been seen
        await settle(pilot, app)
        saved = _unit_sections(demo_database, unit_id)
        assert any(kind == "tasks" and body.startswith("Min text ") for kind, _, body in saved)
