"""The only place hrplan reaches into Textual where it has no public API for what is needed.

Each hook here overrides one private method of Textual, copied from the pinned Textual with one
change. ``tests/unit/test_textual_private.py`` compares the source of each original with the one
it was copied from, so a Textual upgrade that changes one fails that test instead of breaking the
app in silence. Everything else in hrplan uses Textual's public API.

- ``App._fatal_error``: on a crash Textual prints a traceback with local variables, which hold
  plans, names and comments (and crash output gets copied into bug reports). hrplan's shows none.
- ``CommandPalette._start_no_matches_countdown``: the palette's "No matches found" is written in
  English; hrplan's is in the user's language.
"""

from __future__ import annotations

from textual.app import App
from textual.command import CommandList, CommandPalette

from i18n import t

# Each original this module replaces, with the start of the SHA-256 of its source in the Textual it
# was copied from (8.2.8). When Textual changes one, compare, copy anew, and update the hash.
ORIGINALS = {
    "App._fatal_error": (App, "_fatal_error", "2474616cec7fa94d"),
    "CommandPalette._start_no_matches_countdown": (
        CommandPalette, "_start_no_matches_countdown", "0bc07d1794718e89"
    ),
}


class CrashWithoutLocals(App):
    """An app whose crash report leaves out local variables (Textual's shows them)."""

    def _fatal_error(self) -> None:
        from rich.traceback import Traceback

        self.bell()
        self.panic(Traceback(show_locals=False, width=None))


class Palette(CommandPalette):
    """The command palette, telling "no matches" in the user's language."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        from rich.align import Align
        from rich.text import Text
        from textual.widgets.option_list import Option

        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                command_list = self.query_one(CommandList)
                command_list.add_option(
                    Option(
                        Align.center(Text(t("palette.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
