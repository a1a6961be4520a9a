"""What an import will add, before anything is written: the plan, its units, the activities per
area (counted, and listed under each area, each with the rows it came from) and the warnings.
Dismisses True to import, False on Esc; adding a file to an existing plan, "unit" to choose another unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static, Tree

from i18n import t, tn
from tui.widgets.import_summary import ImportSummary

if TYPE_CHECKING:
    from importers.model import ImportedPlan


def _label(activity) -> str:  # noqa: ANN001 - an ImportedActivity
    text = " ".join((activity.goal or activity.description).split())
    text = text if len(text) <= 60 else text[:59] + "…"
    number = f"{activity.number}. " if activity.number is not None else ""
    target = f"  [{activity.target_text}]" if activity.target_text else ""
    source = f"  ← {activity.source_text()}" if activity.sources else ""
    return f"{number}{text}{target}{source}"


class ImportPreviewModal(ModalScreen[bool | str]):
    DEFAULT_CSS = """
    ImportPreviewModal { align: center middle; }
    ImportPreviewModal > Vertical {
        width: 95%; height: 95%; padding: 0 1;
        border: thick $accent; background: $panel;
    }
    ImportPreviewModal .import-title { text-style: bold; padding: 1 0; }
    ImportPreviewModal #import-body { height: 1fr; }
    ImportPreviewModal #import-summary { width: 3fr; padding-right: 1; }
    ImportPreviewModal #import-activities { width: 2fr; border-left: solid $primary-darken-2; }
    ImportPreviewModal #import-buttons { height: auto; padding: 1 0 0 0; align-horizontal: right; }
    ImportPreviewModal Button { margin-left: 2; }
    ImportPreviewModal.-narrow #import-body { layout: vertical; }
    ImportPreviewModal.-narrow #import-summary { width: 1fr; height: 3fr; padding-right: 0; }
    ImportPreviewModal.-narrow #import-activities {
        width: 1fr; height: 2fr; border-left: none; border-top: solid $primary-darken-2;
    }
    """
    # Side by side on a wide terminal; the activities under the summary on a narrow one.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("escape", "answer(False)", "key.cancel", id="import_preview.cancel"),
        Binding("ctrl+s", "answer(True)", "import.preview.confirm", id="import_preview.confirm"),
        Binding("u", "answer('unit')", "import.preview.choose_unit", id="import_preview.unit"),
    ]

    def __init__(self, imported: ImportedPlan, into=None) -> None:  # noqa: ANN001 - an IntoPlan
        super().__init__()
        self.into = into
        self.imported = imported if into is None else into.imported

    def compose(self) -> ComposeResult:
        imported = self.imported
        with Vertical():
            key = "import.preview.title" if self.into is None else "import.preview.into_title"
            activities = tn("count.activities", len(imported.activities))
            yield Static(t(key, file=imported.source, activities=activities,
                           title=self.into.target.title if self.into else ""),
                         classes="import-title")  # fmt: skip
            with Horizontal(id="import-body"):
                with VerticalScroll(id="import-summary"):
                    yield ImportSummary(imported, into=self.into)
                yield self._activity_tree()
            with Horizontal(id="import-buttons"):
                if self.into is not None:
                    yield Button(t("import.preview.unit_button"), id="unit")
                yield Button(t("key.cancel"), id="cancel")
                yield Button(t("import.preview.confirm"), id="confirm", variant="primary")

    def _activity_tree(self) -> Tree[None]:
        tree: Tree[None] = Tree(t("import.preview.activities"), id="import-activities")
        tree.show_root = False
        counts = self.imported.count_by_area()
        nodes = {area: tree.root.add(f"{area} ({n})", expand=False) for area, n in counts.items() if n}
        for activity in self.imported.activities:
            unit = f"{activity.unit} · " if activity.unit else ""
            nodes[activity.area].add_leaf(unit + _label(activity))
        return tree

    def on_mount(self) -> None:
        self.query_one("#confirm", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss("unit" if event.button.id == "unit" else event.button.id == "confirm")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters == ("unit",) and self.into is None:
            return False
        return True

    def action_answer(self, value: bool | str) -> None:
        self.dismiss(value)
