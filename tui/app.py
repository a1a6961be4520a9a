"""The hrplan app: styles, global keys, the command palette and which screen comes first."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from db.engine import Database
from i18n import t
from tui.bindings import key_label
from tui.commands.export import ExportCommands
from tui.commands.followup import FollowUpCommands
from tui.commands.importing import ImportCommands
from tui.commands.plan import PlanCommands
from tui.commands.plans import PlansCommands
from tui.screens.plans import PlansScreen
from tui.textual_private import CrashWithoutLocals, Palette


class HrplanApp(CrashWithoutLocals):
    CSS_PATH = "app.tcss"
    TITLE = "hrplan"
    COMMANDS = CrashWithoutLocals.COMMANDS | {
        PlansCommands, PlanCommands, FollowUpCommands, ExportCommands, ImportCommands,
    }  # fmt: skip
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", id="app.quit", show=False),
        Binding("ctrl+p", "command_palette", "key.palette", id="app.palette", show=False, priority=True),
    ]

    def __init__(self, *, database: Database, lang: str) -> None:
        super().__init__()
        self.database = database
        self.lang = lang

    def get_default_screen(self) -> Screen:
        """The first screen is the bottom one of the stack: a coordinator's plans, a manager's own
        rounds. (Textual's blank default screen under it would be one more screen to compose, lay
        out and paint before the first one takes a key.)"""
        if self.database.principal.is_manager:
            from tui.screens.my_rounds import MyRoundsScreen

            return MyRoundsScreen()
        return PlansScreen()

    def on_mount(self) -> None:
        self.title = t("app.title")
        self._end_with_the_terminal()

    def _end_with_the_terminal(self) -> None:
        """A hang-up, or a terminal that stopped answering, ends the app as ``q`` does (``tui.terminal``)."""
        if self.is_headless or self.is_web:
            return
        from tui.terminal import controlling_terminal, terminal_gone

        fd = controlling_terminal()
        if fd is None:
            return
        import asyncio
        import signal

        def lost() -> None:
            if not any(w.group == "terminal-lost" for w in self.workers):
                self.run_worker(self._terminal_lost(), group="terminal-lost")

        if signal.getsignal(signal.SIGHUP) is not signal.SIG_IGN:  # not started with ``nohup``
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, lost)
        self.set_interval(1.0, lambda: terminal_gone(fd) and lost(), name="terminal-watch")

    async def _terminal_lost(self) -> None:
        """What is being stored is stored, the database is closed, and the process ends. Not through
        ``exit``: Textual's shutdown writes to the terminal, and with it gone that write never ends."""
        import asyncio
        import os

        from textual.worker import WorkerState, get_current_worker

        this, busy = get_current_worker(), (WorkerState.PENDING, WorkerState.RUNNING)
        while any(w is not this and w.state in busy for w in self.workers):
            await asyncio.sleep(0.02)
        self.database.dispose()
        from db.engine import close_pools

        close_pools()
        os._exit(0)

    def on_unmount(self) -> None:
        self.database.dispose()

    # ---- Textual's own texts, in the user's language ------------------------------------------
    def get_key_display(self, binding: Binding) -> str:
        return binding.key_display or key_label(binding.key)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette", placeholder=t("palette.placeholder")))

    def action_change_theme(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(Palette(providers=[ThemeProvider], placeholder=t("palette.themes_placeholder")))

    def action_help_quit(self) -> None:
        """Ctrl+C (which does not quit) says which key does."""
        self.notify(t("system.quit_how", key=key_label("ctrl+q")), title=t("system.quit_how_title"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's system commands, named in the user's language; "Keys" opens hrplan's help."""
        yield SystemCommand(t("system.theme"), t("system.theme_help"), self.action_change_theme)
        if hasattr(screen, "action_help"):
            yield SystemCommand(t("system.keys"), t("system.keys_help"), screen.action_help)
        if screen.maximized is not None:
            yield SystemCommand(t("system.minimize"), t("system.minimize_help"), screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(t("system.maximize"), t("system.maximize_help"), screen.action_maximize)
        yield SystemCommand(t("system.screenshot"), t("system.screenshot_help"), self.take_screenshot)
        yield SystemCommand(t("system.quit"), t("system.quit_help"), self.action_quit)

    def take_screenshot(self) -> None:
        """An SVG of the screen in the documents folder (as the export suggests), and a notice naming it."""
        from tui.modals.export import default_folder

        try:
            path = self.save_screenshot(path=str(default_folder()))
        except OSError as exc:
            self.notify(t("system.screenshot_failed", reason=exc.strerror or type(exc).__name__),
                        severity="error")  # fmt: skip
        else:
            self.notify(t("system.screenshot_saved", path=path))
