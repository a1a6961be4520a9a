"""Editing every field of an activity, with each problem shown beside its field while typing.

Dismisses with the ``ActivityFields`` to save, or None when the user leaves (after a question when
something was changed). The caller writes; this dialog never touches the database.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Select, Static, TextArea

from i18n import t
from models.activity_rules import FIELD_LABELS, TEXT_FIELDS, ActivityFields, check_activity
from models.dates import read_target
from models.validation import Invalid
from tui.modals.checked_form import CheckedFormModal, label_with_error
from tui.widgets.activity_detail import target_reading

MULTILINE = ("goal", "description", "resources", "follow_up")
SINGLE_LINE = ("target_text", "responsible")
LABELS = {**FIELD_LABELS, "unit_id": "col.unit", "area_id": "col.area"}
WHOLE = "whole"  # the Select value standing for "no unit": Select cannot hold None as a choice


class ActivityEditorModal(CheckedFormModal):
    DEFAULT_CSS = """
    ActivityEditorModal { align: center middle; }
    ActivityEditorModal > Vertical {
        width: 116; max-width: 100%; height: 38; max-height: 100%; padding: 0 1;
        border: thick $accent; background: $panel;
    }
    ActivityEditorModal .editor-title { text-style: bold; height: 1; }
    ActivityEditorModal #editor-body { height: 1fr; }
    ActivityEditorModal #editor-left { width: 2fr; height: auto; }
    ActivityEditorModal #editor-right { width: 1fr; height: auto; margin-left: 2; }
    ActivityEditorModal .field-label { height: 1; margin-top: 1; }
    ActivityEditorModal TextArea { height: 7; }
    ActivityEditorModal #field-resources, ActivityEditorModal #field-follow_up { height: 5; }
    ActivityEditorModal .target-reading { color: $text-muted; height: 1; }
    ActivityEditorModal .target-reading.unreadable { color: $warning; }
    ActivityEditorModal .editor-hint { color: $text-muted; height: 1; }
    """
    LABELS = {name: LABELS[name] for name in ("goal", "description", "target_text", "responsible",
                                              "resources", "follow_up", "number")}  # fmt: skip

    def __init__(
        self,
        initial: ActivityFields,
        *,
        units: list[tuple[int, str]],
        areas: list[tuple[int, str]],
        new: bool,
    ) -> None:
        super().__init__()
        self._initial = initial
        self._units = units
        self._areas = areas
        self._new = new

    # ---- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        data = self._initial
        with Vertical():
            yield Static(
                t("act_editor.new_title" if self._new else "act_editor.edit_title"), classes="editor-title"
            )
            with VerticalScroll(id="editor-body"), Horizontal(classes="editor-columns"):
                with Vertical(id="editor-left"):
                    for name in MULTILINE:
                        yield Static(t(LABELS[name]), id=f"label-{name}", classes="field-label")
                        yield TextArea(getattr(data, name), id=f"field-{name}", soft_wrap=True,
                                       tab_behavior="focus")  # fmt: skip
                with Vertical(id="editor-right"):
                    yield Static(t(LABELS["target_text"]), id="label-target_text", classes="field-label")
                    yield Input(data.target_text, id="field-target_text")
                    yield Static("", id="target-reading", classes="target-reading")
                    yield Static(t(LABELS["responsible"]), id="label-responsible", classes="field-label")
                    yield Input(data.responsible, id="field-responsible")
                    yield Static(t(LABELS["unit_id"]), classes="field-label")
                    yield Select(
                        [(t("whole_plan"), WHOLE)] + [(name, str(i)) for i, name in self._units],
                        value=WHOLE if data.unit_id is None else str(data.unit_id),
                        allow_blank=False,
                        id="field-unit_id",
                    )
                    yield Static(t(LABELS["area_id"]), classes="field-label")
                    yield Select(
                        [(name, str(i)) for i, name in self._areas],
                        value=str(data.area_id),
                        allow_blank=False,
                        id="field-area_id",
                    )
                    yield Static(t(LABELS["number"]), id="label-number", classes="field-label")
                    yield Input("" if data.number is None else str(data.number), id="field-number",
                                type="integer")  # fmt: skip
            yield Static(t("act_editor.hint"), classes="editor-hint")

    def on_mount(self) -> None:
        self.show_errors()
        self.query_one("#field-goal", TextArea).focus()

    # ---- values -------------------------------------------------------------------------------
    def current(self) -> ActivityFields:
        """What the fields hold now, as typed."""
        values: dict[str, object] = {}
        for name in MULTILINE:
            values[name] = self.query_one(f"#field-{name}", TextArea).text
        for name in SINGLE_LINE:
            values[name] = self.query_one(f"#field-{name}", Input).value
        unit = self.query_one("#field-unit_id", Select).value
        values["unit_id"] = None if unit == WHOLE else int(unit)
        values["area_id"] = int(self.query_one("#field-area_id", Select).value)
        number = self.query_one("#field-number", Input).value.strip()
        values["number"] = int(number) if number.lstrip("-").isdigit() else None
        return replace(self._initial, **values)

    @property
    def dirty(self) -> bool:
        return self.current() != self._initial

    def read(self) -> tuple[ActivityFields, dict[str, Invalid]]:
        return check_activity(self.current())

    @on(TextArea.Changed)
    @on(Input.Changed)
    def _changed(self) -> None:
        self.show_errors()

    def show_errors(self) -> dict[str, Invalid]:
        """Each problem beside its field; near a long field's limit, how much room is left."""
        errors = super().show_errors()
        current = self.current()
        for name in MULTILINE:
            limit = TEXT_FIELDS[name][0]
            length = len(getattr(current, name))
            if name not in errors and length > limit * 0.9:
                label = label_with_error(LABELS[name], None)
                label.append(f"  {t('act_editor.chars', count=length, limit=limit)}", style="yellow")
                self.query_one(f"#label-{name}", Static).update(label)
        self._show_reading()
        return errors

    def _show_reading(self) -> None:
        text = self.query_one("#field-target_text", Input).value
        reading = read_target(text)
        widget = self.query_one("#target-reading", Static)
        widget.update(target_reading(text, reading.due_date, reading.ongoing))
        widget.set_class(bool(text.strip()) and not reading.readable, "unreadable")

    # ---- actions ------------------------------------------------------------------------------
    def action_cancel(self) -> None:
        """Leave; with unsaved changes, only after the user says to drop them."""
        if not self.dirty:
            self.dismiss(None)
            return
        from tui.modals.confirm import ConfirmModal

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmModal(
                t("act_editor.discard"),
                t("act_editor.discard_body"),
                yes=t("act_editor.discard_yes"),
                danger=True,
            ),
            answered,
        )
