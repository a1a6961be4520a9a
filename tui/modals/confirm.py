"""A yes/no question. Dismisses with True for yes, False for no or Esc."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from i18n import t


class ConfirmModal(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmModal { align: center middle; }
    ConfirmModal > Vertical {
        width: 70; max-width: 90%; height: auto; padding: 1 2;
        border: thick $warning; background: $panel;
    }
    ConfirmModal .confirm-title { text-style: bold; margin-bottom: 1; }
    ConfirmModal Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ConfirmModal Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "answer(False)", "key.cancel", id="confirm.cancel"),
        Binding("y,j", "answer(True)", "key.yes", id="confirm.yes", show=False),
        Binding("n", "answer(False)", "key.no", id="confirm.no", show=False),
    ]

    def __init__(self, title: str, body: str = "", *, yes: str | None = None, danger: bool = False) -> None:
        super().__init__()
        self._title = title
        self._body = body
        self._yes = yes or t("confirm.yes")
        self._danger = danger

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="confirm-title")
            if self._body:
                yield Static(self._body, classes="confirm-body")
            with Horizontal():
                yield Button(t("confirm.no"), id="no")
                yield Button(self._yes, id="yes", variant="error" if self._danger else "primary")

    def on_mount(self) -> None:
        self.query_one("#no" if self._danger else "#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
