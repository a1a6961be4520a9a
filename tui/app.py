"""The hrplan app: styles, global keys, the command palette and which screen comes first."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from db.engine import Database
from tui.bindings import translate_bindings
from tui.commands.export import ExportCommands
from tui.commands.followup import FollowUpCommands
from tui.commands.importing import ImportCommands
from tui.commands.plan import PlanCommands
from tui.commands.plans import PlansCommands
from tui.screens.plans import PlansScreen


class HrplanApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "hrplan"
    COMMANDS = App.COMMANDS | {PlansCommands, PlanCommands, FollowUpCommands, ExportCommands, ImportCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", id="app.quit", show=False),
        Binding("ctrl+p", "command_palette", "key.palette", id="app.palette", show=False, priority=True),
    ]

    def __init__(self, *, database: Database, lang: str) -> None:
        super().__init__()
        self.database = database
        self.lang = lang
        translate_bindings(self)

    def on_mount(self) -> None:
        from i18n import t

        self.title = t("app.title")
        if self.database.principal.is_manager:
            from tui.screens.my_rounds import MyRoundsScreen

            self.push_screen(MyRoundsScreen())
        else:
            self.push_screen(PlansScreen())

    def on_unmount(self) -> None:
        self.database.dispose()

    def _fatal_error(self) -> None:
        """A crash shows the traceback without local variables: they hold plans, names and comments,
        and crash output gets copied into bug reports. (Textual's own version shows them.)"""
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None)
        self._exit_renderables.append(Segments(self.console.render(traceback, self.console.options)))
        self._close_messages_no_wait()
