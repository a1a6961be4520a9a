"""Every flow of the plans screen by keyboard, checked in the database afterwards."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from db.engine import Database
from db.queries.plan_list import list_plans
from db.queries.plans import plan_dependents, plan_details
from tests.waiting import notices
from tui.factory import make_app
from tui.modals.confirm import ConfirmModal
from tui.modals.copy_plan import CopyPlanModal
from tui.modals.plan_details import PlanDetailsModal
from tui.screens.plans import PlansScreen
from tui.widgets.plan_table import PlanTable


async def settle(pilot: Pilot) -> None:
    """Let workers finish and the messages they post be handled, twice over (write, then reload)."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def plans(database: Database):  # noqa: ANN201
    with database.read() as session:
        return list_plans(session=session)


def shown_titles(app) -> list[str]:  # noqa: ANN001
    table = app.screen.query_one(PlanTable)
    return [str(row.resolved_cells()[0]) for row in table.rows if not row.group]


async def type_into(pilot: Pilot, field: str, text: str) -> None:
    widget = pilot.app.screen.query_one(f"#{field}", Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)


async def test_create_a_plan_by_keyboard(database: Database) -> None:
    app = make_app(db_path=database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlanDetailsModal)
        await pilot.press(*"Personalstrategi 2026-2028")
        await pilot.press("tab", "tab", *"Barn- och utbildningsförvaltningen", "tab", *"2026", "tab", *"2028")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlansScreen)
        assert shown_titles(app) == ["Personalstrategi 2026-2028"]
    [plan] = plans(database)
    assert (plan.title, plan.organisation, plan.period_start, plan.period_end, plan.status) == (
        "Personalstrategi 2026-2028", "Barn- och utbildningsförvaltningen", 2026, 2028, "active",
    )  # fmt: skip
    with database.read() as session:
        assert plan_dependents(plan.id, session=session).areas == 7


async def test_invalid_fields_keep_the_editor_open(database: Database) -> None:
    app = make_app(db_path=database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Plan")
        await type_into(pilot, "period_start", "2027")
        await type_into(pilot, "period_end", "2025")
        await type_into(pilot, "decision_date", "2024-13-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, PlanDetailsModal)
        errors = {f.control.id: str(f.query_one(".field-error").render()) for f in modal.query("FormField")}
        assert errors["period_end"] == "the start year is after the end year"
        assert errors["decision_date"] == "must be a date YYYY-MM-DD"
        assert errors["title"] == ""
        # Esc asks before the typed plan is dropped; "no" keeps it.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is modal and modal.query_one("#title", Input).value == "Plan"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, PlansScreen)
    assert plans(database) == []


async def test_edit_plan_details(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, PlanDetailsModal)
        assert app.screen.query_one("#diary_number", Input).value == "Dnr VON 2024/379-02"
        await type_into(pilot, "decision_paragraph", "147")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlansScreen)
    [plan] = plans(demo_database)
    with demo_database.read() as session:
        details = plan_details(plan.id, session=session)
    assert details.decision_paragraph == "147" and details.version == 2


async def test_archive_and_show_archived(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert plans(demo_database)[0].status == "archived"
        assert shown_titles(app) == []
        await pilot.press("A")
        await pilot.pause()
        assert shown_titles(app) == ["Kompetensförsörjningsplan 2025–2027"]
        assert app.screen.check_action("restore", ()) and not app.screen.check_action("archive", ())
        await pilot.press("a")
        await settle(pilot)
        assert plans(demo_database)[0].status == "active"
        await pilot.press("A")
        await pilot.pause()
        assert shown_titles(app) == ["Kompetensförsörjningsplan 2025–2027"]


async def test_delete_names_what_goes_and_asks(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        body = str(app.screen.query_one(".confirm-body").render())
        assert "3 units, 7 areas, 33 activities, 2 follow-up rounds" in body and "14 key figures" in body
        await pilot.press("escape")  # no: nothing happens
        await settle(pilot)
        assert len(plans(demo_database)) == 1
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert plans(demo_database) == []
        assert shown_titles(app) == []
        # Undo brings it back, with everything in it.
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert shown_titles(app) == ["Kompetensförsörjningsplan 2025–2027"]
        # Redo deletes it again; undo once more brings it back.
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert shown_titles(app) == [] and plans(demo_database) == []
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert shown_titles(app) == ["Kompetensförsörjningsplan 2025–2027"]
    [plan] = plans(demo_database)
    assert plan.activity_count == 33


async def test_copy_to_the_next_period(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, CopyPlanModal)
        assert modal.query_one("#title", Input).value == "Kompetensförsörjningsplan 2028–2030"
        period = (modal.query_one("#period_start", Input).value, modal.query_one("#period_end", Input).value)
        assert period == ("2028", "2030")
        await type_into(pilot, "period_end", "2029")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlansScreen)
    copy = next(p for p in plans(demo_database) if p.period_start == 2028)
    assert (copy.title, copy.period_end, copy.status, copy.done) == (
        "Kompetensförsörjningsplan 2028–2030", 2029, "draft", 0,
    )  # fmt: skip
    with demo_database.read() as session:
        counts = plan_dependents(copy.id, session=session)
    assert (counts.units, counts.areas, counts.rounds) == (3, 7, 0)
    assert counts.activities == counts.unfinished == 14


async def test_undo_says_what_it_undid(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert plans(demo_database)[0].status == "active"
        texts = notices(app)
        assert "Undone: the change to plan “Kompetensförsörjningsplan 2025–2027”." in texts
        await pilot.press("ctrl+y")  # redo: archived again
        await settle(pilot)
        assert plans(demo_database)[0].status == "archived"
        assert "Redone: the change to plan “Kompetensförsörjningsplan 2025–2027”." in notices(app)
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert "Nothing to redo." in notices(app)


async def test_filter_typed_live(demo_database: Database) -> None:
    with demo_database.write() as session:
        from db.queries.plans import create_plan
        from models.plan import PlanCreate

        create_plan(PlanCreate(title="Personalstrategi", organisation="Kultur och fritid",
                               period_start=2024, period_end=2026), session=session)  # fmt: skip
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert len(shown_titles(app)) == 2
        await pilot.press("slash", *"kultur")
        await pilot.pause()
        assert shown_titles(app) == ["Personalstrategi"]
        await pilot.press("enter")
        assert app.screen.query_one(PlanTable).has_focus
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert len(shown_titles(app)) == 2
        await pilot.press("slash", *"finns inte")
        await pilot.pause()
        assert shown_titles(app) == []
        assert "finns inte" in str(app.screen.query_one("#plans-hint").render())


async def test_enter_opens_the_plan_and_esc_comes_back(demo_database: Database) -> None:
    from tui.screens.plan import PlanScreen

    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen) and app.screen.plan_id == 1
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlansScreen"


async def test_palette_offers_the_screen_actions(demo_database: Database) -> None:
    from tui.commands.plans import PlansCommands

    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        provider = PlansCommands(app.screen)
        texts = [hit.text async for hit in provider.discover()]
        for label in ("Open", "New plan", "Edit", "Archive", "Show archived", "Delete", "Copy", "Filter",
                      "Undo", "Quit", "Help"):
            assert f"Plans: {label}" in texts, label
        hits = [hit async for hit in provider.search("new plan")]
        assert hits and hits[0].text == "Plans: New plan"
        hits[0].command()
        await pilot.pause()
        assert isinstance(app.screen, PlanDetailsModal)


async def test_help_and_footer_name_every_action_in_swedish(demo_database: Database) -> None:
    from tui.bindings import describe
    from tui.modals.help import HelpModal
    from tui.widgets.key_bar import KeyBar

    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        footer_keys = {describe(b.binding) for b in app.screen.active_bindings.values() if b.binding.show}
        wanted = {"Öppna", "Ny plan", "Ändra", "Arkivera", "Visa arkiv", "Ta bort", "Kopiera", "Filtrera",
                  "Ångra", "Avsluta", "Hjälp"}  # fmt: skip
        assert wanted <= footer_keys
        bar = app.screen.query_one(KeyBar)
        await pilot.pause()
        shown = bar.shown.plain
        assert all(word in shown for word in wanted)  # every action on screen, none cut off
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        described = {text for _, text in app.screen.rows}
        assert wanted | {"Upp", "Ned", "Sida upp"} <= described
        assert not {"Cursor left", "Page Left", "Top"} & described


async def test_edit_after_someone_else_changed_the_plan_is_refused(demo_database: Database) -> None:
    from db.queries.plans import update_plan

    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        plan_id = plans(demo_database)[0].id
        with demo_database.write() as session:  # another instance saves first
            update_plan(plan_id, {"diary_number": "Dnr 1"}, expected_version=1, session=session)
        await type_into(pilot, "decision_paragraph", "147")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Somebody else changed" in n for n in notices(app))
    with demo_database.read() as session:
        details = plan_details(plan_id, session=session)
    assert (details.diary_number, details.decision_paragraph) == ("Dnr 1", "§ 146")
