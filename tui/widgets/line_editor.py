"""A one-line editor that keeps with Enter and drops with Esc.

Used under the checklist for a comment and for the search. Comments may hold line breaks; the
editor shows them as " ⏎ " and gives them back as line breaks, so nothing is lost by editing.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

NEWLINE_MARK = " ⏎ "


def to_line(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", NEWLINE_MARK)


def from_line(text: str) -> str:
    return text.replace(NEWLINE_MARK, "\n").replace(NEWLINE_MARK.strip(), "\n")


class LineEditor(Input):
    DEFAULT_CSS = """
    LineEditor { dock: bottom; display: none; border: tall $accent; }
    LineEditor.-shown { display: block; }
    """
    BINDINGS = [Binding("escape", "drop", "key.cancel", id="line_editor.drop", show=False)]

    class Dropped(Message):
        """Esc: the edit is dropped."""

        def __init__(self, editor: LineEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def control(self) -> LineEditor:
            return self.editor

    def __init__(self, *, id: str | None = None, placeholder: str = "") -> None:  # noqa: A002
        super().__init__(id=id, placeholder=placeholder)

    def open(self, value: str, title: str) -> None:
        self.value = to_line(value)
        self.border_title = title
        self.add_class("-shown")
        self.cursor_position = len(self.value)
        self.focus()

    def close(self) -> None:
        self.remove_class("-shown")

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    @property
    def text(self) -> str:
        """The value with line breaks given back."""
        return from_line(self.value)

    def action_drop(self) -> None:
        self.post_message(self.Dropped(self))
