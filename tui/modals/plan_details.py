"""The plan details editor, for a new plan and for editing one.

Dismisses with the checked values keyed by the plan's field names (``decision_date`` a date or
None, the years as ints), or None when the user cancels. The caller writes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.widgets import Input, Select

from i18n import t
from models.plan_form import CADENCE_CODES, KIND_CODES, PLAN_STATUS_CODES
from tui.modals.form import FormModal
from tui.widgets.form_field import FormField

NEW_PLAN_DEFAULTS: dict[str, object] = {
    "kind": "competence_supply",
    "cadence": "tertial",
    "status": "active",
}


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class PlanDetailsModal(FormModal):
    def __init__(self, initial: dict[str, object] | None = None) -> None:
        self.is_new = initial is None
        super().__init__(t("plan_details.title_new" if self.is_new else "plan_details.title_edit"))
        if initial is None:
            # A new plan usually runs three years from this one; the years are selected on focus,
            # so typing replaces them.
            year = date.today().year
            initial = {**NEW_PLAN_DEFAULTS, "period_start": year, "period_end": year + 2}
        self._values = dict(initial)

    def _input(self, name: str, placeholder: str = "") -> FormField:
        # No max_length: a text too long is shown as refused beside the field, never cut off.
        control = Input(_text(self._values.get(name)), placeholder=placeholder, id=name, compact=True)
        return FormField(t(f"plan_details.{name}"), control)

    def _select(self, name: str, codes: tuple[str, ...], prefix: str) -> FormField:
        control = Select(
            [(t(f"{prefix}.{code}"), code) for code in codes],
            value=self._values.get(name) or codes[0],
            allow_blank=False,
            id=name,
            compact=True,
        )
        return FormField(t(f"plan_details.{name}"), control)

    def compose_fields(self) -> Iterable[FormField]:
        year = t("plan_details.year_placeholder")
        yield self._input("title")
        yield self._select("kind", KIND_CODES, "kind")
        yield self._input("organisation")
        yield self._input("period_start", year)
        yield self._input("period_end", year)
        yield self._input("decision_body")
        yield self._input("decision_date", t("plan_details.date_placeholder"))
        yield self._input("decision_paragraph")
        yield self._input("diary_number")
        yield self._select("cadence", CADENCE_CODES, "cadence")
        yield self._select("status", PLAN_STATUS_CODES, "plan_status")
