"""A text in full, scrolled with the keys: what a pane under a list has no room for."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class FullTextModal(ModalScreen[None]):
    DEFAULT_CSS = """
    FullTextModal { align: center middle; }
    FullTextModal > Vertical {
        width: 100; max-width: 98%; height: auto; max-height: 95%; padding: 0 1;
        border: thick $accent; background: $panel;
    }
    FullTextModal VerticalScroll { height: auto; max-height: 100%; }
    """
    BINDINGS = [Binding("escape,q,enter", "close", "key.close", id="full_text.close")]

    def __init__(self, title: str, text: Text) -> None:
        super().__init__()
        self._title = title
        self._text = text

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self._title
            with VerticalScroll(id="full-text-scroll"):
                yield Static(self._text, id="full-text")

    def on_mount(self) -> None:
        self.query_one("#full-text-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
