"""One row of a form: a label, the input, and the reason beside it when the value is refused."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Static


class FormField(Horizontal):
    """Wraps an ``Input`` or ``Select`` whose id is the field's name."""

    DEFAULT_CSS = """
    FormField { height: auto; margin-bottom: 1; }
    FormField > .field-label { width: 24; padding-right: 1; text-align: right; color: $text-muted; }
    FormField > Input, FormField > Select { width: 1fr; }
    FormField > .field-error { width: 34; padding-left: 2; color: $text-error; }
    FormField.-invalid > .field-label { color: $text-error; text-style: bold; }
    """

    def __init__(self, label: str, control: Widget) -> None:
        super().__init__(id=f"field-{control.id}")
        self._label = label
        self.control = control

    def compose(self) -> ComposeResult:
        yield Label(self._label, classes="field-label")
        yield self.control
        yield Static("", classes="field-error")

    def show_error(self, text: str) -> None:
        """Show why the value is refused; an empty text clears it."""
        self.query_one(".field-error", Static).update(text)
        self.set_class(bool(text), "-invalid")
