"""Copying a plan to a new period: the new title and period, and what comes along.

Dismisses with ``{"title", "period_start", "period_end"}`` or None when the user cancels.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import Input

from i18n import t
from tui.modals.form import FormModal
from tui.widgets.form_field import FormField


class CopyPlanModal(FormModal):
    SAVE_BUTTON_KEY = "copy_plan.button"

    def __init__(self, *, source_title: str, title: str, period: tuple[int, int], what_comes: str) -> None:
        super().__init__(t("copy_plan.title", title=source_title), what_comes)
        self._proposal = {"title": title, "period_start": str(period[0]), "period_end": str(period[1])}

    def compose_fields(self) -> Iterable[FormField]:
        for name in ("title", "period_start", "period_end"):
            control = Input(self._proposal[name], id=name, compact=True)
            yield FormField(t(f"plan_details.{name}"), control)

