"""Which activities the checklist shows: by unit, area, responsible, status, and overdue only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Select, Static

from i18n import t
from models.activity_filter import ActivityFilter, responsible_choices
from models.status import STATUS_ORDER

if TYPE_CHECKING:
    from models.meeting import Item


@dataclass(frozen=True, slots=True)
class FilterChoices:
    units: tuple[tuple[str, int], ...]  # (label, unit key)
    areas: tuple[str, ...]
    responsible: tuple[str, ...]

    @classmethod
    def from_items(cls, items: Iterable[Item], unit_names: dict[int, str]) -> FilterChoices:
        items = list(items)
        return cls(
            units=tuple((name, key) for key, name in unit_names.items()),
            areas=tuple(dict.fromkeys(i.area for i in items)),
            responsible=tuple(responsible_choices(i.responsible for i in items)),
        )


class ActivityFilterModal(ModalScreen[ActivityFilter | None]):
    DEFAULT_CSS = """
    ActivityFilterModal { align: center middle; }
    ActivityFilterModal > Vertical {
        width: 70; max-width: 95%; height: auto; padding: 1 2; border: thick $accent; background: $panel;
    }
    ActivityFilterModal .filter-title { text-style: bold; margin-bottom: 1; }
    ActivityFilterModal Checkbox { margin-top: 1; }
    ActivityFilterModal Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ActivityFilterModal Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="filter.cancel"),
        Binding("ctrl+s", "apply", "key.apply_filters", id="filter.apply"),
    ]

    def __init__(self, choices: FilterChoices, current: ActivityFilter) -> None:
        super().__init__()
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        c, f = self.choices, self.current
        blank = t("filter.any")
        with Vertical():
            yield Static(t("filter.title"), classes="filter-title")
            yield Label(t("col.unit"))
            unit = f.unit if f.unit is not None else Select.NULL
            yield Select(c.units, value=unit, prompt=blank, id="unit")
            yield Label(t("col.area"))
            yield Select([(a, a) for a in c.areas], value=f.area or Select.NULL, prompt=blank, id="area")
            yield Label(t("checklist.col_responsible"))
            yield Select([(r, r) for r in c.responsible], value=f.responsible or Select.NULL, prompt=blank,
                         id="responsible")  # fmt: skip
            yield Label(t("col.status"))
            yield Select([(t(f"status.{s.value}"), s.value) for s in STATUS_ORDER],
                         value=f.status or Select.NULL, prompt=blank, id="status")  # fmt: skip
            yield Checkbox(t("filter.overdue"), f.overdue, id="overdue")
            with Horizontal():
                yield Button(t("filter.clear"), id="clear")
                yield Button(t("key.cancel"), id="cancel")
                yield Button(t("filter.apply"), id="apply", variant="primary")

    def _value(self, widget_id: str) -> object:
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else value

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        self.dismiss(
            ActivityFilter(
                unit=self._value("unit"), area=self._value("area"), responsible=self._value("responsible"),
                status=self._value("status"), overdue=self.query_one("#overdue", Checkbox).value,
            )  # fmt: skip
        )

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.dismiss(ActivityFilter())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
