"""The plan's units: add, edit (name, manager, date, risk analysis), reorder, remove with a warning."""

from __future__ import annotations

from typing import Any

from textual import work

from i18n import t, tn
from i18n.formatting import date_text
from tui.modals.list_editor import ListEditorModal

# How many activity titles the delete question names before "… and N more".
NAMED_ACTIVITIES = 12


class UnitsEditorModal(ListEditorModal):
    TITLE_KEY = "unit_editor.title"
    HINT_KEY = "unit_editor.hint"

    def read_items(self, session: Any) -> list[Any]:
        from db.queries.units import list_units

        return list_units(self.plan_id, session=session)

    def label(self, item: Any) -> str:
        parts = [item.name]
        if item.manager:
            parts.append(item.manager)
        if item.date:
            parts.append(date_text(item.date))
        parts.append(tn("count.activities", item.activity_count))
        return " · ".join(parts)

    def action_add(self) -> None:
        from db.queries.units import UnitFields, add_unit
        from tui.modals.unit_form import UnitFormModal

        plan_id = self.plan_id

        def save(data: UnitFields | None) -> None:
            if data is not None:
                self.write(lambda s: add_unit(plan_id, data, session=s), lambda new_id: new_id)

        self.app.push_screen(UnitFormModal(t("unit_editor.new_title"), UnitFields(name="")), save)

    def action_edit(self) -> None:
        unit = self.current
        if unit is None:
            return
        from db.queries.units import UnitFields, update_unit
        from tui.modals.unit_form import UnitFormModal

        def save(data: UnitFields | None) -> None:
            if data is not None:
                self.write(lambda s: update_unit(unit.id, data, session=s, expected_version=unit.version))

        initial = UnitFields(
            name=unit.name, manager=unit.manager, date=unit.date, risk_analysis=unit.risk_analysis
        )
        self.app.push_screen(UnitFormModal(t("unit_editor.edit_title"), initial), save)

    def action_shift(self, step: int) -> None:
        unit = self.current
        if unit is not None:
            from db.queries.units import shift_unit

            self.write(lambda s: shift_unit(unit.id, step, session=s), lambda _: unit.id)

    def action_delete(self) -> None:
        unit = self.current
        if unit is not None:
            self._ask_delete(unit)

    @work(thread=True, exclusive=True, group="unit-delete")
    def _ask_delete(self, unit: Any) -> None:
        """Read the titles of the activities that would go (off the event loop), then ask."""
        from db.queries.units import unit_activity_titles

        with self.app.database.read() as session:
            titles = unit_activity_titles(unit.id, session=session)
        self.app.call_from_thread(self._confirm_delete, unit, titles)

    def _confirm_delete(self, unit: Any, titles: list[str]) -> None:
        from tui.modals.confirm import ConfirmModal

        if titles:
            named = "\n".join(f"• {title}" for title in titles[:NAMED_ACTIVITIES])
            if len(titles) > NAMED_ACTIVITIES:
                named += "\n" + tn("count.more", len(titles) - NAMED_ACTIVITIES)
            activities = tn("count.activities", len(titles))
            body = t("unit_editor.confirm_delete_body", activities=activities, titles=named)
        else:
            body = t("unit_editor.confirm_delete_empty")

        def answered(yes: bool | None) -> None:
            if yes:
                from db.queries.units import delete_unit

                self.write(lambda s: delete_unit(unit.id, session=s, expected_version=unit.version))

        self.app.push_screen(
            ConfirmModal(t("unit_editor.confirm_delete", name=unit.name), body, yes=t("plan.key_delete"),
                         danger=True),
            answered,
        )  # fmt: skip
