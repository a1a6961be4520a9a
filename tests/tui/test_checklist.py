"""A follow-up meeting with the keyboard: every step checked in the database."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from textual.widgets import Input

from db.engine import Database
from models.followup import FollowUpEntry, FollowUpRound
from tests.waiting import notices, palette_results, until
from tui.factory import make_app
from tui.modals.new_round import NewRoundModal
from tui.screens.checklist import ChecklistScreen
from tui.widgets.row_list import RowList

TODAY = date(2025, 12, 1)


def entries(database: Database, round_name: str) -> dict[int, FollowUpEntry]:
    with database.read() as s:
        rows = s.execute(
            select(FollowUpEntry).join(FollowUpRound).where(FollowUpRound.name == round_name)
        ).scalars()
        return {e.activity_id: e for e in rows}


def round_row(database: Database, name: str) -> FollowUpRound | None:
    with database.read() as s:
        return s.execute(select(FollowUpRound).where(FollowUpRound.name == name)).scalar_one_or_none()


async def settle(pilot, app) -> None:  # noqa: ANN001
    """Let every worker finish (loads and the writing thread) and the messages arrive."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def fill_new_round(pilot, app, name: str, day: str) -> None:  # noqa: ANN001
    assert isinstance(app.screen, NewRoundModal)
    app.screen.query_one("#round-name", Input).value = name
    app.screen.query_one("#round-date", Input).value = day
    await pilot.pause()
    await pilot.press("enter", "enter")  # name → date → start
    await settle(pilot, app)


def visible_order(screen: ChecklistScreen) -> list[int]:
    return [row.key for row in screen.query_one(RowList).rows if not row.group]


async def test_a_meeting_from_start_to_the_next_round(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot, app)
        await pilot.press("f")  # no open round: the new-round dialog is offered
        await settle(pilot, app)
        await fill_new_round(pilot, app, "T3 2025", "2025-12-01")
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        started = entries(demo_database, "T3 2025")
        carried = entries(demo_database, "T2 2025")
        assert len(started) == 33 and not any(e.reviewed for e in started.values())
        assert {a: e.status for a, e in started.items()} == {a: e.status for a, e in carried.items()}

        # Ten statuses with space and the digits, one row after another.
        order = visible_order(screen)
        keys = ["space", "1", "2", "3", "4", "5", "space", "2", "4", "1"]
        expected: dict[int, str] = {}
        for key, aid in zip(keys, order, strict=False):
            assert screen.query_one(RowList).cursor_key == aid
            before = started[aid].status
            await pilot.press(key)
            if key == "space":
                expected[aid] = "done" if before != "done" else "in_progress"
            else:
                expected[aid] = ("not_started", "in_progress", "done", "delayed", "cancelled")[int(key) - 1]
            # Drawn at once, before the write is stored.
            assert screen.shown_status(aid) == expected[aid]
            await pilot.press("down")
        await settle(pilot, app)
        assert screen.pending_writes == 0
        stored = entries(demo_database, "T3 2025")
        assert {a: stored[a].status for a in expected} == expected
        assert {a for a, e in stored.items() if e.reviewed} == set(expected)

        # Space again goes back to the status before.
        await pilot.press("home")
        first = order[0]
        await pilot.press("space", "space")
        await settle(pilot, app)
        assert entries(demo_database, "T3 2025")[first].status == stored[first].status

        # A comment, kept with Enter; another one dropped with Esc.
        await pilot.press("c")
        await pilot.press(*"Klart i tid")
        await pilot.press("enter")
        await pilot.press("down", "c", *"glöms", "escape")
        await settle(pilot, app)
        after_comment = entries(demo_database, "T3 2025")
        assert after_comment[first].comment == "Klart i tid"
        assert after_comment[order[1]].comment == ""

        # Undo: the comment goes, the status stays.
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        undone = entries(demo_database, "T3 2025")[first]
        assert undone.comment == "" and undone.status == stored[first].status
        assert screen.shown_comment(first) == ""

        # n goes to the next row not yet looked at.
        await pilot.press("n")
        assert screen.query_one(RowList).cursor_key == order[10]

        # Close the round: read-only from then on.
        await pilot.press("S")
        await settle(pilot, app)
        assert round_row(demo_database, "T3 2025").closed
        assert screen.closed
        await pilot.press("3", "space", "c")
        await settle(pilot, app)
        assert entries(demo_database, "T3 2025")[order[10]].status == started[order[10]].status
        assert not entries(demo_database, "T3 2025")[order[10]].reviewed

        # The next round starts from this one's statuses.
        final = {a: e.status for a, e in entries(demo_database, "T3 2025").items()}
        await pilot.press("N")
        await settle(pilot, app)
        await fill_new_round(pilot, app, "T1 2026", "2026-04-20")
        assert isinstance(app.screen, ChecklistScreen) and app.screen is not screen
        following = entries(demo_database, "T1 2026")
        assert {a: e.status for a, e in following.items()} == final
        assert not any(e.reviewed or e.comment for e in following.values())
        assert app.screen.shown_status(order[0]) == final[order[0]]


async def _open_checklist(database: Database, lang: str = "sv"):  # noqa: ANN202
    from db.queries.rounds import start_round

    with database.write() as s:
        started = start_round(1, session=s, name="T3 2025", day=TODAY)
    return make_app(db_path=database.path, lang=lang), started.id


async def test_failed_write_puts_the_row_back(demo_database: Database) -> None:
    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot, app)
        screen = ChecklistScreen(1, round_id, today=TODAY)
        await app.push_screen(screen)
        await settle(pilot, app)
        # Somebody closes the round from the command line meanwhile.
        with demo_database.write() as s:
            s.get(FollowUpRound, round_id).closed = True
        aid = screen.query_one(RowList).cursor_key
        before = screen.shown_status(aid)
        await pilot.press("4")
        await settle(pilot, app)
        assert screen.shown_status(aid) == before != "delayed"
        assert entries(demo_database, "T3 2025")[aid].status == before
        assert any("stängd" in n for n in notices(app))


async def test_search_filters_and_overdue(demo_database: Database) -> None:
    app, round_id = await _open_checklist(demo_database, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot, app)
        screen = ChecklistScreen(1, round_id, today=TODAY)
        await app.push_screen(screen)
        await settle(pilot, app)
        await pilot.press("slash", *"demens")
        await pilot.pause()
        assert len(visible_order(screen)) == 2  # "Demenskunskap ..." and "... i demens"
        await pilot.press("enter")
        assert screen.filter.search == "demens" and screen.query_one(RowList).has_focus
        await pilot.press("X")
        assert len(visible_order(screen)) == 33
        await pilot.press("o")
        overdue = visible_order(screen)
        assert overdue and len(overdue) < 33
        assert all(screen.row_data(a).target_date < TODAY for a in overdue)
        assert all(screen.shown_status(a) not in ("done", "cancelled") for a in overdue)
        # Set one overdue activity to done: it stays in sight until the filter changes.
        await pilot.press("3")
        assert len(visible_order(screen)) == len(overdue)
        await pilot.press("o", "o")
        assert len(visible_order(screen)) == len(overdue) - 1


def test_snapshot_swedish(demo_database: Database, snap_compare) -> None:  # noqa: ANN001
    app = _snapshot_app(demo_database, "sv")
    assert snap_compare(app, terminal_size=(120, 40), run_before=_show_checklist)


def test_snapshot_english(demo_database: Database, snap_compare) -> None:  # noqa: ANN001
    app = _snapshot_app(demo_database, "en")
    assert snap_compare(app, terminal_size=(120, 40), run_before=_show_checklist)


def _snapshot_app(database: Database, lang: str):  # noqa: ANN202
    from db.queries.rounds import start_round, update_entry

    with database.write() as s:
        round_id = start_round(1, session=s, name="T3 2025", day=TODAY).id
    with database.write() as s:
        update_entry(round_id, 1, session=s, status="done", comment="Alla chefer har gått steg 1.")
    with database.write() as s:
        update_entry(round_id, 2, session=s, status="delayed", comment="Löneöversynen flyttad till mars.")
    app = make_app(db_path=database.path, lang=lang)
    app.snapshot_round = round_id
    return app


async def _show_checklist(pilot) -> None:  # noqa: ANN001
    app = pilot.app
    await settle(pilot, app)
    await app.push_screen(ChecklistScreen(1, app.snapshot_round, today=TODAY))
    await settle(pilot, app)
    await pilot.press("down", "down")
    await settle(pilot, app)


def test_comment_line_editing_keeps_line_breaks() -> None:
    from tui.widgets.line_editor import from_line, to_line

    text = "Klart i maj.\nNästa steg: utvärdering."
    assert "\n" not in to_line(text)
    assert from_line(to_line(text)) == text


async def test_f_opens_the_open_round_and_the_palette_knows_the_keys(demo_database: Database) -> None:
    from textual.command import CommandPalette

    app, round_id = await _open_checklist(demo_database, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot, app)
        await pilot.press("f")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, ChecklistScreen) and screen.round_id == round_id
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"status: delayed")
        await until(pilot, lambda: palette_results(app))
        await pilot.press("enter")
        await settle(pilot, app)
        aid = screen.query_one(RowList).cursor_key
        assert entries(demo_database, "T3 2025")[aid].status == "delayed"
        await pilot.press("h")
        await settle(pilot, app)
        from tui.modals.activity_history import ActivityHistoryModal

        assert isinstance(app.screen, ActivityHistoryModal)
        await pilot.press("escape", "r")
        await settle(pilot, app)
        from tui.modals.rounds_list import RoundsListModal

        assert isinstance(app.screen, RoundsListModal)
        await pilot.press("v")  # the current round against the one before
        await settle(pilot, app)
        from tui.modals.round_comparison import RoundComparisonModal

        assert isinstance(app.screen, RoundComparisonModal)
        title = str(app.screen.query_one("#compare-title").render())
        assert "T2 2025 → T3 2025: 1 status change, 0 new comments" in title
        await pilot.press("escape")
        await pilot.press("down", "enter")  # an earlier round, closed: read-only
        await settle(pilot, app)
        assert isinstance(app.screen, ChecklistScreen) and app.screen.round_name == "T2 2025"
        assert app.screen.closed and app.screen.check_action("set_status", ()) is None


async def test_undo_right_after_starting_takes_the_round_back(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot, app)
        await pilot.press("f")
        await settle(pilot, app)
        await fill_new_round(pilot, app, "Extra 2025", "2025-12-05")
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert round_row(demo_database, "Extra 2025") is None
        assert not isinstance(app.screen, ChecklistScreen)
        assert any("Extra 2025" in n for n in notices(app))


async def test_new_round_dialog_refuses_a_taken_name_and_a_bad_date(demo_database: Database) -> None:
    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot, app)
        await pilot.press("f")
        await settle(pilot, app)
        modal = app.screen
        assert isinstance(modal, NewRoundModal)
        modal.query_one("#round-name", Input).value = "t2 2025"
        await pilot.pause()
        await pilot.press("enter", "enter")
        assert app.screen is modal and "already exists" in str(modal.query_one("#new-round-error").render())
        modal.query_one("#round-name", Input).value = "T3 2025"
        modal.query_one("#round-date", Input).value = "2025-02-30"
        await pilot.pause()
        modal.query_one("#round-date", Input).focus()
        await pilot.press("enter")
        assert app.screen is modal and "YYYY-MM-DD" in str(modal.query_one("#new-round-error").render())
        await pilot.press("escape")
        await settle(pilot, app)
        assert round_row(demo_database, "T3 2025") is None


async def test_a_key_on_the_first_screenful_survives_the_rest_of_the_load(demo_database: Database,
                                                                          monkeypatch) -> None:  # noqa: ANN001  # fmt: skip
    """Opening shows the first rows and the whole tally at once; a key pressed on them before the
    other rows arrive is kept (on screen, in the tally and stored) when they do."""
    import threading
    from collections import Counter

    import db.queries.rounds as rounds
    import tui.screens.checklist as checklist_module

    monkeypatch.setattr(checklist_module, "FIRST_ROWS", 10)
    release = threading.Event()
    real_checklist = rounds.checklist

    def held(round_id: int, *, session, limit: int | None = None):  # noqa: ANN001, ANN202
        if limit is None:
            release.wait(10)
        return real_checklist(round_id, session=session, limit=limit)

    monkeypatch.setattr(rounds, "checklist", held)
    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot, app)
        screen = ChecklistScreen(1, round_id, today=TODAY)
        await app.push_screen(screen)
        await until(pilot, lambda: visible_order(screen))
        head = visible_order(screen)
        assert len(head) == 10 and not screen.loaded
        assert sum(screen._tally.overall.counts.values()) == 33  # the header counts every activity
        assert screen.check_action("search", ()) is None and screen.check_action("set_status", ()) is True
        aid = head[0]
        target = "delayed" if screen.shown_status(aid) != "delayed" else "in_progress"
        await pilot.press({"delayed": "4", "in_progress": "2"}[target])
        await pilot.pause()
        assert screen.shown_status(aid) == target
        release.set()
        await settle(pilot, app)
        order = visible_order(screen)
        assert screen.loaded and len(order) == 33 and order[:10] == head
        assert screen.shown_status(aid) == target and screen.pending_writes == 0
        assert entries(demo_database, "T3 2025")[aid].status == target
        assert +screen._tally.overall.counts == Counter(screen.shown_status(a) for a in order)
        assert screen.check_action("search", ()) is True
