"""The fields of one unit: name, manager, date and risk analysis. Dismisses with ``UnitFields`` or None."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from db.queries.units import UnitFields, check_unit
from i18n import t
from models.validation import Invalid
from tui.bindings import translate_bindings

LABELS = {"name": "plan.unit_name", "manager": "plan.unit_manager", "date": "plan.unit_date",
          "risk_analysis": "plan.unit_risks"}  # fmt: skip


def parse_date(text: str) -> date | None:
    """An ISO date, or None for an empty field; raises ``Invalid`` for anything else."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid("invalid.date") from None


class UnitFormModal(ModalScreen[UnitFields | None]):
    DEFAULT_CSS = """
    UnitFormModal { align: center middle; }
    UnitFormModal > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 100%; padding: 0 2;
        border: thick $accent; background: $panel;
    }
    UnitFormModal .form-title { text-style: bold; margin-top: 1; }
    UnitFormModal .field-label { margin-top: 1; }
    UnitFormModal TextArea { height: 8; }
    UnitFormModal .form-hint { color: $text-muted; margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "plan.key_save", id="unit_form.save", priority=True),
        Binding("escape", "cancel", "key.cancel", id="unit_form.cancel"),
    ]

    def __init__(self, title: str, initial: UnitFields) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._initial = initial

    def compose(self) -> ComposeResult:
        data = self._initial
        with Vertical():
            yield Static(self._title, classes="form-title")
            yield Static(t(LABELS["name"]), id="label-name", classes="field-label")
            yield Input(data.name, id="field-name")
            yield Static(t(LABELS["manager"]), id="label-manager", classes="field-label")
            yield Input(data.manager, id="field-manager")
            yield Static(t(LABELS["date"]), id="label-date", classes="field-label")
            yield Input(data.date.isoformat() if data.date else "", id="field-date", placeholder="2025-01-31")
            yield Static(t(LABELS["risk_analysis"]), id="label-risk_analysis", classes="field-label")
            yield TextArea(data.risk_analysis, id="field-risk_analysis", soft_wrap=True, tab_behavior="focus")
            yield Static(t("act_editor.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self._validate()
        self.query_one("#field-name", Input).focus()

    def _read(self) -> tuple[UnitFields, dict[str, Invalid]]:
        errors: dict[str, Invalid] = {}
        try:
            day = parse_date(self.query_one("#field-date", Input).value)
        except Invalid as exc:
            errors["date"], day = exc, None
        data = UnitFields(
            name=self.query_one("#field-name", Input).value,
            manager=self.query_one("#field-manager", Input).value,
            date=day,
            risk_analysis=self.query_one("#field-risk_analysis", TextArea).text,
        )
        cleaned, field_errors = check_unit(data)
        return cleaned, {**field_errors, **errors}

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _validate(self) -> dict[str, Invalid]:
        _, errors = self._read()
        for name, key in LABELS.items():
            label = Text(t(key), style="bold")
            if name in errors:
                label.append(f"  {t(errors[name].key, **errors[name].params)}", style="bold red")
            self.query_one(f"#label-{name}", Static).update(label)
        return errors

    def action_save(self) -> None:
        cleaned, errors = self._read()
        if errors:
            self._validate()
            self.notify(t("act_editor.fix_errors"), severity="warning")
            self.query_one(f"#field-{next(iter(errors))}").focus()
            return
        self.dismiss(cleaned)

    def action_cancel(self) -> None:
        self.dismiss(None)
