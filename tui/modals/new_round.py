"""Starting a follow-up round: a name proposed from the plan's cadence and a date, both editable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from i18n import t
from models.rounds import check_round_name, parse_round_date
from models.validation import Invalid

if TYPE_CHECKING:
    from db.queries.rounds import RoundProposal


@dataclass(frozen=True, slots=True)
class NewRound:
    name: str
    date: date


class NewRoundModal(ModalScreen[NewRound | None]):
    DEFAULT_CSS = """
    NewRoundModal { align: center middle; }
    NewRoundModal > Vertical {
        width: 70; max-width: 95%; height: auto; padding: 1 2; border: thick $accent; background: $panel;
    }
    NewRoundModal .new-round-title { text-style: bold; margin-bottom: 1; }
    NewRoundModal .new-round-error { color: $error; height: auto; min-height: 1; }
    NewRoundModal Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    NewRoundModal Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="new_round.cancel"),
        Binding("ctrl+s", "start", "new_round.start", id="new_round.start"),
    ]

    def __init__(self, proposal: RoundProposal, *, intro: str = "") -> None:
        super().__init__()
        self.proposal = proposal
        self.intro = intro

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("new_round.title", plan=self.proposal.plan_title), classes="new-round-title")
            if self.intro:
                yield Static(self.intro)
            yield Label(t("field.round_name"))
            yield Input(self.proposal.name, id="round-name")
            yield Label(t("new_round.date_label"))
            yield Input(self.proposal.date.isoformat(), id="round-date",
                        placeholder=t("new_round.date_placeholder"))  # fmt: skip
            yield Static("", id="new-round-error", classes="new-round-error")
            yield Static(t("new_round.carry_note"), classes="empty-hint")
            with Horizontal():
                yield Button(t("key.cancel"), id="cancel")
                yield Button(t("new_round.start"), id="start", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#round-name", Input).focus()

    def _checked(self) -> NewRound | None:
        """The round as typed, or None with the reason shown under the fields."""
        error = self.query_one("#new-round-error", Static)
        try:
            name = check_round_name(self.query_one("#round-name", Input).value, self.proposal.taken)
        except Invalid as exc:
            error.update(f"{t('field.round_name')}: {t(exc.key, **exc.params)}")
            return None
        try:
            day = parse_round_date(self.query_one("#round-date", Input).value)
        except Invalid as exc:
            error.update(f"{t('field.round_date')}: {t(exc.key, **exc.params)}")
            return None
        error.update("")
        return NewRound(name, day)

    @on(Input.Changed)
    def _changed(self) -> None:
        self._checked()

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        """Enter in either field, Ctrl+S or the button: start the round as typed."""
        chosen = self._checked()
        if chosen is not None:
            self.dismiss(chosen)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
