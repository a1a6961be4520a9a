"""A follow-up meeting with the keyboard: every step checked in the database and on the screen."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import select
from textual.widgets import Input

from db.engine import Database
from models.followup import FollowUpEntry, FollowUpRound
from tui.factory import make_app
from tui.modals.new_round import NewRoundModal
from tui.screens.checklist import ChecklistScreen
from tui.widgets.checklist_detail import ChecklistDetail
from tui.widgets.checklist_progress import ChecklistProgress
from tui.widgets.line_editor import LineEditor
from tui.widgets.row_list import RowList

TODAY = date(2025, 12, 1)
STATUS_SV = {"not_started": "Ej påbörjad", "in_progress": "Pågår", "done": "Klar", "delayed": "Försenad",
             "cancelled": "Avbruten"}  # fmt: skip


def entries(database: Database, round_name: str) -> dict[int, FollowUpEntry]:
    with database.read() as s:
        rows = s.execute(
            select(FollowUpEntry).join(FollowUpRound).where(FollowUpRound.name == round_name)
        ).scalars()
        return {e.activity_id: e for e in rows}


def round_row(database: Database, name: str) -> FollowUpRound | None:
    with database.read() as s:
        return s.execute(select(FollowUpRound).where(FollowUpRound.name == name)).scalar_one_or_none()


def elsewhere(database: Database, change) -> None:  # noqa: ANN001
    """A change saved by another hrplan (its own connection, as a second terminal would have)."""
    other = Database(database.path)
    try:
        with other.write() as session:
            change(session)
    finally:
        other.dispose()


async def settle(pilot, app) -> None:  # noqa: ANN001
    """Let every worker finish (loads and the writing thread) and the messages arrive."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def wait_until(pilot, condition, tries: int = 200) -> bool:  # noqa: ANN001
    """Wait for a condition on the screen (the watcher looks once a second), never a fixed time."""
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def fill_new_round(pilot, app, name: str, day: str) -> None:  # noqa: ANN001
    assert isinstance(app.screen, NewRoundModal)
    app.screen.query_one("#round-name", Input).value = name
    app.screen.query_one("#round-date", Input).value = day
    await pilot.pause()
    await pilot.press("enter")  # Enter in a single-line field starts the round
    await settle(pilot, app)


def visible_order(screen: ChecklistScreen) -> list[int]:
    return [row.key for row in screen.query_one(RowList).rows if not row.group]


def row_text(screen: ChecklistScreen, aid: int) -> str:
    """The row as drawn: its cells' text, separated by " | "."""
    row_list = screen.query_one(RowList)
    row = row_list.rows[row_list.index_of(aid)]
    return " | ".join(str(c) for c in row.resolved_cells())


def cell(screen: ChecklistScreen, aid: int, column: int) -> str:
    row_list = screen.query_one(RowList)
    return str(row_list.rows[row_list.index_of(aid)].resolved_cells()[column])


def shown_status(screen: ChecklistScreen, aid: int) -> str:
    return next(code for code, label in STATUS_SV.items() if label == cell(screen, aid, 5))


def shown_comment(screen: ChecklistScreen, aid: int) -> str:
    return cell(screen, aid, 6)


def pending_mark(screen: ChecklistScreen, aid: int) -> bool:
    return cell(screen, aid, 1) == "*"


def header(screen: ChecklistScreen) -> str:
    return "\n".join(str(line) for line in screen.query_one(ChecklistProgress).lines)


def notices(app) -> list[str]:  # noqa: ANN001
    """The notices on screen now (the app runs with notifications shown)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


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
        assert "0 av 33 genomgångna" in header(screen)

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
            assert shown_status(screen, aid) == expected[aid]
            assert row_text(screen, aid).startswith("✓")
            await pilot.press("down")
        await settle(pilot, app)
        assert not any(pending_mark(screen, a) for a in order)
        stored = entries(demo_database, "T3 2025")
        assert {a: stored[a].status for a in expected} == expected
        assert {a for a, e in stored.items() if e.reviewed} == set(expected)
        assert "10 av 33 genomgångna" in header(screen)

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

        # Undo: the comment goes, the status stays; redo brings it back; undo again.
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        undone = entries(demo_database, "T3 2025")[first]
        assert undone.comment == "" and undone.status == stored[first].status
        assert shown_comment(screen, first) == ""
        await pilot.press("ctrl+y")
        await settle(pilot, app)
        assert entries(demo_database, "T3 2025")[first].comment == "Klart i tid"
        assert shown_comment(screen, first) == "Klart i tid"
        await pilot.press("ctrl+y")  # nothing more to redo
        await settle(pilot, app)
        assert "Inget att göra om." in notices(app)
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert entries(demo_database, "T3 2025")[first].comment == ""

        # n goes to the next row not yet gone through.
        await pilot.press("n")
        assert screen.query_one(RowList).cursor_key == order[10]

        # Close the round: it asks first, naming how many were not gone through.
        from tui.modals.confirm import ConfirmModal

        await pilot.press("S")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmModal)
        body = str(app.screen.query_one(".confirm-body").render())
        assert "23 av 33 aktiviteter har inte gåtts igenom" in body
        await pilot.press("y")
        await settle(pilot, app)
        assert round_row(demo_database, "T3 2025").closed
        assert screen.closed
        # Read-only from then on, and a status key says why.
        await pilot.press("3")
        await settle(pilot, app)
        assert entries(demo_database, "T3 2025")[order[10]].status == started[order[10]].status
        assert not entries(demo_database, "T3 2025")[order[10]].reviewed
        assert any("T3 2025 är stängd och kan inte ändras" in n for n in notices(app))

        # The next round starts from this one's statuses.
        final = {a: e.status for a, e in entries(demo_database, "T3 2025").items()}
        await pilot.press("N")
        await settle(pilot, app)
        await fill_new_round(pilot, app, "T1 2026", "2026-04-20")
        assert isinstance(app.screen, ChecklistScreen) and app.screen is not screen
        following = entries(demo_database, "T1 2026")
        assert {a: e.status for a, e in following.items()} == final
        assert not any(e.reviewed or e.comment for e in following.values())
        assert shown_status(app.screen, order[0]) == final[order[0]]


async def _open_checklist(database: Database, lang: str = "sv"):  # noqa: ANN202
    from db.queries.rounds import start_round

    with database.write() as s:
        started = start_round(1, session=s, name="T3 2025", day=TODAY)
    return make_app(db_path=database.path, lang=lang), started.id


async def _push(pilot, app, round_id: int) -> ChecklistScreen:  # noqa: ANN001
    await settle(pilot, app)
    screen = ChecklistScreen(1, round_id, today=TODAY)
    await app.push_screen(screen)
    await settle(pilot, app)
    return screen


async def test_failed_write_puts_the_row_back(demo_database: Database) -> None:
    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _push(pilot, app, round_id)
        # Somebody closes the round from the command line meanwhile.
        with demo_database.write() as s:
            s.get(FollowUpRound, round_id).closed = True
        aid = screen.query_one(RowList).cursor_key
        before = shown_status(screen, aid)
        await pilot.press("4")
        await settle(pilot, app)
        assert shown_status(screen, aid) == before != "delayed"
        assert not pending_mark(screen, aid)
        assert entries(demo_database, "T3 2025")[aid].status == before
        assert any("stängd" in n for n in notices(app))


async def test_a_row_is_marked_pending_until_its_write_is_committed(demo_database: Database,
                                                                    monkeypatch) -> None:  # noqa: ANN001  # fmt: skip
    import db.queries.rounds as rounds

    release = threading.Event()
    real_update = rounds.update_entry

    def held(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        release.wait(10)
        return real_update(*args, **kwargs)

    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _push(pilot, app, round_id)
        monkeypatch.setattr(rounds, "update_entry", held)
        aid = screen.query_one(RowList).cursor_key
        await pilot.press("4")
        await pilot.pause()
        assert shown_status(screen, aid) == "delayed" and pending_mark(screen, aid)
        assert "1 sparas" in header(screen)
        assert "sparas" in screen.query_one(ChecklistDetail).text
        assert entries(demo_database, "T3 2025")[aid].status != "delayed"
        release.set()
        await settle(pilot, app)
        assert entries(demo_database, "T3 2025")[aid].status == "delayed"
        assert not pending_mark(screen, aid) and "sparas" not in header(screen)


async def test_the_detail_pane_shows_the_whole_activity(demo_database: Database) -> None:
    from db.queries.rounds import update_entry

    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _push(pilot, app, round_id)
        aid = screen.query_one(RowList).cursor_key
        with demo_database.write() as s:
            update_entry(round_id, aid, session=s, comment="Steg 1 klart för alla chefer i förvaltningen.")
        await pilot.press("down", "up")
        await settle(pilot, app)
        detail = screen.query_one(ChecklistDetail)
        assert await wait_until(pilot, lambda: "T1 2025:" in detail.text)
        from db.queries.activities import list_activities

        with demo_database.read() as s:
            activity = next(a for a in list_activities(1, session=s) if a.id == aid)
        text = " ".join(detail.text.split())
        for part in (activity.goal, activity.description, activity.responsible, activity.resources,
                     activity.target_text, "tolkas som", "Kommentar T2 2025", "Historik"):  # fmt: skip
            assert " ".join(part.split()) in text
        # The activity column may be cut at 80 columns; the pane never is.
        assert str(screen.query_one(RowList).rows[1].resolved_cells()[2]).startswith("1.")


async def test_search_filters_and_overdue(demo_database: Database) -> None:
    app, round_id = await _open_checklist(demo_database, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _push(pilot, app, round_id)
        await pilot.press("slash", *"demens")
        await pilot.pause()
        assert len(visible_order(screen)) == 2  # "Demenskunskap ..." and "... i demens"
        await pilot.press("enter")
        assert screen.query_one(RowList).has_focus
        await pilot.press("X")
        assert len(visible_order(screen)) == 33
        await pilot.press("o")
        overdue = visible_order(screen)
        assert overdue and len(overdue) < 33
        assert all(cell(screen, a, 5) not in ("Done", "Cancelled") for a in overdue)
        # Set one overdue activity to done: it stays in sight until the filter changes.
        await pilot.press("3")
        assert len(visible_order(screen)) == len(overdue)
        await pilot.press("o", "o")
        assert len(visible_order(screen)) == len(overdue) - 1


async def test_f_filters_by_status(demo_database: Database) -> None:
    from textual.widgets import Select

    from tui.modals.checklist_filter import ActivityFilterModal

    app, round_id = await _open_checklist(demo_database, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _push(pilot, app, round_id)
        await pilot.press("f")
        assert await wait_until(pilot, lambda: isinstance(app.screen, ActivityFilterModal))
        app.screen.query_one("#status", Select).value = "cancelled"
        await pilot.press("ctrl+s")
        assert await wait_until(pilot, lambda: app.screen is screen)
        shown = visible_order(screen)
        assert shown and len(shown) < 33
        assert all(cell(screen, a, 5) == "Cancelled" for a in shown)
        await pilot.press("X")
        assert len(visible_order(screen)) == 33


async def test_another_instances_tick_shows_also_after_a_comment_edit(demo_database: Database) -> None:
    """The watcher reloads the checklist after a comment was kept (it used to stop for good), and a
    comment being typed is not overwritten by what another instance saved."""
    from db.queries.rounds import update_entry

    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _push(pilot, app, round_id)
        first, second, third = visible_order(screen)[:3]
        await pilot.press("c", *"Vår kommentar", "enter")
        await settle(pilot, app)
        assert entries(demo_database, "T3 2025")[first].comment == "Vår kommentar"

        elsewhere(demo_database, lambda s: update_entry(round_id, second, session=s, status="cancelled"))
        assert await wait_until(pilot, lambda: shown_status(screen, second) == "cancelled")

        # While a comment is typed, another tick shows, and the typed text stays.
        await pilot.press("down", "down", "c", *"halvskriven")
        elsewhere(demo_database, lambda s: update_entry(round_id, first, session=s, status="delayed"))
        assert await wait_until(pilot, lambda: shown_status(screen, first) == "delayed")
        editor = screen.query_one("#comment-editor", LineEditor)
        assert editor.shown and editor.value == "halvskriven"
        await pilot.press("enter")
        await settle(pilot, app)
        assert entries(demo_database, "T3 2025")[third].comment == "halvskriven"


async def test_a_comment_saved_elsewhere_meanwhile_is_not_overwritten(demo_database: Database) -> None:
    from db.queries.rounds import update_entry
    from tui.modals.comment_conflict import CommentConflictModal

    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _push(pilot, app, round_id)
        aid = visible_order(screen)[0]
        await pilot.press("c", *"Min text")
        elsewhere(demo_database, lambda s: update_entry(round_id, aid, session=s, status="delayed",
                                                        comment="Deras text"))  # fmt: skip
        await pilot.press("enter")
        await settle(pilot, app)
        modal = app.screen
        assert isinstance(modal, CommentConflictModal)
        assert str(modal.query_one("#conflict-theirs").render()) == "Deras text"
        assert str(modal.query_one("#conflict-mine").render()) == "Min text"
        assert entries(demo_database, "T3 2025")[aid].comment == "Deras text"  # nothing overwritten
        await pilot.click("#merge")
        await settle(pilot, app)
        editor = screen.query_one("#comment-editor", LineEditor)
        assert editor.shown and editor.text == "Deras text\nMin text"
        await pilot.press("end", *" (ihop)", "enter")
        await settle(pilot, app)
        stored = entries(demo_database, "T3 2025")[aid]
        assert stored.comment == "Deras text\nMin text (ihop)" and stored.status == "delayed"

        # Keeping one's own after a conflict stores it; keeping theirs stores nothing.
        await pilot.press("c", "ctrl+u", *"Bara min")
        elsewhere(demo_database, lambda s: update_entry(round_id, aid, session=s, comment="Tredje"))
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, CommentConflictModal)
        await pilot.click("#mine")
        await settle(pilot, app)
        assert entries(demo_database, "T3 2025")[aid].comment == "Bara min"


async def test_deleting_a_round_asks_names_what_goes_and_is_undone(demo_database: Database) -> None:
    from tui.modals.confirm import ConfirmModal

    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _push(pilot, app, round_id)
        await pilot.press("3", "down", "c", *"En kommentar", "enter")
        await settle(pilot, app)
        await pilot.press("D")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmModal)
        body = str(app.screen.query_one(".confirm-body").render())
        assert "33 aktiviteters status" in body and "2 genomgångna" in body and "1 kommentarer" in body
        await pilot.press("n")  # no: nothing goes
        await settle(pilot, app)
        assert app.screen is screen and round_row(demo_database, "T3 2025") is not None
        await pilot.press("D")
        await settle(pilot, app)
        await pilot.press("y")
        await settle(pilot, app)
        assert round_row(demo_database, "T3 2025") is None and entries(demo_database, "T3 2025") == {}
        assert not isinstance(app.screen, ChecklistScreen)
        assert any("T3 2025 är borttagen" in n for n in notices(app))
        await pilot.press("ctrl+z")  # the plans list undoes the plan's latest change
        await settle(pilot, app)
        assert round_row(demo_database, "T3 2025") is not None
        back = entries(demo_database, "T3 2025")
        assert len(back) == 33 and sum(e.reviewed for e in back.values()) == 2


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
    await pilot.press("down")
    await settle(pilot, app)
    detail = app.screen.query_one(ChecklistDetail)
    await wait_until(pilot, lambda: "T1 2025:" in detail.text)
    await settle(pilot, app)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_snapshot(demo_database: Database, snap_compare, lang: str, size: tuple[int, int]) -> None:  # noqa: ANN001
    app = _snapshot_app(demo_database, lang)
    assert snap_compare(app, terminal_size=size, run_before=_show_checklist)


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
        await pilot.press(*"redo")
        assert await wait_until(pilot, lambda: "Redo the latest undone change" in str(app.screen.query_one(
            "CommandList").get_option_at_index(0).prompt) if app.screen.query("CommandList") and
            app.screen.query_one("CommandList").option_count else False)  # fmt: skip
        await pilot.press("ctrl+u", *"status: delayed")
        assert await wait_until(pilot, lambda: bool(app.screen.query("CommandList")) and "delayed" in str(
            app.screen.query_one("CommandList").get_option_at_index(0).prompt).casefold()
            if app.screen.query_one("CommandList").option_count else False)  # fmt: skip
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
        assert app.screen.closed
        await pilot.press("4")
        await settle(pilot, app)
        assert any("T2 2025 is closed and cannot be changed" in n for n in notices(app))


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
        await pilot.press("enter")
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


def _hold_loading(monkeypatch, first_rows: int | None):  # noqa: ANN001, ANN202
    """Hold the reading of the round after its first ``first_rows`` rows (with None, before every
    row) until the returned event is set."""
    import db.queries.rounds as rounds
    import tui.screens.checklist as checklist_module

    if first_rows is not None:
        monkeypatch.setattr(checklist_module, "FIRST_ROWS", first_rows)
    release = threading.Event()
    real_rows = rounds.meeting_rows

    def held(round_id: int, *, session, units=None):  # noqa: ANN001, ANN202
        head, pairs = real_rows(round_id, session=session, units=units)

        def rows():  # noqa: ANN202
            for i, pair in enumerate(pairs):
                if i == (first_rows or 0):
                    release.wait(10)
                yield pair

        return head, rows()

    monkeypatch.setattr(rounds, "meeting_rows", held)
    return release


async def test_a_key_on_the_first_screenful_survives_the_rest_of_the_load(demo_database: Database,
                                                                          monkeypatch) -> None:  # noqa: ANN001  # fmt: skip
    """Opening shows the first rows and the whole tally at once; a key pressed on them before the
    other rows arrive is kept (on screen, in the tally and stored) when they do."""
    release = _hold_loading(monkeypatch, 10)
    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot, app)
        screen = ChecklistScreen(1, round_id, today=TODAY)
        await app.push_screen(screen)
        assert await wait_until(pilot, lambda: bool(visible_order(screen)))
        head = visible_order(screen)
        assert len(head) == 10
        assert "av 33 genomgångna" in header(screen)  # the header counts every activity
        aid = head[0]
        target = "delayed" if shown_status(screen, aid) != "delayed" else "in_progress"
        await pilot.press({"delayed": "4", "in_progress": "2"}[target])
        await pilot.press("n")  # needs every row: done once they are there
        await pilot.pause()
        assert shown_status(screen, aid) == target
        release.set()
        await settle(pilot, app)
        order = visible_order(screen)
        assert len(order) == 33 and order[:10] == head
        assert shown_status(screen, aid) == target and not pending_mark(screen, aid)
        assert entries(demo_database, "T3 2025")[aid].status == target
        assert screen.query_one(RowList).cursor_key == head[1]  # "n" moved on to the next one
        counts = {s: sum(1 for a in order if shown_status(screen, a) == s) for s in STATUS_SV}
        line = header(screen)
        assert all(f"{STATUS_SV[s]} {n}" in line for s, n in counts.items())


async def test_keys_pressed_while_the_checklist_opens_are_kept(demo_database: Database, monkeypatch) -> None:  # noqa: ANN001
    release = _hold_loading(monkeypatch, None)
    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot, app)
        screen = ChecklistScreen(1, round_id, today=TODAY)
        await app.push_screen(screen)
        await pilot.press("5", "n")
        assert not visible_order(screen)
        release.set()
        await settle(pilot, app)
        first, second = visible_order(screen)[:2]
        stored = entries(demo_database, "T3 2025")[first]
        assert (stored.status, stored.reviewed) == ("cancelled", True)
        assert screen.query_one(RowList).cursor_key == second


async def test_enter_reads_the_whole_activity_when_the_pane_is_too_small(demo_database: Database) -> None:
    from tui.modals.full_text import FullTextModal

    app, round_id = await _open_checklist(demo_database)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _push(pilot, app, round_id)
        detail = screen.query_one(ChecklistDetail)
        assert await wait_until(pilot, lambda: "Historik" in detail.text and "T1 2025:" in detail.text)
        assert detail.max_scroll_y > 0  # at 80x24 the pane holds less than the activity
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, FullTextModal)
        shown = str(app.screen.query_one("#full-text").render())
        assert "Historik: T1 2025:" in shown and "Resurser" in shown
        await pilot.press("escape")
        assert app.screen is screen


async def test_a_key_pressed_while_the_plans_list_loads_is_kept(demo_database: Database, monkeypatch) -> None:  # noqa: ANN001
    """The first key after start-up used to be lost while the list was read; now it waits for it."""
    import db.queries.plan_list as plan_list

    release = threading.Event()
    real = plan_list.list_plans

    def held(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(plan_list, "list_plans", held)
    app = make_app(db_path=demo_database.path, lang="sv")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("f")
        release.set()
        await settle(pilot, app)
        assert await wait_until(pilot, lambda: isinstance(app.screen, NewRoundModal))
