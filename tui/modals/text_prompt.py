"""One line of text, checked while typing. Dismisses with the text as typed, or None on Esc."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from i18n import t
from models.validation import Invalid


class TextPromptModal(ModalScreen[str | None]):
    DEFAULT_CSS = """
    TextPromptModal { align: center middle; }
    TextPromptModal > Vertical {
        width: 70; max-width: 95%; height: auto; padding: 1 2; border: thick $accent; background: $panel;
    }
    TextPromptModal .prompt-title { text-style: bold; margin-bottom: 1; }
    TextPromptModal .prompt-error { height: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="prompt.cancel")]

    def __init__(self, title: str, value: str = "", *, check: Callable[[str], object] | None = None) -> None:
        """``check`` raises ``Invalid`` for a value that cannot be saved."""
        super().__init__()
        self._title = title
        self._value = value
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="prompt-title")
            yield Input(self._value, id="prompt-input")
            yield Static("", id="prompt-error", classes="prompt-error")

    def on_mount(self) -> None:
        self.query_one("#prompt-input", Input).focus()

    def _error(self, value: str) -> str:
        if self._check is None:
            return ""
        try:
            self._check(value)
        except Invalid as exc:
            return t(exc.key, **exc.params)
        return ""

    @on(Input.Changed, "#prompt-input")
    def _changed(self, event: Input.Changed) -> None:
        self.query_one("#prompt-error", Static).update(Text(self._error(event.value), style="bold red"))

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if not self._error(event.value):
            self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
