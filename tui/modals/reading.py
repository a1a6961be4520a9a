"""A dialog that shows what it reads from the database: read in a worker, shown when it arrives.

Subclasses say what to read (``fetch``, in the worker, with its own session) and how to show it
(``show``, on the event loop). A failure is shown as a notice and closes the dialog.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen


class ReadingModal(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "close", "key.close", id="reading.close")]

    class Read(Message):
        def __init__(self, data: Any) -> None:
            super().__init__()
            self.data = data

    class Failed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self) -> None:
        super().__init__()

    def fetch(self, session: Any) -> Any:  # noqa: ANN401
        raise NotImplementedError

    def show(self, data: Any) -> None:  # noqa: ANN401
        raise NotImplementedError

    def on_mount(self) -> None:
        self.read()

    @work(thread=True, exclusive=True, group="reading-modal")
    def read(self) -> None:
        from db.errors import HrplanError

        try:
            with self.app.database.read() as session:
                data = self.fetch(session)
        except HrplanError as exc:
            self.post_message(self.Failed(exc.message()))
            return
        self.post_message(self.Read(data))

    @on(Read)
    def _read(self, message: Read) -> None:
        self.show(message.data)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error")
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
