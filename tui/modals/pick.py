"""Pick one of a few choices from a list. Dismisses with the choice's id, or None on Esc."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class PickModal(ModalScreen[str | None]):
    DEFAULT_CSS = """
    PickModal { align: center middle; }
    PickModal > Vertical {
        width: 60; max-width: 90%; height: auto; max-height: 80%; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    PickModal .pick-title { text-style: bold; margin-bottom: 1; }
    PickModal OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="pick.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None = None) -> None:
        """``choices`` are (id, label) pairs; ``current`` is highlighted first."""
        super().__init__()
        self._title = title
        self._choices = choices
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="pick-title")
            yield OptionList(*(Option(label, id=choice) for choice, label in self._choices), id="pick")

    def on_mount(self) -> None:
        options = self.query_one("#pick", OptionList)
        ids = [choice for choice, _ in self._choices]
        if self._current in ids:
            options.highlighted = ids.index(self._current)
        options.focus()

    @on(OptionList.OptionSelected, "#pick")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
