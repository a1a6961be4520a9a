"""What the editors share: fields checked as they are typed, Ctrl+S to save, Esc that asks first.

A subclass yields its fields as ``FormField`` rows from ``compose_fields``; the form dismisses with
the checked values keyed by the fields' ids, or None when the user cancels.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from i18n import t
from models.plan_form import check_plan_form
from models.validation import Invalid
from tui.widgets.form_field import FormField
from tui.widgets.key_bar import KeyBar


def reason(error: Invalid) -> str:
    return t(error.key, **error.params)


class FormModal(ModalScreen[dict | None]):
    DEFAULT_CSS = """
    FormModal { align: center middle; }
    FormModal > Vertical {
        width: 110; max-width: 98%; height: auto; max-height: 95%; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    FormModal .form-title { text-style: bold; margin-bottom: 1; }
    FormModal .form-intro { margin-bottom: 1; }
    FormModal VerticalScroll { height: auto; max-height: 26; }
    FormModal.-short VerticalScroll { max-height: 10; }
    FormModal.-short .form-title { margin-bottom: 0; }
    FormModal.-narrow > Vertical { padding: 0 1; }
    /* Narrow: a refusal goes below its field, across the whole width, instead of beside it. */
    FormModal.-narrow FormField { layout: grid; grid-size: 2; grid-columns: 18 1fr; grid-rows: auto; }
    FormModal.-narrow FormField > .field-label { width: 18; }
    FormModal.-short FormField > Input { height: 1; border: none; background: $boost; padding: 0 1; }
    FormModal.-short FormField > Input:focus { background: $accent 30%; }
    FormModal.-narrow FormField > .field-error {
        column-span: 2; width: 1fr; padding-left: 18; display: none;
    }
    FormModal.-narrow FormField.-invalid > .field-error { display: block; }
    FormModal .form-buttons { height: auto; align-horizontal: right; }
    FormModal .form-buttons Button { margin-left: 2; }
    """
    # At 80×24 the refusals move below the fields and the fields scroll in less height.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        Binding("ctrl+s", "save", "form_modal.key_save", id="form.save"),
        Binding("escape", "cancel", "key.cancel", id="form.cancel"),
    ]

    SAVE_BUTTON_KEY = "form_modal.save_button"

    def __init__(self, title: str, intro: str = "") -> None:
        super().__init__()
        self._title = title
        self._intro = intro
        self._initial: dict[str, str] = {}
        # Refusals show beside the fields the user has typed in, and everywhere once saving was tried.
        self._touched: set[str] = set()
        self._tried = False

    def compose_fields(self) -> Iterable[FormField]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="form-title")
            if self._intro:
                yield Static(self._intro, classes="form-intro")
            with VerticalScroll():
                yield from self.compose_fields()
            with Horizontal(classes="form-buttons"):
                yield Button(t("key.cancel"), id="form-cancel")
                yield Button(t(self.SAVE_BUTTON_KEY), id="form-save", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        self._initial = self.raw()
        first = next(iter(self.query(FormField)), None)
        if first is not None:
            first.control.focus()

    def raw(self) -> dict[str, str]:
        """Every field as typed (a Select gives its chosen code)."""
        values: dict[str, str] = {}
        for field in self.query(FormField):
            control = field.control
            if isinstance(control, Select):
                values[control.id] = "" if control.value is Select.NULL else str(control.value)
            else:
                values[control.id] = control.value
        return values

    @property
    def dirty(self) -> bool:
        return self.raw() != self._initial

    def check(self) -> tuple[dict[str, object], dict[str, Invalid]]:
        """Check every field and show each refusal beside its field, once it was typed in."""
        values, errors = check_plan_form(self.raw())
        for field in self.query(FormField):
            name = field.control.id
            error = errors.get(name) if self._tried or name in self._touched else None
            field.show_error(reason(error) if error else "")
        return values, errors

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self.is_mounted and event.input.id and event.value != self._initial.get(event.input.id):
            self._touched.add(event.input.id)
        self.check()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        self._tried = True
        values, errors = self.check()
        if errors:
            first = next(f for f in self.query(FormField) if f.control.id in errors)
            first.control.focus()
            self.notify(t("form_modal.fix_errors"), severity="warning")
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return
        from tui.modals.confirm import ConfirmModal

        def answered(drop: bool | None) -> None:
            if drop:
                self.dismiss(None)

        question = ConfirmModal(
            t("form_modal.discard_title"), t("form_modal.discard_body"),
            yes=t("form_modal.discard_yes"), danger=True,
        )  # fmt: skip
        self.app.push_screen(question, answered)
