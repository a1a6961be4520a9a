"""A dialog that edits a short list of a plan's rows (units, areas) in place, with its own workers.

It writes each change at once (one undoable step each) and dismisses with True when anything was
changed, so that the caller knows to reload. Subclasses say how to read the list and what the keys do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class ListEditorModal(ModalScreen[bool]):
    DEFAULT_CSS = """
    ListEditorModal { align: center middle; }
    ListEditorModal > Vertical {
        width: 84; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    ListEditorModal .list-title { text-style: bold; margin-bottom: 1; }
    ListEditorModal OptionList { height: auto; max-height: 24; }
    ListEditorModal .list-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "key.close", id="list_editor.close"),
        Binding("a", "add", "plan.key_add", id="list_editor.add"),
        Binding("e", "edit", "plan.key_edit", id="list_editor.edit"),
        Binding("d", "delete", "plan.key_delete", id="list_editor.delete"),
        Binding("J", "shift(1)", "plan.key_move_down", id="list_editor.move_down"),
        Binding("K", "shift(-1)", "plan.key_move_up", id="list_editor.move_up"),
    ]
    TITLE_KEY = ""
    HINT_KEY = ""

    class Fetched(Message):
        def __init__(self, items: list[Any], focus: object) -> None:
            super().__init__()
            self.items = items
            self.focus = focus

    class Refused(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, plan_id: int) -> None:
        super().__init__()
        self.plan_id = plan_id
        self.items: list[Any] = []
        self.changed = False

    def compose(self) -> ComposeResult:
        from i18n import t

        with Vertical():
            yield Static(t(self.TITLE_KEY), classes="list-title")
            yield OptionList(id="list-items")
            yield Static(t(self.HINT_KEY), classes="list-hint")

    def on_mount(self) -> None:
        self.query_one("#list-items", OptionList).focus()
        self.fetch()

    # ---- subclass hooks -------------------------------------------------------------------------
    def read_items(self, session: Any) -> list[Any]:
        raise NotImplementedError

    def label(self, item: Any) -> str:
        raise NotImplementedError

    # ---- reading and writing --------------------------------------------------------------------
    @property
    def current(self) -> Any | None:
        options = self.query_one("#list-items", OptionList)
        index = options.highlighted
        return self.items[index] if index is not None and 0 <= index < len(self.items) else None

    @work(thread=True, exclusive=True, group="list-fetch")
    def fetch(self, focus: object = None) -> None:
        with self.app.database.read() as session:
            items = self.read_items(session)
        self.post_message(self.Fetched(items, focus))

    @on(Fetched)
    def _fetched(self, message: Fetched) -> None:
        focus = message.focus if message.focus is not None else getattr(self.current, "id", None)
        self.items = message.items
        options = self.query_one("#list-items", OptionList)
        options.clear_options()
        options.add_options([Option(self.label(item), id=str(item.id)) for item in self.items])
        ids = [item.id for item in self.items]
        if ids:
            options.highlighted = ids.index(focus) if focus in ids else 0
        self.refresh_bindings()

    @work(thread=True, group="list-write")
    def write(self, change: Callable[[Any], object], focus: Callable[[object], object] | None = None) -> None:
        from db.errors import HrplanError

        try:
            with self.app.database.write() as session:
                result = change(session)
        except HrplanError as exc:
            self.post_message(self.Refused(exc.message()))
            self.fetch()
            return
        self.changed = True
        self.fetch(focus(result) if focus else None)

    @on(Refused)
    def _refused(self, message: Refused) -> None:
        self.notify(message.text, severity="error", timeout=8)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete", "shift") and self.current is None:
            return None
        return True

    @on(OptionList.OptionSelected, "#list-items")
    def _selected(self) -> None:
        self.action_edit()

    @on(OptionList.OptionHighlighted, "#list-items")
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def action_close(self) -> None:
        self.dismiss(self.changed)

    def action_add(self) -> None:
        raise NotImplementedError

    def action_edit(self) -> None:
        raise NotImplementedError

    def action_delete(self) -> None:
        raise NotImplementedError

    def action_shift(self, step: int) -> None:
        raise NotImplementedError
