"""Where to move an activity: a unit (or the plan as a whole) and an area, picked from two lists.

Dismisses with ``(unit_id or None, area_id)``, or None on Esc.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from i18n import t

WHOLE_ID = "whole"


class MoveActivityModal(ModalScreen[tuple[int | None, int] | None]):
    DEFAULT_CSS = """
    MoveActivityModal { align: center middle; }
    MoveActivityModal > Vertical {
        width: 80; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    MoveActivityModal .move-title { text-style: bold; }
    MoveActivityModal Horizontal { height: auto; margin-top: 1; }
    MoveActivityModal Horizontal > Vertical { width: 1fr; height: auto; }
    MoveActivityModal OptionList { height: auto; max-height: 16; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="move.cancel"),
        Binding("enter", "move", "plan.key_move", id="move.confirm", priority=True),
        Binding("ctrl+s", "move", "plan.key_move", id="move.save", show=False),
    ]

    def __init__(
        self,
        *,
        title: str,
        units: list[tuple[int, str]],
        areas: list[tuple[int, str]],
        unit_id: int | None,
        area_id: int,
    ) -> None:
        super().__init__()
        self._title = title
        self._units = [(WHOLE_ID, t("whole_plan"))] + [(str(i), name) for i, name in units]
        self._areas = [(str(i), name) for i, name in areas]
        self._unit = WHOLE_ID if unit_id is None else str(unit_id)
        self._area = str(area_id)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("plan.move_title"), classes="move-title")
            yield Static(self._title)
            with Horizontal():
                with Vertical():
                    yield Label(t("col.unit"))
                    yield OptionList(*(Option(n, id=i) for i, n in self._units), id="move-unit")
                with Vertical():
                    yield Label(t("col.area"))
                    yield OptionList(*(Option(n, id=i) for i, n in self._areas), id="move-area")
            yield Static(t("plan.move_hint"), classes="empty-hint")

    def on_mount(self) -> None:
        for selector, choices, current in (
            ("#move-unit", self._units, self._unit),
            ("#move-area", self._areas, self._area),
        ):
            ids = [i for i, _ in choices]
            self.query_one(selector, OptionList).highlighted = ids.index(current) if current in ids else 0
        self.query_one("#move-area", OptionList).focus()

    def _chosen(self, selector: str) -> str | None:
        options = self.query_one(selector, OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    def action_move(self) -> None:
        unit, area = self._chosen("#move-unit"), self._chosen("#move-area")
        if area is None or unit is None:
            return
        self.dismiss((None if unit == WHOLE_ID else int(unit), int(area)))

    def action_cancel(self) -> None:
        self.dismiss(None)
