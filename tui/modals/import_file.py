"""Which file to import: a path, completed from the folders as it is typed. Dismisses with the path,
or None on Esc. A path that is no file is refused here, with the reason under the field."""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Static

from i18n import t

IMPORTABLE = (".docx", ".xlsx", ".xlsm", ".csv", ".txt", ".text", ".tsv")


class PathSuggester(Suggester):
    """Completes the last part of a path with a folder or an importable file that starts with it."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        folder, sep, prefix = value.rpartition(os.sep)
        if sep and not folder:
            base = Path(os.sep)
        else:
            base = Path(os.path.expanduser(folder) if folder else os.curdir)
        try:
            entries = sorted(os.scandir(base), key=lambda e: e.name.lower())
        except OSError:
            return None
        for entry in entries:
            hidden = entry.name.startswith(".") and not prefix.startswith(".")
            if hidden or not entry.name.startswith(prefix):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir or entry.name.lower().endswith(IMPORTABLE):
                return value[: len(value) - len(prefix)] + entry.name + (os.sep if is_dir else "")
        return None


class ImportFileModal(ModalScreen[Path | None]):
    DEFAULT_CSS = """
    ImportFileModal { align: center middle; }
    ImportFileModal > Vertical {
        width: 90; max-width: 95%; height: auto; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    ImportFileModal .import-title { text-style: bold; margin-bottom: 1; }
    ImportFileModal .import-hint { color: $text-muted; margin-bottom: 1; }
    ImportFileModal #import-error { color: $error; height: auto; margin-top: 1; }
    ImportFileModal Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ImportFileModal Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="import_file.cancel")]

    def __init__(self, initial: str = "", error: str = "", *, title: str | None = None) -> None:
        super().__init__()
        self._initial = initial or os.getcwd() + os.sep
        self._error = error
        self._title = title or t("import.file.title")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="import-title")
            yield Static(t("import.file.hint"), classes="import-hint")
            yield Input(self._initial, placeholder=t("import.file.placeholder"), suggester=PathSuggester(),
                        id="import-path")  # fmt: skip
            yield Static(self._error, id="import-error")
            with Horizontal():
                yield Button(t("key.cancel"), id="cancel")
                yield Button(t("import.file.read"), id="read", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#import-error", Static).display = bool(self._error)
        field = self.query_one("#import-path", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _show_error(self, text: str) -> None:
        error = self.query_one("#import-error", Static)
        error.update(text)
        error.display = True

    @on(Input.Submitted)
    @on(Button.Pressed, "#read")
    def read(self) -> None:
        value = self.query_one("#import-path", Input).value.strip()
        if not value:
            self._show_error(t("import.file.required"))
            return
        path = Path(os.path.expanduser(value))
        if path.is_dir():
            self._show_error(t("import.file.is_folder"))
        elif not path.is_file():
            self._show_error(t("import.file.missing"))
        else:
            self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
