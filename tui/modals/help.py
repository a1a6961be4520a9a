"""The help screen: every key of the screen it was opened from, with what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from i18n import t
from tui.bindings import describe, key_label

__all__ = ["HelpModal", "key_label", "rows_for"]


class HelpModal(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpModal { align: center middle; }
    HelpModal > VerticalScroll {
        width: 80; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    HelpModal .help-title { text-style: bold; margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "key.close", id="help.close")]

    def __init__(self, title: str, rows: list[tuple[str, str]], intro: str = "") -> None:
        """``rows`` are (keys, what the keys do), already in the user's language."""
        super().__init__()
        self._title = title
        self.rows = rows
        self._intro = intro

    def compose(self) -> ComposeResult:
        from rich.table import Table

        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column(style="bold", no_wrap=True, width=16)
        table.add_column()
        for keys, text in self.rows:
            table.add_row(keys, text)
        with VerticalScroll():
            yield Static(self._title, classes="help-title")
            if self._intro:
                yield Static(self._intro)
            yield Static(table)
            yield Static(t("help.footer"), classes="empty-hint")


def rows_for(screen) -> list[tuple[str, str]]:  # noqa: ANN001
    """The screen's active bindings with a description, navigation keys included, in order."""
    seen: dict[str, list[str]] = {}
    for key, active in screen.active_bindings.items():
        description = describe(active.binding)
        if not description or not active.enabled:
            continue
        seen.setdefault(description, []).append(key_label(key))
    return [(" / ".join(keys), description) for description, keys in seen.items()]
