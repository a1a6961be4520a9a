"""The follow-up checklist: every activity of a round, set with one key while the meeting goes on.

Thin over ``models.meeting.Meeting``: a key goes to the model, the ``Write`` it answers goes to the
single writing thread (presses are stored in order, each as one change), and the lines the model
names are redrawn. A row shows a pending mark until its write is committed. Nothing is read from
the database per key press; the highlighted activity's history is read in a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Header

from i18n import t
from models.activity_filter import ActivityFilter, Group, unit_key
from models.meeting import Entry, Item, Meeting, Tally, Write
from models.status import STATUS_ORDER
from tui.palette import status_styles
from tui.screens.base import BaseScreen
from tui.widgets.activity_table import group_label
from tui.widgets.checklist_detail import ChecklistDetail
from tui.widgets.checklist_progress import ChecklistProgress
from tui.widgets.db_watcher import DatabaseWatcher
from tui.widgets.key_bar import KeyBar
from tui.widgets.line_editor import LineEditor
from tui.widgets.row_list import Column, KeyedRows, Row, RowList
from tui.write_queue import WriteQueue

if TYPE_CHECKING:
    from db.heap import Pause
    from db.queries.rounds import EntryState, MeetingInfo

# Actions that change the round: refused, with the reason said, while it is closed.
WRITE_ACTIONS = {"toggle_done", "set_status", "comment", "undo", "redo"}
# Actions on the round itself: a coordinator's (a manager sets statuses and comments, a viewer reads).
ROUND_ACTIONS = {"rounds", "new_round", "toggle_closed", "delete_round"}
# Rows read first when a checklist opens, more than a terminal shows: the first paint waits for these
# and the counts only; the rest follows at once.
FIRST_ROWS = 150


class ChecklistList(RowList):
    """The checklist's rows; Enter reads the highlighted activity in full."""

    BINDINGS = [Binding("enter", "select", "checklist.key_read", id="checklist_list.read", show=False)]


def _stored_entry(entries: dict[int, Entry]) -> tuple[int, str] | None:
    """An activity with an entry stored in the round, and its status (what a rehearsal ticks)."""
    return next(((aid, e.status) for aid, e in entries.items() if e.version), None)


def _entry(state: EntryState) -> Entry:
    return Entry(state.status, state.comment, state.reviewed, state.version)


class ChecklistScreen(BaseScreen):
    HELP_TITLE_KEY = "checklist.help_title"
    DEFAULT_CSS = """
    ChecklistScreen RowList { height: 1fr; min-height: 5; }
    ChecklistScreen ChecklistDetail { height: 11; }
    ChecklistScreen.-small ChecklistDetail { height: 7; }
    """
    BINDINGS = [
        Binding("space", "toggle_done", "key.toggle_done", id="checklist.toggle_done"),
        *(
            Binding(
                str(n),
                f"set_status('{s.value}')",
                f"status.{s.value}",
                id=f"checklist.status_{n}",
                show=False,
            )
            for n, s in enumerate(STATUS_ORDER, start=1)
        ),  # fmt: skip
        Binding("c", "comment", "key.comment", id="checklist.comment"),
        Binding("n", "next_unreviewed(1)", "key.next_unreviewed", id="checklist.next"),
        Binding("p", "next_unreviewed(-1)", "key.previous_unreviewed", id="checklist.previous", show=False),
        Binding("ctrl+z", "undo", "key.undo", id="checklist.undo"),
        Binding("ctrl+y", "redo", "key.redo", id="checklist.redo"),
        Binding("slash", "search", "key.search", id="checklist.search"),
        Binding("f", "filters", "key.filters", id="checklist.filters"),
        Binding("o", "toggle_overdue", "key.overdue", id="checklist.overdue", show=False),
        Binding("X", "clear_filters", "key.clear_filters", id="checklist.clear_filters", show=False),
        Binding("x", "export", "key.export", id="checklist.export"),
        Binding("h", "history", "key.history", id="checklist.history", show=False),
        Binding("r", "rounds", "key.rounds", id="checklist.rounds", show=False),
        Binding("N", "new_round", "key.new_round", id="checklist.new_round", show=False),
        Binding("S", "toggle_closed", "key.close_round", id="checklist.toggle_closed", show=False),
        Binding("D", "delete_round", "key.delete_round", id="checklist.delete_round", show=False),
        Binding("escape", "back", "key.back", id="checklist.back"),
    ]

    class Loaded(Message):
        """The round as read (in the worker): its activities (in order) and entries."""

        def __init__(self, checklist: MeetingInfo, items: dict[int, Item], entries: dict[int, Entry], *,
                     complete: bool, tally: Tally | None, unit_names: dict[int, str],
                     since: int, pause: Pause | None = None) -> None:  # fmt: skip
            super().__init__()
            self.checklist = checklist
            self.items = items
            self.entries = entries
            self.complete = complete  # False: the first screenful of rows only (the tally is whole)
            self.tally = tally
            self.unit_names = unit_names
            self.since = since
            self.pause = pause  # released once the screen has taken the rows in

    class LoadFailed(Message):
        """The round cannot be shown (any more): say why and leave."""

        def __init__(self, text: str, severity: str = "error") -> None:
            super().__init__()
            self.text = text
            self.severity = severity

    class Saved(Message):
        """A queued write is committed (``write`` None: an undo or redo brought this entry back)."""

        def __init__(self, state: EntryState, write: Write | None = None, text: str = "") -> None:
            super().__init__()
            self.state = state
            self.write = write
            self.text = text

    class SaveFailed(Message):
        def __init__(self, write: Write | None, text: str, *, current_comment: str | None = None) -> None:
            super().__init__()
            self.write = write
            self.text = text
            self.current_comment = current_comment  # set on a comment conflict: the one stored now

    class Reload(Message):
        """Something beyond one entry changed (undo, close, reopen): read the round again."""

        def __init__(self, text: str = "") -> None:
            super().__init__()
            self.text = text

    class HistoryRead(Message):
        def __init__(self, activity_id: int, rounds: tuple[tuple[int, str, str], ...]) -> None:
            super().__init__()
            self.activity_id = activity_id
            self.rounds = rounds  # (round id, name, status), oldest first

    def __init__(
        self, plan_id: int, round_id: int, *, today: date | None = None, units: frozenset[str] | None = None
    ) -> None:
        super().__init__()
        self.plan_id = plan_id
        self.round_id = round_id
        self.units = units  # only the activities of these units (a manager's); None: all
        self.today = today or date.today()
        self.meeting = Meeting(today=self.today)
        self.closed = False
        self.round_name = ""
        self.previous_round = ""
        self._unit_names: dict[int, str] = {}
        self._pauses: list[Pause] = []  # of the loads (db.heap)
        self._kept = False  # what the screen holds is kept out of collections (db.heap)
        self._writes = WriteQueue(self._run_writes)
        self._early: list[Callable[[], None]] = []  # keys pressed before the rows were there
        self._editing: tuple[int, str] | None = None  # the activity and the comment the edit began from
        self._history: dict[int, tuple[tuple[int, str, str], ...]] = {}
        self._history_busy = False
        self._loading = False
        self._load_again = False
        self._warming = False  # the first screenful started making the first write ready
        self._styles: dict = {}
        self._status_cells: dict[str, Text] = {}
        self._marks: dict[bool, Text] = {}
        self._pending_mark = Text()

    # ---- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield ChecklistProgress(id="checklist-progress")
        yield ChecklistList(
            [
                Column("", width=1, min_width=1),  # gone through in this round
                Column("", width=1, min_width=1),  # a write not yet stored
                Column(t("checklist.col_activity"), weight=4, min_width=28),
                Column(t("col.target"), width=14, give_way=2),
                Column(t("checklist.col_responsible"), weight=2, min_width=12, give_way=3),
                Column(t("col.status"), width=11),
                Column(t("checklist.col_comment"), weight=3, min_width=12, give_way=4),
                Column(t("checklist.col_previous"), weight=2, min_width=10, give_way=1),
            ],
            empty_text=t("checklist.loading"),
            id="checklist",
        )
        yield ChecklistDetail(id="checklist-detail")
        yield LineEditor(id="comment-editor")
        yield DatabaseWatcher(self.app.database)
        yield LineEditor(id="search", placeholder=t("checklist.search_placeholder"))
        yield KeyBar()

    def on_mount(self) -> None:
        self._styles = status_styles(self.app)
        self._status_cells = {s.value: Text(t(f"status.{s.value}"), style=self._styles[s.value])
                              for s in STATUS_ORDER}  # fmt: skip
        self._marks = {True: Text("✓", style=self._styles["reviewed"]), False: Text("·", style="dim")}
        self._pending_mark = Text("*", style=self._styles["pending"])
        self.title = t("checklist.title")
        self.query_one(RowList).focus()
        self.reload()

    def on_resize(self) -> None:
        small = self.size.height < 30
        self.set_class(small, "-small")
        self.query_one(ChecklistProgress).compact = small
        if self.meeting.items:
            self._show_progress()

    # ---- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the round (again). One read at a time, none cancelled: asked for while one runs,
        another follows it, so the newest state is always read last."""
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        self._load(self.meeting.reads)

    def _load_finished(self) -> None:
        self._loading = False
        if self._load_again:
            self._load_again = False
            self.reload()

    @work(thread=True, group="checklist-load")
    def _load(self, since: int) -> None:
        """Read the round: the first screenful and the counts first (one paint), then every row, in
        the same read transaction. ``since``: the meeting's ``reads`` when the load was asked for."""
        from db.errors import HrplanError
        from db.heap import pause_collection
        from db.queries.rounds import meeting_head, meeting_rows, status_counts

        first = not self.meeting.items
        head_posted = False
        items: dict[int, Item] = {}
        entries: dict[int, Entry] = {}
        # No collections until the screen has taken the rows in (see db.heap): a round of 50,000
        # activities otherwise sets off full collections that find nothing to free.
        pause = pause_collection()
        self._pauses.append(pause)
        try:
            with self.app.database.read() as session:
                counts = status_counts(self.round_id, session=session, units=self.units)
                tally = Tally.counted(((unit_key(c.unit_id), c.status, c.reviewed), c.count) for c in counts)
                unit_names = {unit_key(c.unit_id): c.unit or t("whole_plan") for c in counts}
                if first:  # the first screenful, painted at once
                    data, head = meeting_head(self.round_id, session=session, limit=FIRST_ROWS,
                                              units=self.units)  # fmt: skip
                    if len(head) == FIRST_ROWS:
                        self.post_message(self.Loaded(
                            data, {i.activity_id: i for i, _ in head}, {i.activity_id: e for i, e in head},
                            complete=False, tally=tally, unit_names=unit_names, since=since,
                        ))  # fmt: skip
                        head_posted = True  # the screen makes the first write ready when it takes it in
                data, pairs = meeting_rows(self.round_id, session=session, units=self.units)
                for item, entry in pairs:
                    items[item.activity_id] = item
                    entries[item.activity_id] = entry
        except HrplanError as exc:
            pause.release()
            self.post_message(self.LoadFailed(exc.message()))
            return
        except BaseException:
            pause.release()
            raise
        self.post_message(self.Loaded(data, items, entries, complete=True, tally=None, unit_names=unit_names,
                                      since=since, pause=pause))  # fmt: skip
        if first and not head_posted:  # a round shorter than a screenful: made ready here
            self._get_ready_to_write(_stored_entry(entries))

    @work(thread=True, group="checklist-warm")
    def _warm_writer(self, stored: tuple[int, str] | None) -> None:
        self._get_ready_to_write(stored)

    def _get_ready_to_write(self, stored: tuple[int, str] | None) -> None:
        """The first key press of the meeting made ready, in a worker: ``_warm_writer`` once the first
        screenful is in (while the database sorts the rest of the round, which leaves the interpreter
        free), or the load worker after a round shorter than a screenful. ``stored``: an activity with
        an entry in the round, and its status. A tick of it to another status is rehearsed and rolled
        back (see ``Database.warm_writer``), so the first press neither opens the connection nor waits
        for its SQL to be built."""
        from db.errors import HrplanError
        from db.queries.rounds import update_entry

        principal = self.app.database.principal
        if principal.is_coordinator or principal.is_manager:
            rehearsal = None
            if stored is not None:
                activity_id, status = stored
                other = next(s for s in STATUS_ORDER if s != status)
                rehearsal = partial(update_entry, self.round_id, activity_id, status=other)
            try:
                self.app.database.warm_writer(rehearsal)
            except HrplanError:
                pass  # a closed round, a busy database: the first write will say what is wrong

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        try:
            self._take_in(message)
            if not message.complete and not self._warming:  # the first screenful: see _get_ready_to_write
                self._warming = True
                self._warm_writer(_stored_entry(message.entries))
            if message.complete and not self._kept:
                from db.heap import keep_long_lived

                # The meeting's rows stay out of full collections while it is open; kept before the
                # pause ends, so that the collection at its end does not look at them first.
                keep_long_lived()
                self._kept = True
        finally:
            if message.pause is not None:
                message.pause.release()
                self._pauses = [p for p in self._pauses if p is not message.pause]

    def on_unmount(self) -> None:
        for pause in self._pauses:  # a load whose rows were never taken in
            pause.release()
        if self._kept:
            from db.heap import let_go

            let_go()
            self._kept = False

    def _take_in(self, message: Loaded) -> None:
        data = message.checklist
        if not message.complete and self.meeting.items:
            return  # a first screenful when the round is held already: the whole follows
        was_closed = self.closed
        was_complete = self.meeting.complete
        self.closed = data.round.closed
        self.round_name = data.round.name
        self.previous_round = data.previous_round or ""
        self.sub_title = " · ".join(
            part for part in (
                data.plan_title, f"{data.round.name} ({data.round.date.isoformat()})",
                t("checklist.closed") if self.closed else "",
            ) if part
        )  # fmt: skip
        before = list(self.meeting.order)
        changed = self.meeting.reloaded(message.items, message.entries, complete=message.complete,
                                        tally=message.tally, since=message.since)  # fmt: skip
        self._unit_names = message.unit_names
        row_list = self.query_one(RowList)
        row_list.empty_text = t("checklist.no_activities")
        if self.meeting.order != before or not row_list.rows:
            self._apply_filter()
        else:
            for aid in changed:
                self._redraw(aid)
        if was_closed != self.closed:
            self.refresh_bindings()
        self._show_progress()
        self._show_detail()
        if message.complete:
            if was_complete:
                # A change elsewhere may have touched another round. (After the first screenful
                # the rest comes from the same read: the history read meanwhile still holds.)
                self._history.clear()
            self._load_finished()
        if self.meeting.complete and self._early:
            early, self._early = self._early, []
            for action in early:
                action()

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.notify(message.text, severity=message.severity)
        self.dismiss()

    # ---- drawing ---------------------------------------------------------------------------
    def _row_cells(self, aid: int) -> tuple:
        """The cells of a row as shown now; RowList calls this when the line is first drawn."""
        from models.dates import is_overdue

        item, entry = self.meeting.items[aid], self.meeting.shown(aid)
        title = item.title
        target = item.target_text or ("—" if not item.ongoing else t("target.ongoing"))
        overdue = is_overdue(item.target_date, entry.status, self.today)
        return (
            self._marks[entry.reviewed],
            self._pending_mark if self.meeting.is_pending(aid) else "",
            f"{item.number}. {title}" if item.number is not None else title,
            Text(target, style=self._styles["overdue"]) if overdue else target,
            item.responsible,
            self._status_cells[entry.status],
            entry.comment,
            Text(item.previous_comment, style="dim") if item.previous_comment else "",
        )

    def _redraw(self, aid: int) -> None:
        row_list = self.query_one(RowList)
        if row_list.index_of(aid) is not None:
            row_list.update_row(aid, self._row_cells(aid))
            if aid == self._cursor():
                self._show_detail()

    def _show_progress(self) -> None:
        note = ""
        if self.closed:
            note = t("checklist.closed_note")
        elif self.meeting.filter.active:
            note = t("checklist.filtered", shown=len(self.meeting.visible()), total=len(self.meeting.order))
        item = self.meeting.items.get(self._cursor() or -1)
        self.query_one(ChecklistProgress).show(
            self.meeting.tally, self._unit_names, current_unit=item.unit if item else None, note=note,
            saving=self.meeting.unsaved, styles=self._styles,
        )  # fmt: skip

    def _show_detail(self) -> None:
        aid = self._cursor()
        detail = self.query_one(ChecklistDetail)
        if aid is None or aid not in self.meeting.items:
            detail.show(None)
            return
        detail.show(
            self.meeting.items[aid], self.meeting.shown(aid), round_name=self.round_name,
            previous_round=self.previous_round, history=self._history_line(aid),
            pending=self.meeting.is_pending(aid), today=self.today, styles=self._styles,
        )  # fmt: skip
        if aid not in self._history and not self._history_busy:
            self._history_busy = True
            self._read_history(aid)

    def _history_line(self, aid: int) -> str | None:
        """The activity's status in every round, this one as shown now; None until it is read."""
        rounds = self._history.get(aid)
        if rounds is None:
            return None
        shown = t(f"status.{self.meeting.shown(aid).status}")
        parts = [f"{name}: {shown if rid == self.round_id else t(f'status.{status}')}"
                 for rid, name, status in rounds]  # fmt: skip
        if all(rid != self.round_id for rid, _, _ in rounds):
            parts.append(f"{self.round_name}: {shown}")
        return " · ".join(parts)

    @work(thread=True, group="checklist-history")
    def _read_history(self, aid: int) -> None:
        from db.errors import HrplanError
        from db.queries.rounds import activity_history

        try:
            with self.app.database.read() as session:
                history = activity_history(aid, session=session)
        except HrplanError:
            self.post_message(self.HistoryRead(aid, ()))
            return
        rounds = tuple((i.round_id, i.round_name) + (i.status,) for i in reversed(history.items))
        self.post_message(self.HistoryRead(aid, rounds))

    @on(HistoryRead)
    def _history_read(self, message: HistoryRead) -> None:
        """One history read at a time: the line is kept, and the one under the cursor read next."""
        self._history_busy = False
        self._history[message.activity_id] = message.rounds
        if self._cursor() is not None and self.meeting.items:
            self._show_detail()

    def _apply_filter(self) -> None:
        # The activities shown as their keys, their cells made by ``_row_cells`` when a line is drawn.
        rows = KeyedRows(
            [Row(key=part.key, cells=(group_label(part),), group=True) if type(part) is Group else part
             for part in self.meeting.grouped()],
            self._row_cells,
        )  # fmt: skip
        row_list = self.query_one(RowList)
        row_list.empty_text = t(
            "checklist.no_match" if self.meeting.filter.active else "checklist.no_activities"
        )
        row_list.set_rows(rows)
        self._show_progress()

    def _cursor(self) -> int | None:
        key = self.query_one(RowList).cursor_key
        return key if isinstance(key, int) else None

    @on(RowList.Selected)
    def _read_in_full(self) -> None:
        """Enter: the highlighted activity in full, scrolled with the keys (Esc or Enter closes)."""
        from tui.modals.full_text import FullTextModal
        from tui.widgets.checklist_detail import checklist_detail_text

        aid = self._cursor()
        if aid is None or aid not in self.meeting.items:
            return
        item = self.meeting.items[aid]
        text = checklist_detail_text(
            item, self.meeting.shown(aid), round_name=self.round_name, previous_round=self.previous_round,
            history=self._history_line(aid), pending=self.meeting.is_pending(aid), today=self.today,
            styles=self._styles,
        )  # fmt: skip
        self.app.push_screen(FullTextModal(item.title, text))

    @on(RowList.Highlighted)
    def _highlighted(self) -> None:
        if self.meeting.items:
            if len(self._unit_names) > 1:
                self._show_progress()
            self._show_detail()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys of the person's role only: the round's own keys are a coordinator's; a viewer reads."""
        principal = self.app.database.principal
        if action in ROUND_ACTIONS and not principal.is_coordinator:
            return False
        if action in WRITE_ACTIONS and not (principal.is_coordinator or principal.is_manager):
            return False
        return True

    # ---- keys --------------------------------------------------------------------------------
    def _ready(self, again: Callable[[], None], *, all_rows: bool = False) -> bool:
        """True when the rows are there; else the key is kept and done once they are."""
        if self.meeting.items and (self.meeting.complete or not all_rows):
            return True
        self._early.append(again)
        return False

    def _open_for_writing(self) -> bool:
        """True when the round takes changes; else says why."""
        if self.closed:
            self.notify(t("checklist.closed_refused", name=self.round_name), severity="warning")
            return False
        return True

    def _put(self, write: Write | None) -> None:
        """Show what the model answered, and queue the write for the writing thread."""
        if write is None:
            return
        self._redraw(write.activity_id)
        self._show_progress()
        self._writes.put(lambda: self._store(write))

    def action_set_status(self, status: str) -> None:
        if not self._ready(partial(self.action_set_status, status)) or not self._open_for_writing():
            return
        aid = self._cursor()
        if aid is not None:
            self._put(self.meeting.press(aid, status))

    def action_toggle_done(self) -> None:
        if not self._ready(self.action_toggle_done) or not self._open_for_writing():
            return
        aid = self._cursor()
        if aid is not None:
            self._put(self.meeting.toggle(aid))

    def _store(self, write: Write) -> None:
        """In the writing thread: one transaction, one change."""
        from db.errors import ConflictError, HrplanError, RoundClosedError
        from db.queries.rounds import update_entry

        try:
            with self.app.database.write() as session:
                state = update_entry(self.round_id, write.activity_id, session=session,
                                     status=write.status, comment=write.comment,
                                     expected_comment=write.expected_comment)  # fmt: skip
        except ConflictError as exc:
            current = (exc.current or {}).get("comment", "")
            self.post_message(
                self.SaveFailed(write, t("checklist.comment_conflict"), current_comment=current)
            )
            return
        except HrplanError as exc:
            self.post_message(self.SaveFailed(write, exc.message()))
            if isinstance(exc, RoundClosedError):
                self.post_message(self.Reload())  # closed elsewhere: show it read-only
            return
        except Exception as exc:  # noqa: BLE001  (any failure must put the row back, not pass silently)
            self.post_message(self.SaveFailed(write, t("checklist.save_failed", reason=str(exc))))
            return
        self.post_message(self.Saved(state, write))

    @on(Saved)
    def _saved(self, message: Saved) -> None:
        state = message.state
        aid = state.activity_id
        if message.write is not None:
            self.meeting.confirmed(aid, _entry(state))
        else:
            self.meeting.applied(aid, _entry(state))
            self.query_one(RowList).move_cursor_to(aid)
        self._redraw(aid)
        self._show_progress()
        if message.text:
            self.notify(message.text)

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        write = message.write
        if write is not None:
            self.meeting.failed(write.activity_id)
            self._redraw(write.activity_id)
            self._show_progress()
        if message.current_comment is not None and write is not None and write.comment is not None:
            self._ask_which_comment(write, message.current_comment)
            return
        self.notify(message.text, severity="error", timeout=8)

    # ---- comments ------------------------------------------------------------------------------
    def action_comment(self) -> None:
        if not self._ready(self.action_comment) or not self._open_for_writing():
            return
        aid = self._cursor()
        if aid is not None:
            self._edit_comment(aid, self.meeting.shown(aid).comment, self.meeting.shown(aid).comment)

    def _edit_comment(self, aid: int, text: str, started_from: str) -> None:
        title = self.meeting.items[aid].title
        self.query_one("#comment-editor", LineEditor).open(
            text, t("checklist.comment_title", activity=title[:60])
        )
        self._editing = (aid, started_from)

    @on(LineEditor.Submitted, "#comment-editor")
    def _comment_kept(self) -> None:
        editor = self.query_one("#comment-editor", LineEditor)
        editing, self._editing = self._editing, None
        editor.close()
        self.query_one(RowList).focus()
        if editing is None or not self._open_for_writing():
            return
        from models.limits import TEXT_MAX
        from models.validation import Invalid, clean_text

        aid, started_from = editing
        try:
            text = clean_text(editor.text, limit=TEXT_MAX)
        except Invalid as exc:
            self.notify(t(exc.key, **exc.params), severity="error")
            self._edit_comment(aid, editor.text, started_from)  # nothing typed is lost
            return
        if aid in self.meeting.items:
            self._put(self.meeting.comment(aid, text, started_from=started_from))

    @on(LineEditor.Dropped, "#comment-editor")
    def _comment_dropped(self) -> None:
        self._editing = None
        self.query_one("#comment-editor", LineEditor).close()
        self.query_one(RowList).focus()

    def _ask_which_comment(self, write: Write, theirs: str) -> None:
        """Another instance saved a comment while this one was typed: both are shown, nothing goes."""
        from tui.modals.comment_conflict import CommentConflictModal

        aid, mine = write.activity_id, write.comment or ""
        title = self.meeting.items[aid].title if aid in self.meeting.items else ""

        def chosen(choice: str | None) -> None:
            if aid not in self.meeting.items:
                return
            if choice == "mine":
                self._put(self.meeting.comment(aid, mine, started_from=theirs))
            elif choice == "theirs":
                self.notify(t("checklist.comment_theirs_kept"))
            else:  # merge, or Esc: back to the editor with both texts, nothing stored yet
                merged = mine if choice is None else f"{theirs}\n{mine}"
                self.query_one(RowList).move_cursor_to(aid)
                self._edit_comment(aid, merged, theirs)

        self.app.push_screen(CommentConflictModal(title, mine=mine, theirs=theirs), chosen)

    # ---- undo and redo --------------------------------------------------------------------------
    def action_undo(self) -> None:
        if self._ready(self.action_undo) and self._open_for_writing():
            self._writes.put(partial(self._undo_or_redo, redo=False))

    def action_redo(self) -> None:
        if self._ready(self.action_redo) and self._open_for_writing():
            self._writes.put(partial(self._undo_or_redo, redo=True))

    def _undo_or_redo(self, *, redo: bool) -> None:
        from db.changes import redo_last, undo_last
        from db.errors import HrplanError
        from db.queries.rounds import entry_state
        from models.followup import FollowUpEntry, FollowUpRound

        try:
            with self.app.database.write() as session:
                result = (redo_last if redo else undo_last)(session, plan_id=self.plan_id)
                if result is not None and session.get(FollowUpRound, self.round_id) is None:
                    # The undo took back the start of this very round.
                    self.post_message(self.LoadFailed(t("checklist.round_removed", name=self.round_name)))
                    return
                state = None
                if result is not None and result.entity == FollowUpEntry.__tablename__:
                    entry = session.get(FollowUpEntry, result.entity_id)
                    if entry is not None and entry.round_id == self.round_id:
                        state = entry_state(self.round_id, entry.activity_id, session=session)
        except HrplanError as exc:
            self.post_message(self.SaveFailed(None, exc.message()))
            return
        except Exception as exc:  # noqa: BLE001  (the writing thread must go on, and say what failed)
            self.post_message(self.SaveFailed(None, t("checklist.save_failed", reason=str(exc))))
            return
        if result is None:
            self.post_message(
                self.SaveFailed(None, t("error.nothing_to_redo" if redo else "error.nothing_to_undo"))
            )
        elif state is not None:
            title = (
                self.meeting.items[state.activity_id].title if state.activity_id in self.meeting.items else ""
            )
            self.post_message(self.Saved(state, None, t("checklist.redone" if redo else "checklist.undone",
                                                        activity=title)))  # fmt: skip
        else:
            self.post_message(self.Reload(t("checklist.redone_other" if redo else "checklist.undone_other")))

    # ---- changes from elsewhere -------------------------------------------------------------------
    @on(DatabaseWatcher.Changed)
    def _changed_elsewhere(self) -> None:
        """Another hrplan or a script saved something: read the round again. Presses not yet stored
        stay on top of what is read, and a comment being typed stays in its editor."""
        self.reload()

    @on(Reload)
    def _reload(self, message: Reload) -> None:
        if message.text:
            self.notify(message.text)
        self.reload()

    @work(thread=True, group="checklist-writes")
    def _run_writes(self) -> None:
        self._writes.run()

    @property
    def current_plan_id(self) -> int:
        return self.plan_id

    @property
    def current_round_id(self) -> int:
        return self.round_id

    def action_export(self) -> None:
        from tui.flows.export import open_export

        open_export(self.app, self.plan_id, self.round_id)

    # ---- moving, searching, filtering --------------------------------------------------------
    def action_next_unreviewed(self, step: int) -> None:
        if not self._ready(partial(self.action_next_unreviewed, step), all_rows=True):
            return
        found = self.meeting.next_not_reviewed(self._cursor(), step)
        if found is None:
            self.notify(t("checklist.all_reviewed"))
        else:
            self.query_one(RowList).move_cursor_to(found)

    def action_search(self) -> None:
        if self._ready(self.action_search, all_rows=True):
            self.query_one("#search", LineEditor).open(
                self.meeting.filter.search, t("checklist.search_title")
            )

    def _set_filter(self, new: ActivityFilter) -> None:
        if new != self.meeting.filter:
            self.meeting.filter = new
            self._apply_filter()

    @on(LineEditor.Changed, "#search")
    def _search_changed(self, event: LineEditor.Changed) -> None:
        self._set_filter(replace(self.meeting.filter, search=event.value))

    @on(LineEditor.Submitted, "#search")
    def _search_kept(self) -> None:
        self.query_one("#search", LineEditor).close()
        self.query_one(RowList).focus()

    @on(LineEditor.Dropped, "#search")
    def _search_dropped(self) -> None:
        self.query_one("#search", LineEditor).close()
        self._set_filter(replace(self.meeting.filter, search=""))
        self.query_one(RowList).focus()

    def action_filters(self) -> None:
        if not self._ready(self.action_filters, all_rows=True):
            return
        from tui.modals.checklist_filter import ActivityFilterModal, FilterChoices

        choices = FilterChoices.from_items(self.meeting.items.values(), self._unit_names)
        self.app.push_screen(ActivityFilterModal(choices, self.meeting.filter), self._filters_chosen)

    def _filters_chosen(self, chosen: ActivityFilter | None) -> None:
        if chosen is not None:
            self._set_filter(replace(chosen, search=self.meeting.filter.search))

    def action_toggle_overdue(self) -> None:
        if self._ready(self.action_toggle_overdue, all_rows=True):
            self._set_filter(replace(self.meeting.filter, overdue=not self.meeting.filter.overdue))

    def action_clear_filters(self) -> None:
        if self._ready(self.action_clear_filters, all_rows=True):
            self._set_filter(ActivityFilter())

    # ---- around the round --------------------------------------------------------------------
    def action_history(self) -> None:
        from tui.modals.activity_history import ActivityHistoryModal

        aid = self._cursor()
        if aid is not None:
            self.app.push_screen(ActivityHistoryModal(aid))

    def action_rounds(self) -> None:
        from tui.modals.rounds_list import RoundsListModal

        self.app.push_screen(RoundsListModal(self.plan_id, current_round=self.round_id), self._open_round)

    def _open_round(self, round_id: int | None) -> None:
        if round_id is None:
            self.reload()  # a round may have been closed or reopened from the list
        elif round_id != self.round_id:
            screen = ChecklistScreen(self.plan_id, round_id, today=self.today, units=self.units)
            self.app.switch_screen(screen)

    def action_new_round(self) -> None:
        from tui.flows.followup import start_new_round

        start_new_round(self.app, self.plan_id, today=self.today, replace_screen=True)

    def action_toggle_closed(self) -> None:
        if not self._ready(self.action_toggle_closed, all_rows=True):
            return
        from tui.modals.confirm import ConfirmModal

        if self.closed:
            self.app.push_screen(
                ConfirmModal(t("checklist.reopen_title", name=self.round_name), t("checklist.reopen_body"),
                             yes=t("checklist.reopen_yes")),
                lambda yes: self._set_closed(False) if yes else None,
            )  # fmt: skip
            return
        left = self.meeting.not_reviewed
        if not left:
            self._set_closed(True)
            return
        self.app.push_screen(
            ConfirmModal(
                t("checklist.close_title", name=self.round_name),
                t("checklist.close_body", n=left, total=len(self.meeting.order)),
                yes=t("checklist.close_yes"),
            ),
            lambda yes: self._set_closed(True) if yes else None,
        )

    def _set_closed(self, closed: bool) -> None:
        def job() -> None:
            from db.errors import HrplanError
            from db.queries.rounds import set_round_closed

            try:
                with self.app.database.write() as session:
                    set_round_closed(self.round_id, closed, session=session)
            except HrplanError as exc:
                self.post_message(self.SaveFailed(None, exc.message()))
                return
            except Exception as exc:  # noqa: BLE001  (the writing thread must go on, and say what failed)
                self.post_message(self.SaveFailed(None, t("checklist.save_failed", reason=str(exc))))
                return
            self.post_message(self.Reload(t("checklist.now_closed" if closed else "checklist.now_open",
                                            name=self.round_name)))  # fmt: skip

        self._writes.put(job)

    def action_delete_round(self) -> None:
        if self._ready(self.action_delete_round):
            self._ask_delete()

    @work(thread=True, group="checklist-delete")
    def _ask_delete(self) -> None:
        from db.errors import HrplanError
        from db.queries.rounds import round_contents

        try:
            with self.app.database.read() as session:
                contents = round_contents(self.round_id, session=session)
        except HrplanError as exc:
            self.post_message(self.SaveFailed(None, exc.message()))
            return
        self.app.call_from_thread(self._confirm_delete, contents)

    def _confirm_delete(self, contents: object) -> None:
        from tui.modals.confirm import ConfirmModal

        body = t("checklist.delete_body", entries=contents.entries, reviewed=contents.reviewed,
                 comments=contents.comments)  # fmt: skip
        self.app.push_screen(
            ConfirmModal(t("checklist.delete_title", name=contents.name), body, yes=t("checklist.delete_yes"),
                         danger=True),
            lambda yes: self._writes.put(self._delete) if yes else None,
        )  # fmt: skip

    def _delete(self) -> None:
        from db.errors import HrplanError
        from db.queries.rounds import delete_round

        try:
            with self.app.database.write() as session:
                gone = delete_round(self.round_id, session=session)
        except HrplanError as exc:
            self.post_message(self.SaveFailed(None, exc.message()))
            return
        except Exception as exc:  # noqa: BLE001  (the writing thread must go on, and say what failed)
            self.post_message(self.SaveFailed(None, t("checklist.save_failed", reason=str(exc))))
            return
        self.post_message(self.LoadFailed(t("checklist.deleted", name=gone.name), "information"))

    def action_back(self) -> None:
        self.dismiss()
