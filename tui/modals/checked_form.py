"""What the small editing dialogs share: a problem shown beside each field, Ctrl+S, Esc.

A subclass lays out a ``#label-<field>`` Static above each ``#field-<field>`` widget, names the
fields' message keys in ``LABELS`` and reads its widgets in ``read()``. It dismisses with the
cleaned value, or None on Esc; it never writes.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from i18n import t
from models.validation import Invalid


def label_with_error(label_key: str, error: Invalid | None) -> Text:
    label = Text(t(label_key), style="bold")
    if error is not None:
        label.append(f"  {t(error.key, **error.params)}", style="bold red")
    return label


class CheckedFormModal(ModalScreen):
    # At 24 lines the fields are drawn one line high and the dialog scrolls to the focused one.
    DEFAULT_CSS = """
    CheckedFormModal.-short > Vertical { max-height: 100%; overflow-y: auto; }
    CheckedFormModal.-short .field-label { margin-top: 0; }
    CheckedFormModal.-short Input { height: 1; border: none; background: $boost; padding: 0 1; }
    CheckedFormModal.-short Input:focus { background: $accent 30%; }
    CheckedFormModal.-short TextArea { max-height: 5; }
    """
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    LABELS: dict[str, str] = {}
    BINDINGS = [
        Binding("ctrl+s", "save", "plan.key_save", id="checked_form.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="checked_form.cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()

    def read(self) -> tuple[Any, dict[str, Invalid]]:
        """The value to save, cleaned, and the problems per field name."""
        raise NotImplementedError

    def show_errors(self) -> dict[str, Invalid]:
        _, errors = self.read()
        for name, key in self.LABELS.items():
            self.query_one(f"#label-{name}", Static).update(label_with_error(key, errors.get(name)))
        return errors

    def action_save(self) -> None:
        cleaned, errors = self.read()
        if errors:
            self.show_errors()
            self.notify(t("act_editor.fix_errors"), severity="warning")
            self.query_one(f"#field-{next(iter(errors))}").focus()
            return
        self.dismiss(cleaned)

    def action_cancel(self) -> None:
        self.dismiss(None)
