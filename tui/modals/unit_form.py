"""The fields of one unit: name, manager, date and risk analysis. Dismisses with ``UnitFields`` or None."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static, TextArea

from db.queries.units import UnitFields, check_unit
from i18n import t
from models.validation import Invalid
from tui.modals.checked_form import CheckedFormModal


def parse_date(text: str) -> date | None:
    """An ISO date, or None for an empty field; raises ``Invalid`` for anything else."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid("invalid.date") from None


class UnitFormModal(CheckedFormModal):
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
    LABELS = {"name": "plan.unit_name", "manager": "plan.unit_manager", "date": "plan.unit_date",
              "risk_analysis": "plan.unit_risks"}  # fmt: skip

    def __init__(self, title: str, initial: UnitFields) -> None:
        super().__init__()
        self._title = title
        self._initial = initial

    def compose(self) -> ComposeResult:
        data = self._initial
        with Vertical():
            yield Static(self._title, classes="form-title")
            yield Static(t(self.LABELS["name"]), id="label-name", classes="field-label")
            yield Input(data.name, id="field-name")
            yield Static(t(self.LABELS["manager"]), id="label-manager", classes="field-label")
            yield Input(data.manager, id="field-manager")
            yield Static(t(self.LABELS["date"]), id="label-date", classes="field-label")
            yield Input(data.date.isoformat() if data.date else "", id="field-date", placeholder="2025-01-31")
            yield Static(t(self.LABELS["risk_analysis"]), id="label-risk_analysis", classes="field-label")
            yield TextArea(
                data.risk_analysis or "", id="field-risk_analysis", soft_wrap=True, tab_behavior="focus"
            )
            yield Static(t("act_editor.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_errors()
        self.query_one("#field-name", Input).focus()

    def read(self) -> tuple[UnitFields, dict[str, Invalid]]:
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
    def _changed(self) -> None:
        self.show_errors()
