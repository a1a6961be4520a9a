"""What every screen of hrplan shares: the help screen on ``?``."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen


class BaseScreen(Screen[None]):
    """A screen whose BINDINGS use message keys as descriptions (see ``tui.bindings.describe``), and
    which has ``?`` for help."""

    HELP_TITLE_KEY = "help.title"
    BINDINGS = [Binding("question_mark", "help", "key.help", id="screen.help")]

    @property
    def may_change_plans(self) -> bool:
        """Whether the app acts for a coordinator. Others (in a browser) see no keys that change a plan;
        the storage layer refuses such changes whatever screen asks (``db.access``)."""
        return self.app.database.principal.is_coordinator

    def action_help(self) -> None:
        from i18n import t
        from tui.modals.help import HelpModal, rows_for

        self.app.push_screen(HelpModal(t(self.HELP_TITLE_KEY), rows_for(self)))
