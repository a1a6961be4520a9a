"""One key figure: unit, name, period, count and share. Dismisses with ``KeyFigureFields`` or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static

from i18n import t
from i18n.formatting import number
from models.validation import Invalid
from tui.modals.checked_form import CheckedFormModal

WHOLE = "whole"


def parse_number(text: str, *, whole: bool) -> int | float | None:
    """A count or a share as typed (Swedish decimal comma welcome); None for an empty field."""
    text = text.strip().replace(",", ".").replace(" ", "").rstrip("%")
    if not text:
        return None
    try:
        return int(text) if whole else float(text)
    except ValueError:
        raise Invalid("keyfig.invalid_count" if whole else "keyfig.invalid_share") from None


class KeyFigureEditorModal(CheckedFormModal):
    DEFAULT_CSS = """
    KeyFigureEditorModal { align: center middle; }
    KeyFigureEditorModal > Vertical {
        width: 70; max-width: 100%; height: auto; padding: 0 2; border: thick $accent; background: $panel;
    }
    KeyFigureEditorModal .form-title { text-style: bold; margin-top: 1; }
    KeyFigureEditorModal .field-label { margin-top: 1; }
    KeyFigureEditorModal .form-hint { color: $text-muted; margin: 1 0; }
    """
    LABELS = {"name": "keyfig.col_name", "period_label": "keyfig.col_period", "count": "keyfig.col_count",
              "share": "keyfig.col_share"}  # fmt: skip

    def __init__(self, title: str, initial, *, units: list[tuple[int, str]], names: list[str]) -> None:  # noqa: ANN001
        super().__init__()
        self._title = title
        self._initial = initial
        self._units = units
        self._names = names

    def compose(self) -> ComposeResult:
        data = self._initial
        with Vertical():
            yield Static(self._title, classes="form-title")
            yield Static(t("col.unit"), classes="field-label")
            yield Select(
                [(t("whole_plan"), WHOLE)] + [(name, str(i)) for i, name in self._units],
                value=WHOLE if data.unit_id is None else str(data.unit_id),
                allow_blank=False,
                id="field-unit",
            )
            yield Static(t(self.LABELS["name"]), id="label-name", classes="field-label")
            yield Input(
                data.name, id="field-name", suggester=SuggestFromList(self._names, case_sensitive=False)
            )
            yield Static(t(self.LABELS["period_label"]), id="label-period_label", classes="field-label")
            yield Input(data.period_label, id="field-period_label", placeholder="2025")
            yield Static(t(self.LABELS["count"]), id="label-count", classes="field-label")
            yield Input("" if data.count is None else str(data.count), id="field-count")
            yield Static(t(self.LABELS["share"]), id="label-share", classes="field-label")
            share = "" if data.share is None else number(data.share)  # 16,4 in Swedish, as the table
            yield Input(share, id="field-share")
            yield Static(t("act_editor.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_errors()
        self.query_one("#field-name" if not self._initial.name else "#field-period_label", Input).focus()

    def read(self):  # noqa: ANN201
        from db.queries.keyfigures import KeyFigureFields, check_key_figure

        errors: dict[str, Invalid] = {}
        numbers: dict[str, object] = {}
        for name, whole in (("count", True), ("share", False)):
            try:
                numbers[name] = parse_number(self.query_one(f"#field-{name}", Input).value, whole=whole)
            except Invalid as exc:
                errors[name], numbers[name] = exc, None
        unit = self.query_one("#field-unit", Select).value
        data = KeyFigureFields(
            unit_id=None if unit == WHOLE else int(unit),
            name=self.query_one("#field-name", Input).value,
            period_label=self.query_one("#field-period_label", Input).value,
            **numbers,
        )
        cleaned, field_errors = check_key_figure(data)
        return cleaned, {**field_errors, **errors}

    @on(Input.Changed)
    def _changed(self) -> None:
        self.show_errors()
