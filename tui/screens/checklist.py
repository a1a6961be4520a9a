"""The follow-up checklist: every activity of a round, set with one key while the meeting goes on.

A key press changes the row in memory and on screen at once (one line redrawn, the header's tally
adjusted) and queues the write; a single writing thread stores the presses in order, each as one
change. A failed write puts the row back as stored and says why. Nothing is read from the database
per key press.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Header
from textual.worker import get_current_worker

from i18n import t
from models.checklist import WHOLE_PLAN, ChecklistFilter, Tally, toggle_done
from models.dates import is_overdue
from models.status import STATUS_ORDER
from tui.screens.base import BaseScreen
from tui.widgets.checklist_progress import STATUS_STYLES, ChecklistProgress
from tui.widgets.db_watcher import DatabaseWatcher
from tui.widgets.key_bar import KeyBar
from tui.widgets.line_editor import LineEditor
from tui.widgets.row_list import Column, Row, RowList
from tui.write_queue import WriteQueue

if TYPE_CHECKING:
    from db.queries.rounds import Checklist, ChecklistRow, EntryState

# Actions that change the round: disabled while it is closed or not yet loaded.
WRITE_ACTIONS = {"toggle_done", "set_status", "comment", "undo"}
# Actions that look at every row: they wait until the rows beyond the first screenful are read.
ALL_ROWS_ACTIONS = {"next_unreviewed", "search", "filters", "toggle_overdue", "clear_filters"}
LOADED_ACTIONS = WRITE_ACTIONS | ALL_ROWS_ACTIONS | {"history", "rounds", "new_round", "toggle_closed"}
# Actions on the round itself: a coordinator's (a manager sets statuses and comments, a viewer reads).
ROUND_ACTIONS = {"rounds", "new_round", "toggle_closed"}
# Rows read first when a checklist opens, more than a terminal shows: the first paint waits for these
# and the progress counts only; the rest follows at once.
FIRST_ROWS = 150


def _unit(unit_id: int | None) -> int:
    return unit_id if unit_id is not None else WHOLE_PLAN


@dataclass(frozen=True, slots=True)
class Shown:
    """An entry as the checklist shows it (maybe ahead of the database by a queued write)."""

    status: str
    comment: str
    reviewed: bool


class ChecklistScreen(BaseScreen):
    HELP_TITLE_KEY = "checklist.help_title"
    DEFAULT_CSS = """
    ChecklistScreen RowList { height: 1fr; }
    ChecklistScreen #checklist-empty { display: none; }
    """
    BINDINGS = [
        Binding("space", "toggle_done", "key.toggle_done", id="checklist.toggle_done"),
        *(
            Binding(str(n), f"set_status('{s.value}')", f"status.{s.value}", id=f"checklist.status_{n}",
                    show=False)
            for n, s in enumerate(STATUS_ORDER, start=1)
        ),  # fmt: skip
        Binding("c", "comment", "key.comment", id="checklist.comment"),
        Binding("n", "next_unreviewed(1)", "key.next_unreviewed", id="checklist.next"),
        Binding("p", "next_unreviewed(-1)", "key.previous_unreviewed", id="checklist.previous", show=False),
        Binding("ctrl+z", "undo", "key.undo", id="checklist.undo"),
        Binding("slash", "search", "key.search", id="checklist.search"),
        Binding("f", "filters", "key.filters", id="checklist.filters"),
        Binding("o", "toggle_overdue", "key.overdue", id="checklist.overdue", show=False),
        Binding("X", "clear_filters", "key.clear_filters", id="checklist.clear_filters", show=False),
        Binding("x", "export", "key.export", id="checklist.export"),
        Binding("h", "history", "key.history", id="checklist.history", show=False),
        Binding("r", "rounds", "key.rounds", id="checklist.rounds", show=False),
        Binding("N", "new_round", "key.new_round", id="checklist.new_round", show=False),
        Binding("S", "toggle_closed", "key.close_round", id="checklist.toggle_closed", show=False),
        Binding("escape", "back", "key.back", id="checklist.back"),
    ]

    class Loaded(Message):
        """The round as read, with its rows, tally and cells already built (in the worker)."""

        def __init__(self, checklist: Checklist, shown: dict[int, Shown], rows: dict[int, Row],
                     tally: Tally, unit_names: dict[int, str], *, complete: bool = True,
                     after_head: bool = False) -> None:  # fmt: skip
            super().__init__()
            self.complete = complete  # False: the first screenful of rows only (the tally is whole)
            self.after_head = after_head  # the rest of the rows of a first screenful sent before
            self.checklist = checklist
            self.shown = shown
            self.rows = rows
            self.tally = tally
            self.unit_names = unit_names

    class LoadFailed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Saved(Message):
        """A queued write is stored (or an undo brought this entry back)."""

        def __init__(self, state: EntryState, *, undone: bool = False) -> None:
            super().__init__()
            self.state = state
            self.undone = undone

    class SaveFailed(Message):
        def __init__(self, activity_id: int | None, text: str) -> None:
            super().__init__()
            self.activity_id = activity_id
            self.text = text

    class Reload(Message):
        """Something beyond one entry changed (undo, close, reopen): read the round again."""

        def __init__(self, text: str = "") -> None:
            super().__init__()
            self.text = text

    def __init__(
        self, plan_id: int, round_id: int, *, today: date | None = None, units: frozenset[str] | None = None
    ) -> None:
        super().__init__()
        self.plan_id = plan_id
        self.round_id = round_id
        self.units = units  # only the activities of these units (a manager's); None: all
        self.today = today or date.today()
        self.closed = False
        self.loaded = False  # every row read (not only the first screenful)
        self._head_only = False
        self.round_name = ""
        self.filter = ChecklistFilter()
        self._data: dict[int, ChecklistRow] = {}
        self._shown: dict[int, Shown] = {}
        self._saved: dict[int, Shown] = {}
        self._pending: dict[int, int] = {}
        self._before_done: dict[int, str] = {}
        self._rows: dict[int, Row] = {}
        self._order: list[int] = []
        self._unit_names: dict[int, str] = {}
        self._tally = Tally()
        self._writes = WriteQueue(self._run_writes)
        self._marks = {True: Text("✓", style="#5a9ee0"), False: Text("·", style="dim")}
        self._status_cells = {
            s.value: Text(t(f"status.{s.value}"), style=STATUS_STYLES[s.value]) for s in STATUS_ORDER
        }
        self._editing: int | None = None

    # ---- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield ChecklistProgress(id="checklist-progress")
        yield RowList(
            [
                Column("", width=1, min_width=1),
                Column(t("checklist.col_activity"), weight=4, min_width=20),
                Column(t("col.target"), width=14),
                Column(t("checklist.col_responsible"), weight=2, min_width=12),
                Column(t("col.status"), width=11),
                Column(t("checklist.col_comment"), weight=3, min_width=12),
                Column(t("checklist.col_previous"), weight=2, min_width=10),
            ],
            empty_text=t("checklist.loading"),
            id="checklist",
        )
        yield LineEditor(id="comment-editor")
        yield DatabaseWatcher(self.app.database)
        yield LineEditor(id="search", placeholder=t("checklist.search_placeholder"))
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = t("checklist.title")
        self.load()

    # ---- loading ---------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="checklist-load")
    def load(self) -> None:
        """Read the round. Opening, the first screenful and the counts come first (one paint with the
        header and the rows on screen), the other rows right after, in the same read transaction."""
        from db.errors import HrplanError
        from db.queries.rounds import checklist, status_counts

        worker = get_current_worker()
        first = not self._data
        try:
            with self.app.database.read() as session:
                counts = status_counts(self.round_id, session=session, units=self.units)
                tally = Tally.counted(((_unit(c.unit_id), c.status, c.reviewed), c.count) for c in counts)
                unit_names = {_unit(c.unit_id): c.unit or t("whole_plan") for c in counts}
                head_sent = False
                if first:
                    head = checklist(self.round_id, session=session, limit=FIRST_ROWS, units=self.units)
                    head_sent = len(head.rows) == FIRST_ROWS and not worker.is_cancelled
                    if head_sent:
                        self._post_loaded(head, tally, unit_names, complete=False)
                data = checklist(self.round_id, session=session, units=self.units)
        except HrplanError as exc:
            self.post_message(self.LoadFailed(exc.message()))
            return
        if not worker.is_cancelled:  # a newer load started meanwhile: it wins
            self._post_loaded(data, tally, unit_names, complete=True, after_head=head_sent)

    def _post_loaded(self, data: Checklist, tally: Tally, unit_names: dict[int, str], *,
                     complete: bool, after_head: bool = False) -> None:  # fmt: skip
        # A row's cells are built only when its line is first drawn (``_row_cells``): opening
        # 5,000 activities builds the cells of one screenful.
        shown = {r.activity_id: Shown(r.status, r.comment, r.reviewed) for r in data.rows}
        rows = {aid: Row(key=aid, factory=partial(self._row_cells, aid)) for aid in shown}
        self.post_message(self.Loaded(data, shown, rows, tally, unit_names, complete=complete,
                                      after_head=after_head))  # fmt: skip

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        data = message.checklist
        # The rest of a first screenful: those rows stay as they are (a key may have changed them).
        rest = message.after_head and self._head_only
        self._head_only = not message.complete
        self.loaded = message.complete
        self.closed = data.round.closed
        self.round_name = data.round.name
        self.sub_title = " · ".join(
            part for part in (
                data.plan_title, f"{data.round.name} ({data.round.date.isoformat()})",
                t("checklist.closed") if self.closed else "",
            ) if part
        )  # fmt: skip
        self._data = {r.activity_id: r for r in data.rows}
        self._order = [r.activity_id for r in data.rows]
        row_list = self.query_one(RowList)
        if rest:
            self._shown = message.shown | self._shown
            self._saved = message.shown | self._saved
            self._rows = message.rows | self._rows
        else:
            self._shown = message.shown
            self._saved = dict(self._shown)
            self._pending.clear()
            self._unit_names = message.unit_names
            self._tally = message.tally
            self._rows = message.rows
            row_list.focus()
        row_list.empty_text = t("checklist.no_activities")
        self._apply_filter()
        self.refresh_bindings()
        self._show_progress()

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.notify(message.text, severity="error")
        self.dismiss()

    # ---- drawing ---------------------------------------------------------------------------
    def _cells(self, row: ChecklistRow, shown: Shown) -> tuple:
        title = row.goal.strip() or row.description.strip()
        target = row.target_text or ("—" if not row.ongoing else t("target.ongoing"))
        overdue = is_overdue(row.target_date, shown.status, self.today)
        # Shared Text objects where the cell is the same for many rows: opening 5,000 rows makes
        # few objects (RowList copies a Text before drawing it, so sharing is safe).
        return (
            self._marks[shown.reviewed],
            f"{row.number}. {title}" if row.number is not None else title,
            Text(target, style="bold #e05050") if overdue else target,
            row.responsible,
            self._status_cells[shown.status],
            shown.comment,
            Text(row.previous_comment, style="dim") if row.previous_comment else "",
        )

    def _row_cells(self, aid: int) -> tuple:
        """The cells of a row as shown now; RowList calls this when the line is first drawn."""
        return self._cells(self._data[aid], self._shown[aid])

    def _redraw(self, aid: int) -> None:
        row = self._rows.get(aid)
        if row is None:
            return
        self.query_one(RowList).update_row(aid, self._row_cells(aid))

    def _show_progress(self) -> None:
        note = ""
        if self.closed:
            note = t("checklist.closed_note")
        elif self.filter.active:
            note = t("checklist.filtered", shown=len(self._visible()), total=len(self._order))
        current = self._data.get(self._cursor())
        unit = None if current is None else (current.unit_id if current.unit_id is not None else WHOLE_PLAN)
        self.query_one(ChecklistProgress).show(self._tally, self._unit_names, current_unit=unit, note=note)

    def _visible(self) -> list[int]:
        f = self.filter
        if not f.active:
            return self._order
        result = []
        for aid in self._order:
            r, s = self._data[aid], self._shown[aid]
            if f.matches(
                unit=r.unit_id if r.unit_id is not None else WHOLE_PLAN, area=r.area,
                responsible=r.responsible, status=s.status, due=r.target_date, today=self.today,
                texts=(r.goal, r.description, r.responsible, r.target_text, s.comment,
                       r.previous_comment, r.unit or "", r.area),
            ):  # fmt: skip
                result.append(aid)
        return result

    def _apply_filter(self) -> None:
        rows: list[Row] = []
        group = None
        for aid in self._visible():
            r = self._data[aid]
            key = (r.unit_id, r.area)
            if key != group:
                group = key
                rows.append(Row(key=("group", *key), cells=(f"{r.unit or t('whole_plan')}  ›  {r.area}",),
                                group=True))  # fmt: skip
            rows.append(self._rows[aid])
        row_list = self.query_one(RowList)
        row_list.empty_text = t("checklist.no_match" if self.filter.active else "checklist.no_activities")
        row_list.set_rows(rows)
        if self.loaded:
            self._show_progress()

    def _cursor(self) -> int | None:
        key = self.query_one(RowList).cursor_key
        return key if isinstance(key, int) else None

    @on(RowList.Highlighted)
    def _highlighted(self) -> None:
        if self._data and len(self._unit_names) > 1:
            self._show_progress()

    # ---- changing entries ------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in LOADED_ACTIONS and not self._data:
            return None
        if action in ALL_ROWS_ACTIONS and not self.loaded:
            return None
        if action in WRITE_ACTIONS and self.closed:
            return None
        principal = self.app.database.principal
        if action in ROUND_ACTIONS and not principal.is_coordinator:
            return False
        if action in WRITE_ACTIONS and not (principal.is_coordinator or principal.is_manager):
            return False
        return True

    def _change(self, aid: int, *, status: str | None = None, comment: str | None = None) -> None:
        """Show the change now, and queue it for the writing thread."""
        old = self._shown[aid]
        new = Shown(status if status is not None else old.status,
                    comment if comment is not None else old.comment, True)  # fmt: skip
        if new == old:
            return
        unit = self._data[aid].unit_id if self._data[aid].unit_id is not None else WHOLE_PLAN
        self._tally.change(unit, (old.status, old.reviewed), (new.status, new.reviewed))
        self._shown[aid] = new
        self._redraw(aid)
        self._show_progress()
        self._pending[aid] = self._pending.get(aid, 0) + 1
        self._writes.put(lambda: self._write(aid, status, comment))

    def _write(self, aid: int, status: str | None, comment: str | None) -> None:
        """In the writing thread: one transaction, one change."""
        from db.errors import HrplanError
        from db.queries.rounds import update_entry

        try:
            with self.app.database.write() as session:
                state = update_entry(self.round_id, aid, session=session, status=status, comment=comment)
        except HrplanError as exc:
            from db.errors import RoundClosedError

            self.post_message(self.SaveFailed(aid, exc.message()))
            if isinstance(exc, RoundClosedError):
                self.post_message(self.Reload())  # closed elsewhere: show it read-only
            return
        except Exception as exc:  # noqa: BLE001  (any failure must put the row back, not pass silently)
            self.post_message(self.SaveFailed(aid, t("checklist.save_failed", reason=str(exc))))
            return
        self.post_message(self.Saved(state))

    @on(Saved)
    def _saved_entry(self, message: Saved) -> None:
        state = message.state
        aid = state.activity_id
        if aid not in self._data:
            return
        self._saved[aid] = Shown(state.status, state.comment, state.reviewed)
        if message.undone:
            self._settle(aid)
            self.query_one(RowList).move_cursor_to(aid)
            self.notify(t("checklist.undone", activity=self._data[aid].goal or self._data[aid].description))
        else:
            self._done_pending(aid)

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self.notify(message.text, severity="error", timeout=8)
        if message.activity_id is not None and message.activity_id in self._data:
            self._done_pending(message.activity_id)

    def _done_pending(self, aid: int) -> None:
        self._pending[aid] = self._pending.get(aid, 1) - 1
        if self._pending[aid] <= 0:
            self._pending.pop(aid, None)
            self._settle(aid)

    def _settle(self, aid: int) -> None:
        """Show the entry as stored, when that differs from what is shown (a failure, an undo)."""
        stored, shown = self._saved[aid], self._shown[aid]
        if stored == shown:
            return
        unit = self._data[aid].unit_id if self._data[aid].unit_id is not None else WHOLE_PLAN
        self._tally.change(unit, (shown.status, shown.reviewed), (stored.status, stored.reviewed))
        self._shown[aid] = stored
        self._redraw(aid)
        self._show_progress()

    def action_set_status(self, status: str) -> None:
        aid = self._cursor()
        if aid is None:
            return
        current = self._shown[aid].status
        if status == "done" and current != "done":
            self._before_done[aid] = current
        self._change(aid, status=status)

    def action_toggle_done(self) -> None:
        aid = self._cursor()
        if aid is None:
            return
        current = self._shown[aid].status
        target = toggle_done(current, self._before_done.get(aid), self._data[aid].previous_status)
        if target == "done":
            self._before_done[aid] = current
        self._change(aid, status=target)

    def action_comment(self) -> None:
        aid = self._cursor()
        if aid is None:
            return
        row = self._data[aid]
        title = row.goal or row.description
        self.query_one("#comment-editor", LineEditor).open(
            self._shown[aid].comment, t("checklist.comment_title", activity=title[:60])
        )
        self._editing = aid

    @on(LineEditor.Submitted, "#comment-editor")
    def _comment_kept(self, event: LineEditor.Submitted) -> None:
        editor = self.query_one("#comment-editor", LineEditor)
        aid = self._editing
        editor.close()
        self.query_one(RowList).focus()
        if aid is not None and not self.closed:
            from models.limits import TEXT_MAX
            from models.validation import Invalid, clean_text

            try:
                text = clean_text(editor.text, limit=TEXT_MAX)
            except Invalid as exc:
                self.notify(t(exc.key, **exc.params), severity="error")
                return
            self._change(aid, comment=text)

    @on(LineEditor.Dropped, "#comment-editor")
    def _comment_dropped(self) -> None:
        self.query_one("#comment-editor", LineEditor).close()
        self.query_one(RowList).focus()

    def action_undo(self) -> None:
        self._writes.put(self._undo)

    def _undo(self) -> None:
        from db.changes import undo_last
        from db.errors import HrplanError
        from db.queries.rounds import entry_state
        from models.followup import FollowUpEntry, FollowUpRound

        try:
            with self.app.database.write() as session:
                result = undo_last(session, plan_id=self.plan_id)
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
        if result is None:
            self.post_message(self.SaveFailed(None, t("error.nothing_to_undo")))
        elif state is not None:
            self.post_message(self.Saved(state, undone=True))
        else:
            self.post_message(self.Reload(t("checklist.undone_other")))

    @property
    def current_plan_id(self) -> int:
        return self.plan_id

    @property
    def current_round_id(self) -> int:
        return self.round_id

    def action_export(self) -> None:
        from tui.flows.export import open_export

        open_export(self.app, self.plan_id, self.round_id)

    @on(DatabaseWatcher.Changed)
    def _changed_elsewhere(self) -> None:
        """Another hrplan or a script saved something. Ticks still being stored are kept on screen:
        the reload waits until this checklist's own writes are through."""
        if self._writes.busy or self._editing is not None:
            self.set_timer(0.5, self._changed_elsewhere)
            return
        self.load()

    @on(Reload)
    def _reload(self, message: Reload) -> None:
        if message.text:
            self.notify(message.text)
        self.load()

    @work(thread=True, group="checklist-writes")
    def _run_writes(self) -> None:
        self._writes.run()

    def shown_status(self, aid: int) -> str:
        return self._shown[aid].status

    def shown_comment(self, aid: int) -> str:
        return self._shown[aid].comment

    def row_data(self, aid: int) -> ChecklistRow:
        return self._data[aid]

    @property
    def pending_writes(self) -> int:
        """Key presses shown but not yet stored (or failed)."""
        return sum(self._pending.values())

    # ---- moving, searching, filtering --------------------------------------------------------
    def action_next_unreviewed(self, step: int) -> None:
        visible = self._visible()
        if not visible:
            return
        cursor = self._cursor()
        start = visible.index(cursor) if cursor in visible else -step
        for i in range(1, len(visible) + 1):
            aid = visible[(start + step * i) % len(visible)]
            if not self._shown[aid].reviewed:
                self.query_one(RowList).move_cursor_to(aid)
                return
        self.notify(t("checklist.all_reviewed"))

    def action_search(self) -> None:
        self.query_one("#search", LineEditor).open(self.filter.search, t("checklist.search_title"))

    @on(LineEditor.Changed, "#search")
    def _search_changed(self, event: LineEditor.Changed) -> None:
        if event.value != self.filter.search:
            self.filter = replace(self.filter, search=event.value)
            self._apply_filter()

    @on(LineEditor.Submitted, "#search")
    def _search_kept(self) -> None:
        self.query_one("#search", LineEditor).close()
        self.query_one(RowList).focus()

    @on(LineEditor.Dropped, "#search")
    def _search_dropped(self) -> None:
        self.query_one("#search", LineEditor).close()
        self.filter = replace(self.filter, search="")
        self._apply_filter()
        self.query_one(RowList).focus()

    def action_filters(self) -> None:
        from tui.modals.checklist_filter import ChecklistFilterModal, FilterChoices

        choices = FilterChoices.from_rows(self._data.values(), self._unit_names)
        self.app.push_screen(ChecklistFilterModal(choices, self.filter), self._filters_chosen)

    def _filters_chosen(self, chosen: ChecklistFilter | None) -> None:
        if chosen is not None:
            self.filter = replace(chosen, search=self.filter.search)
            self._apply_filter()

    def action_toggle_overdue(self) -> None:
        self.filter = replace(self.filter, overdue=not self.filter.overdue)
        self._apply_filter()

    def action_clear_filters(self) -> None:
        self.filter = ChecklistFilter()
        self._apply_filter()

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
            self.load()  # a round may have been closed or reopened from the list
        elif round_id != self.round_id:
            screen = ChecklistScreen(self.plan_id, round_id, today=self.today, units=self.units)
            self.app.switch_screen(screen)

    def action_new_round(self) -> None:
        from tui.flows.followup import start_new_round

        start_new_round(self.app, self.plan_id, today=self.today, replace_screen=True)

    def action_toggle_closed(self) -> None:
        if not self.closed:
            self._set_closed(True)
            return
        from tui.modals.confirm import ConfirmModal

        self.app.push_screen(
            ConfirmModal(t("checklist.reopen_title", name=self.round_name), t("checklist.reopen_body"),
                         yes=t("checklist.reopen_yes")),
            lambda yes: self._set_closed(False) if yes else None,
        )  # fmt: skip

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
            self.post_message(self.Reload(t("checklist.now_closed" if closed else "checklist.now_open",
                                            name=self.round_name)))  # fmt: skip

        self._writes.put(job)

    def action_back(self) -> None:
        self.dismiss()
