"""SVG snapshots of the plan screen, the activity editor and the key figures at 80×24 and 120×40.

Update after a deliberate change of the look: ``pytest tests/tui/test_plan_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest

from db.engine import Database
from tests.tui.plan_helpers import TODAY, freeze_cursors, open_plan, settle
from tests.waiting import until
from tui.factory import make_app
from tui.screens.plan import PlanScreen

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PlanScreen, "today", property(lambda self: TODAY))


def _plan_screen(unit_steps: int):  # noqa: ANN202
    async def run_before(pilot) -> None:  # noqa: ANN001
        app = pilot.app
        screen = await open_plan(pilot, app)
        screen.query_one("#plan-units").focus()
        for _ in range(unit_steps):
            await pilot.press("down")
        await settle(pilot, app)
        screen.table.focus()
        await pilot.press("down", "down")
        detail = screen.query_one("#detail-text")
        # The detail pane follows the cursor a moment later: wait until it shows the highlighted one.
        await until(pilot, lambda: screen.highlighted.description.split()[0] in str(detail.render()))
        await settle(pilot, app)

    return run_before


def _activity_editor(pilot_steps: tuple[str, ...]):  # noqa: ANN202
    async def run_before(pilot) -> None:  # noqa: ANN001
        app = pilot.app
        await open_plan(pilot, app)
        await pilot.press(*pilot_steps)
        await settle(pilot, app)
        freeze_cursors(app.screen)
        await pilot.pause()

    return run_before


SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize(("lang", "size"), [("sv", (80, 24)), ("sv", SIZE), ("en", SIZE)],
                         ids=["sv-80x24", "sv-120x40", "en-120x40"])  # fmt: skip
def test_plan_screen(snap_compare, demo_database: Database, lang: str, size) -> None:  # noqa: ANN001
    app = make_app(db_path=demo_database.path, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=_plan_screen(2))


@pytest.mark.parametrize(("lang", "size"), [("sv", (80, 24)), ("en", SIZE)], ids=["sv-80x24", "en-120x40"])
def test_activity_editor(snap_compare, demo_database: Database, lang: str, size) -> None:  # noqa: ANN001
    app = make_app(db_path=demo_database.path, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=_activity_editor(("down", "e")))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_key_figures(snap_compare, demo_database: Database, size) -> None:  # noqa: ANN001
    app = make_app(db_path=demo_database.path, lang="sv")
    assert snap_compare(app, terminal_size=size, run_before=_activity_editor(("k",)))
