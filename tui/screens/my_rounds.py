"""A manager's start screen: "my activities in the open rounds", one line per open round of a plan that
holds their units, counted over their units. Enter opens the checklist of that round limited to those
units; with a single open round it opens at once. The text at the top says what to do, so a first visit
needs no manual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Header, Static

from i18n import t
from tui.screens.base import BaseScreen
from tui.widgets.db_watcher import DatabaseWatcher
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_list import Column, Row, RowList

if TYPE_CHECKING:
    from db.queries.rounds import MyRound


class MyRoundsScreen(BaseScreen):
    HELP_TITLE_KEY = "my.help_title"
    DEFAULT_CSS = """
    MyRoundsScreen #my-intro { height: auto; padding: 1 1 0 1; }
    MyRoundsScreen RowList { height: 1fr; margin-top: 1; }
    """
    BINDINGS = [
        Binding("enter", "open", "my.key_open", id="my.open"),
        Binding("q", "leave", "my.key_leave", id="my.leave"),
    ]

    class Loaded(Message):
        def __init__(self, rounds: tuple[MyRound, ...]) -> None:
            super().__init__()
            self.rounds = rounds

    class Failed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self) -> None:
        super().__init__()
        self._rounds: dict[int, MyRound] = {}
        self._opened_once = False

    def compose(self) -> ComposeResult:
        yield Header()
        units = ", ".join(sorted(self.app.database.principal.units))
        yield Static(t("my.intro", units=units), id="my-intro")
        yield RowList(
            [
                Column(t("my.col_plan"), weight=3, min_width=16),
                Column(t("my.col_round"), weight=2, min_width=12),
                Column(t("my.col_activities"), width=11),
                Column(t("my.col_reviewed"), width=12),
                Column(t("my.col_done"), width=8),
            ],
            empty_text=t("checklist.loading"),
            id="my-rounds",
        )
        yield DatabaseWatcher(self.app.database)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = t("my.title")
        self.sub_title = self.app.database.principal.name or ""
        self.load()

    @work(thread=True, exclusive=True, group="my-rounds")
    def load(self) -> None:
        from db.errors import HrplanError
        from db.queries.rounds import open_rounds_for_units

        try:
            with self.app.database.read() as session:
                rounds = open_rounds_for_units(session=session)
        except HrplanError as exc:
            self.post_message(self.Failed(exc.message()))
            return
        self.post_message(self.Loaded(rounds))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self._rounds = {r.round_id: r for r in message.rounds}
        row_list = self.query_one(RowList)
        row_list.empty_text = t("my.none_open")
        row_list.set_rows(
            [
                Row(key=r.round_id, cells=(r.plan_title, f"{r.name} ({r.date.isoformat()})",
                                           str(r.activities), f"{r.reviewed}/{r.activities}",
                                           f"{r.done}/{r.activities}"))
                for r in message.rounds
            ]
        )  # fmt: skip
        row_list.focus()
        self.refresh_bindings()
        if len(message.rounds) == 1 and not self._opened_once:
            self._opened_once = True
            self.action_open()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error")

    @on(DatabaseWatcher.Changed)
    def _changed(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open" and not self._rounds:
            return None
        return True

    @on(RowList.Selected)
    def action_open(self) -> None:
        from tui.screens.checklist import ChecklistScreen

        key = self.query_one(RowList).cursor_key
        chosen = self._rounds.get(key) if isinstance(key, int) else None
        if chosen is None:
            return
        units = self.app.database.principal.units
        self.app.push_screen(ChecklistScreen(chosen.plan_id, chosen.round_id, units=units))

    def action_leave(self) -> None:
        """In a browser: log out (the server ends the session); in a terminal: quit."""
        if self.app.is_web:
            self.app.open_url("/logout", new_tab=False)
        else:
            self.app.exit()
