"""The plan's areas: add, rename, reorder, remove an empty one, reset to the UBARA areas."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from i18n import t, tn
from tui.modals.list_editor import ListEditorModal


class AreasEditorModal(ListEditorModal):
    TITLE_KEY = "area_editor.title"
    HINT_KEY = "area_editor.hint"
    BINDINGS = [
        Binding("e", "edit", "plan.key_rename", id="area_editor.rename"),
        Binding("u", "reset", "plan.key_reset_ubara", id="area_editor.reset"),
    ]

    def read_items(self, session: Any) -> list[Any]:
        from db.queries.areas import list_areas

        return list_areas(self.plan_id, session=session)

    def label(self, item: Any) -> str:
        return f"{item.name} · {tn('count.activities', item.activity_count)}"

    def _check(self, value: str) -> None:
        from db.queries.areas import check_area_name

        check_area_name(value)

    def action_add(self) -> None:
        from db.queries.areas import add_area
        from tui.modals.text_prompt import TextPromptModal

        plan_id = self.plan_id

        def save(name: str | None) -> None:
            if name is not None:
                self.write(lambda s: add_area(plan_id, name, session=s), lambda new_id: new_id)

        self.app.push_screen(TextPromptModal(t("area_editor.new_title"), check=self._check), save)

    def action_edit(self) -> None:
        area = self.current
        if area is None:
            return
        from db.queries.areas import rename_area
        from tui.modals.text_prompt import TextPromptModal

        def save(name: str | None) -> None:
            if name is not None:
                self.write(lambda s: rename_area(area.id, name, session=s, expected_name=area.name))

        self.app.push_screen(
            TextPromptModal(t("area_editor.rename_title", name=area.name), area.name, check=self._check), save
        )

    def action_shift(self, step: int) -> None:
        area = self.current
        if area is not None:
            from db.queries.areas import shift_area

            self.write(lambda s: shift_area(area.id, step, session=s), lambda _: area.id)

    def action_delete(self) -> None:
        area = self.current
        if area is None:
            return
        if area.activity_count:
            self.notify(tn("plan.area_not_empty", area.activity_count, name=area.name),
                        severity="warning", timeout=8)  # fmt: skip
            return
        from db.queries.areas import delete_area
        from tui.modals.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda s: delete_area(area.id, session=s))

        self.app.push_screen(
            ConfirmModal(
                t("area_editor.confirm_delete", name=area.name), yes=t("plan.key_delete"), danger=True
            ),
            answered,
        )

    def action_reset(self) -> None:
        blockers = [a for a in self.items if a.activity_count and a.name not in _ubara()]
        if blockers:
            names = ", ".join(f"{a.name} ({a.activity_count})" for a in blockers)
            self.notify(t("plan.area_reset_blocked", names=names), severity="warning", timeout=10)
            return
        self._confirm_reset()

    def _confirm_reset(self) -> None:
        from tui.modals.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                from db.queries.areas import reset_to_ubara

                self.write(lambda s: reset_to_ubara(self.plan_id, session=s))

        body = t("area_editor.confirm_reset_body", names=", ".join(_ubara()))
        self.app.push_screen(ConfirmModal(t("area_editor.confirm_reset"), body), answered)


def _ubara() -> tuple[str, ...]:
    from models.area import UBARA_AREAS

    return UBARA_AREAS
