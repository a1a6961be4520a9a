"""The start screen: the plans as the coordinator's overview, loaded off the event loop."""

from datetime import date
from pathlib import Path

from textual.widgets import Static

from db.engine import Database
from db.queries.plans import create_plan
from models.plan import PlanCreate
from tui.factory import make_app
from tui.screens.plans import PlansScreen
from tui.widgets.plan_table import PlanTable

TODAY = date(2025, 10, 1)  # the demo plan's last round was in T3 2025: the next is due in T1 2026


async def open_overview(app, pilot, size=None) -> PlansScreen:  # noqa: ANN001
    """The plans screen as of ``TODAY`` (the app opens one as of the real day)."""
    await app.workers.wait_for_complete()
    screen = PlansScreen(today=TODAY)
    await app.push_screen(screen)
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()
    return screen


def table_lines(screen: PlansScreen) -> list[str]:
    table = screen.query_one(PlanTable)
    return [table.render_line(y).text for y in range(min(table.size.height, len(table.rows) + 1))]


async def test_the_overview_names_what_needs_attention(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(app, pilot)
        attention = str(screen.query_one("#plans-attention", Static).render())
        assert attention == "2 aktiviteter har passerat måldatum i 1 plan"
        header, row = table_lines(screen)
        assert header.split()[:2] == ["Plan", "Organisation"]
        assert "Kompetensförsörjning" in row and "52\xa0%" in row and " 2 " in row and "T1 2026" in row
        summary = str(screen.query_one("#plan-summary", Static).render())
        assert "2 har passerat måldatum" in summary
        assert "Nästa uppföljning T1 2026, senast 2026-04-30" in summary
        assert not screen.query_one("#plans-hint", Static).display


async def test_a_due_round_is_marked_and_several_organisations_are_grouped(demo_database: Database) -> None:
    with demo_database.write() as session:
        create_plan(PlanCreate(title="Personalstrategi 2025–2026", organisation="Kulturförvaltningen",
                               period_start=2025, period_end=2026, status="active", cadence="half_year"),
                    session=session)  # fmt: skip
    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(app, pilot)
        attention = str(screen.query_one("#plans-attention", Static).render())
        assert attention == (
            "2 activities have passed their target date in 1 plan · 1 plan is due for a follow-up round"
        )
        table = screen.query_one(PlanTable)
        headings = [str(r.cells[0]) for r in table.rows if r.group]
        assert headings == ["Kulturförvaltningen", "Vård- och omsorgsförvaltningen, Björkå kommun"]
        strategy = next(line for line in table_lines(screen) if "Personalstrategi" in line)
        assert "HT 2025 •" in strategy  # this half-year's round is due now
        assert "Organisation" not in table_lines(screen)[0]  # the headings name it


async def test_columns_sort_and_give_way_at_80_columns(demo_database: Database) -> None:
    with demo_database.write() as session:
        organisation = "Vård- och omsorgsförvaltningen, Björkå kommun"
        create_plan(PlanCreate(title="Äldre plan 2019–2020", period_start=2019, period_end=2020,
                               status="draft", organisation=organisation), session=session)  # fmt: skip
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        header = table_lines(screen)[0]
        for label in ("Plan", "Läge", "Klart", "Sena"):  # these never give way
            assert label in header
        assert "Organisation" not in header and "Period" not in header
        assert [r.key for r in screen.query_one(PlanTable).rows] == [1, 2]  # newest period first
        await pilot.press("s")  # by the next column: status
        await pilot.pause()
        assert "Läge ▲" in table_lines(screen)[0]
        assert [r.key for r in screen.query_one(PlanTable).rows] == [1, 2]  # "active" before "draft"
        await pilot.press("S")
        await pilot.pause()
        assert "Läge ▼" in table_lines(screen)[0]
        assert [r.key for r in screen.query_one(PlanTable).rows] == [2, 1]


async def test_empty_database_shows_a_hint_in_english(database: Database, tmp_path: Path) -> None:
    app = make_app(db_path=database.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        hint = app.screen.query_one("#plans-hint", Static)
        assert hint.display and "hrplan demo" in str(hint.render())
        assert not app.screen.query_one("#plans-attention", Static).display
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
        described = dict((text, keys) for keys, text in app.screen.rows)
        assert {"Quit", "Help", "Sort", "Open"} <= set(described)
        assert described["Help"] == "?" and "↑" in described["Up"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpModal)
