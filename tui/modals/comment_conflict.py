"""Two comments for one activity: the one typed here and the one another hrplan saved meanwhile.

Both are shown in full; the coordinator keeps one of them or merges them in the editor. Nothing is
dropped: Esc goes back to the editor with the text typed here.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from i18n import t


class CommentConflictModal(ModalScreen[str | None]):
    """Dismisses with "mine", "theirs", "merge", or None (back to editing)."""

    DEFAULT_CSS = """
    CommentConflictModal { align: center middle; }
    CommentConflictModal > Vertical {
        width: 90; max-width: 95%; height: auto; max-height: 95%; padding: 1 2;
        border: thick $warning; background: $panel;
    }
    CommentConflictModal .conflict-title { text-style: bold; margin-bottom: 1; }
    CommentConflictModal .conflict-label { text-style: bold; margin-top: 1; }
    CommentConflictModal VerticalScroll { height: auto; max-height: 6; background: $boost; padding: 0 1; }
    CommentConflictModal Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    CommentConflictModal Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape", "back", "key.cancel", id="conflict.back")]

    def __init__(self, activity: str, *, mine: str, theirs: str) -> None:
        super().__init__()
        self.activity = activity
        self.mine = mine
        self.theirs = theirs

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("conflict.comment_title", activity=self.activity[:60]), classes="conflict-title")
            yield Static(t("conflict.comment_body"))
            yield Static(t("conflict.theirs"), classes="conflict-label")
            with VerticalScroll():
                yield Static(self.theirs or "–", id="conflict-theirs", markup=False)
            yield Static(t("conflict.mine"), classes="conflict-label")
            with VerticalScroll():
                yield Static(self.mine or "–", id="conflict-mine", markup=False)
            with Horizontal():
                yield Button(t("conflict.keep_theirs"), id="theirs")
                yield Button(t("conflict.merge"), id="merge")
                yield Button(t("conflict.keep_mine"), id="mine", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#merge", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_back(self) -> None:
        self.dismiss(None)
