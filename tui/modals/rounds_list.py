"""The plan's follow-up rounds: open an earlier one, close or reopen, compare two.

Dismisses with the id of the round to open, or None. Closing and reopening are stored here (in a
worker, one change each); reopening asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from i18n import t
from i18n.formatting import date_text
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_list import Column, Row, RowList

if TYPE_CHECKING:
    from db.queries.rounds import RoundSummary


class RoundsListModal(ModalScreen[int | None]):
    DEFAULT_CSS = """
    RoundsListModal { align: center middle; }
    RoundsListModal > Vertical {
        width: 90; max-width: 95%; height: 18; max-height: 90%; padding: 0 1;
        border: thick $accent; background: $panel;
    }
    RoundsListModal .rounds-title { text-style: bold; padding: 1 0; }
    RoundsListModal RowList { height: 1fr; }
    RoundsListModal .rounds-hint { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "close", "key.close", id="rounds.close"),
        Binding("enter", "open", "key.open_round", id="rounds.open"),
        Binding("space", "mark", "key.mark_round", id="rounds.mark"),
        Binding("v", "compare", "key.compare", id="rounds.compare"),
        Binding("S", "toggle_closed", "key.close_round", id="rounds.toggle_closed"),
    ]

    class Loaded(Message):
        def __init__(self, rounds: list[RoundSummary]) -> None:
            super().__init__()
            self.rounds = rounds

    class Failed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, plan_id: int, *, current_round: int | None = None) -> None:
        super().__init__()
        self.plan_id = plan_id
        self.current_round = current_round
        self.rounds: dict[int, RoundSummary] = {}
        self.marked: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("rounds.title"), classes="rounds-title")
            yield RowList(
                [
                    Column("", width=2, min_width=2),
                    Column(t("field.round_name"), weight=2),
                    Column(t("field.round_date"), width=11),
                    Column(t("rounds.col_state"), width=8),
                    Column(t("rounds.col_done"), width=9, justify="right"),
                    Column(t("rounds.col_reviewed"), width=11, justify="right"),
                ],
                empty_text=t("rounds.empty"),
                id="rounds",
            )
            yield Static(t("rounds.hint"), classes="rounds-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="rounds-load")
    def load(self) -> None:
        from db.errors import HrplanError
        from db.queries.rounds import list_rounds

        try:
            with self.app.database.read() as session:
                rounds = list_rounds(self.plan_id, session=session)
        except HrplanError as exc:
            self.post_message(self.Failed(exc.message()))
            return
        self.post_message(self.Loaded(rounds))

    def _cells(self, r: RoundSummary) -> tuple:
        mark = "▶" if r.id == self.current_round else ("◆" if r.id == self.marked else "")
        state = Text(t("rounds.closed"), "dim") if r.closed else Text(t("rounds.open"), "bold #4cbf6a")
        return (mark, r.name, date_text(r.date), state, f"{r.done}/{r.entries}",
                f"{r.reviewed}/{r.entries}")

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.rounds = {r.id: r for r in message.rounds}
        row_list = self.query_one(RowList)
        row_list.set_rows([Row(key=r.id, cells=self._cells(r)) for r in message.rounds])
        if self.current_round in self.rounds and row_list.cursor_key is None:
            row_list.move_cursor_to(self.current_round)
        row_list.focus()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error")

    def _highlighted(self) -> RoundSummary | None:
        return self.rounds.get(self.query_one(RowList).cursor_key)

    @on(RowList.Selected)
    def action_open(self) -> None:
        chosen = self._highlighted()
        if chosen is not None:
            self.dismiss(chosen.id)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_mark(self) -> None:
        chosen = self._highlighted()
        if chosen is None:
            return
        old, self.marked = self.marked, (None if self.marked == chosen.id else chosen.id)
        row_list = self.query_one(RowList)
        for rid in {old, self.marked} - {None}:
            row_list.update_row(rid, self._cells(self.rounds[rid]))

    def action_compare(self) -> None:
        from tui.modals.round_comparison import RoundComparisonModal

        chosen = self._highlighted()
        if chosen is None:
            return
        other = self.marked if self.marked not in (None, chosen.id) else None
        if other is None:
            ordered = list(self.rounds)  # newest first: the one after is the round before
            index = ordered.index(chosen.id)
            other = ordered[index + 1] if index + 1 < len(ordered) else None
        if other is None:
            self.notify(t("rounds.nothing_to_compare"), severity="warning")
            return
        self.app.push_screen(RoundComparisonModal(other, chosen.id))

    def action_toggle_closed(self) -> None:
        chosen = self._highlighted()
        if chosen is None:
            return
        if not chosen.closed:
            self._set_closed(chosen.id, True)
            return
        from tui.modals.confirm import ConfirmModal

        self.app.push_screen(
            ConfirmModal(t("checklist.reopen_title", name=chosen.name), t("checklist.reopen_body"),
                         yes=t("checklist.reopen_yes")),
            lambda yes: self._set_closed(chosen.id, False) if yes else None,
        )  # fmt: skip

    @work(thread=True, exclusive=True, group="rounds-write")
    def _set_closed(self, round_id: int, closed: bool) -> None:
        from db.errors import HrplanError
        from db.queries.rounds import list_rounds, set_round_closed

        try:
            with self.app.database.write() as session:
                set_round_closed(round_id, closed, session=session)
                rounds = list_rounds(self.plan_id, session=session)
        except HrplanError as exc:
            self.post_message(self.Failed(exc.message()))
            return
        self.post_message(self.Loaded(rounds))
