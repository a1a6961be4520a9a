"""The export dialog: what to write, in which format, for which round, to which file.

It only chooses: it dismisses with an ``ExportRequest`` (or None), after asking before it overwrites a
file. Reading the plan and writing the file happen in ``tui.flows.export``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from db.errors import HrplanError
from exporters import FORMATS, WHATS
from i18n import get_language, t
from i18n.formatting import date_text

if TYPE_CHECKING:
    from db.queries.export import ExportChoices


@dataclass(frozen=True, slots=True)
class ExportRequest:
    plan_id: int
    what: str  # "summary" or "plan"
    fmt: str  # one of FORMATS
    round_id: int | None  # None: the latest round
    path: Path
    overwrite: bool


def default_folder() -> Path:
    """The user's documents folder when it exists, else the home folder."""
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()


class ExportModal(ModalScreen[ExportRequest | None]):
    DEFAULT_CSS = """
    ExportModal { align: center middle; }
    ExportModal > Vertical {
        width: 110; max-width: 95%; height: auto; padding: 1 2;
        border: thick $accent; background: $panel;
    }
    ExportModal .export-title { text-style: bold; }
    ExportModal .field { height: auto; }
    ExportModal .field Label { width: 18; height: 3; content-align: left middle; }
    ExportModal .field Select, ExportModal .field Input { width: 1fr; }
    ExportModal #export-error { color: $error; height: auto; display: none; }
    ExportModal #export-error.shown { display: block; }
    ExportModal .export-hint { color: $text-muted; }
    ExportModal #buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ExportModal #buttons Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "key.export", id="export.export"),
    ]

    def __init__(
        self, choices: ExportChoices, *, round_id: int | None = None, folder: Path | None = None,
        download: bool = False,
    ) -> None:
        super().__init__()
        # A download (the app in a browser): no file on this machine to choose, the browser saves it.
        self.download = download
        self.choices = choices
        known = [r.id for r in choices.rounds]
        # The given round when the plan has it, else the latest.
        self._round_id = round_id if round_id in known else (known[-1] if known else None)
        self._folder = folder or default_folder()
        self._suggested = ""

    def compose(self) -> ComposeResult:
        what = "summary" if self.choices.rounds else "plan"
        rounds = [(f"{r.name} ({date_text(r.date)})", r.id) for r in reversed(self.choices.rounds)]
        with Vertical():
            yield Static(t("export.dialog_title", title=self.choices.title), classes="export-title")
            with Horizontal(classes="field"):
                yield Label(t("export.label_what"))
                yield Select(
                    [(t(f"export.choice_{w}"), w) for w in WHATS], value=what, allow_blank=False, id="what"
                )
            with Horizontal(classes="field"):
                yield Label(t("export.label_format"))
                yield Select(
                    [(t(f"export.format_{f}"), f) for f in FORMATS],
                    value="docx",
                    allow_blank=False,
                    id="format",
                )
            with Horizontal(classes="field"):
                yield Label(t("export.label_round"))
                if rounds:
                    yield Select(
                        rounds,
                        value=self._round_id,
                        allow_blank=False,
                        id="round",
                        disabled=what != "summary",
                    )
                else:
                    yield Select([], prompt=t("export.no_round_choice"), id="round", disabled=True)
            if not self.download:
                with Horizontal(classes="field"):
                    yield Label(t("export.label_path"))
                    yield Input(id="path")
            yield Static("", id="export-error")
            yield Static(t("export.download_hint" if self.download else "export.hint"), classes="export-hint")
            with Horizontal(id="buttons"):
                yield Button(t("key.cancel"), id="cancel")
                yield Button(t("export.button_export"), id="export", variant="primary")

    def on_mount(self) -> None:
        self._suggest_path()
        self.query_one("#what", Select).focus()

    # -- the chosen values

    @property
    def what(self) -> str:
        return str(self.query_one("#what", Select).value)

    @property
    def fmt(self) -> str:
        return str(self.query_one("#format", Select).value)

    @property
    def round_id(self) -> int | None:
        value = self.query_one("#round", Select).value
        return value if isinstance(value, int) else None

    def _round_name(self) -> str | None:
        return next((r.name for r in self.choices.rounds if r.id == self.round_id), None)

    def _suggest_path(self) -> None:
        """Put a default file name in the path, unless the user has typed their own."""
        from exporters import default_file_name

        if self.download:
            return
        path_input = self.query_one("#path", Input)
        current = path_input.value
        if current and current != self._suggested:
            # Keep the user's name; follow the format in its extension.
            path = Path(current)
            if path.suffix.lstrip(".") in FORMATS and path.suffix != f".{self.fmt}":
                path_input.value = str(path.with_suffix(f".{self.fmt}"))
            return
        name = default_file_name(self.choices.title, self.what, self.fmt, self._round_name(), get_language())
        self._suggested = str(self._folder / name)
        path_input.value = self._suggested

    @on(Select.Changed)
    def _choice_changed(self, event: Select.Changed) -> None:
        if event.select.id == "what":
            round_select = self.query_one("#round", Select)
            round_select.disabled = self.what != "summary" or not self.choices.rounds
        self._suggest_path()

    @on(Input.Changed, "#path")
    def _path_changed(self, event: Input.Changed) -> None:
        """A typed name ending in a known extension (".xlsx") chooses that format."""
        suffix = Path(event.value.strip()).suffix.lstrip(".").lower()
        if suffix in FORMATS and suffix != self.fmt:
            self.query_one("#format", Select).value = suffix

    # -- finishing

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#export")
    @on(Input.Submitted, "#path")
    def action_export(self) -> None:
        from exporters.files import FileExistsExportError, check_target

        if self.download:
            from exporters import default_file_name, download_name

            lang = get_language()
            name = default_file_name(self.choices.title, self.what, self.fmt, self._round_name(), lang)
            self.dismiss(ExportRequest(self.choices.plan_id, self.what, self.fmt, self.round_id,
                                       Path(download_name(name)), overwrite=False))  # fmt: skip
            return
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self._show_error(t("export.path_required"))
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self._folder / path
        request = ExportRequest(
            self.choices.plan_id, self.what, self.fmt, self.round_id, path, overwrite=False
        )
        try:
            self.app.database.refuse_own_file(path)
            check_target(path, overwrite=False)
        except FileExistsExportError:
            self._ask_overwrite(request)
            return
        except HrplanError as exc:  # a folder that is missing or not writable: say so, keep the dialog
            self._show_error(exc.message())
            return
        self.dismiss(request)

    def _show_error(self, text: str) -> None:
        error = self.query_one("#export-error", Static)
        error.update(text)
        error.add_class("shown")

    def _ask_overwrite(self, request: ExportRequest) -> None:
        from dataclasses import replace

        from tui.modals.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(replace(request, overwrite=True))

        self.app.push_screen(
            ConfirmModal(t("export.overwrite_title", name=request.path.name), str(request.path),
                         yes=t("export.overwrite_yes"), danger=True),
            answered,
        )  # fmt: skip
