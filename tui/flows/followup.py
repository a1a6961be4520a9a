"""Opening the follow-up of a plan: the latest open round's checklist, or an offer to start one.

The database is read and written in thread workers; the screens and dialogs are shown on the event
loop through ``call_from_thread``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from i18n import t

if TYPE_CHECKING:
    from textual.app import App

    from db.queries.rounds import RoundProposal
    from tui.modals.new_round import NewRound


def _show_checklist(app: App, plan_id: int, round_id: int, today: date, replace_screen: bool) -> None:
    from tui.screens.checklist import ChecklistScreen

    screen = ChecklistScreen(plan_id, round_id, today=today)
    if replace_screen:
        app.switch_screen(screen)
    else:
        app.push_screen(screen)


def open_followup(app: App, plan_id: int, *, today: date | None = None) -> None:
    """The latest open round's checklist; with no open round, the dialog to start one."""
    today = today or date.today()

    def find() -> None:
        from db.errors import HrplanError
        from db.queries.rounds import latest_open_round, propose_round

        try:
            with app.database.read() as session:
                found = latest_open_round(plan_id, session=session)
                proposal = None if found else propose_round(plan_id, session=session, today=today)
        except HrplanError as exc:
            app.call_from_thread(app.notify, exc.message(), severity="error")
            return
        if found is not None:
            app.call_from_thread(_show_checklist, app, plan_id, found.id, today, False)
        else:
            app.call_from_thread(_ask, app, proposal, today, False, t("followup.no_open_round"))

    app.run_worker(find, thread=True, group="followup-open", exclusive=True)


def start_new_round(
    app: App, plan_id: int, *, today: date | None = None, replace_screen: bool = False
) -> None:
    """The new-round dialog for the plan, then the new round's checklist."""
    today = today or date.today()

    def propose() -> None:
        from db.errors import HrplanError
        from db.queries.rounds import propose_round

        try:
            with app.database.read() as session:
                proposal = propose_round(plan_id, session=session, today=today)
        except HrplanError as exc:
            app.call_from_thread(app.notify, exc.message(), severity="error")
            return
        app.call_from_thread(_ask, app, proposal, today, replace_screen, "")

    app.run_worker(propose, thread=True, group="followup-open", exclusive=True)


def _ask(app: App, proposal: RoundProposal, today: date, replace_screen: bool, intro: str) -> None:
    from tui.modals.new_round import NewRoundModal

    def chosen(choice: NewRound | None) -> None:
        if choice is not None:
            app.notify(t("followup.starting", name=choice.name), timeout=3)
            app.run_worker(lambda: _start(app, proposal.plan_id, choice, today, replace_screen),
                           thread=True, group="followup-start")  # fmt: skip

    app.push_screen(NewRoundModal(proposal, intro=intro), chosen)


def _start(app: App, plan_id: int, choice: NewRound, today: date, replace_screen: bool) -> None:
    from db.errors import HrplanError
    from db.queries.rounds import start_round

    try:
        with app.database.write() as session:
            started = start_round(plan_id, session=session, name=choice.name, day=choice.date)
    except HrplanError as exc:
        app.call_from_thread(app.notify, exc.message(), severity="error", timeout=8)
        return
    app.call_from_thread(_show_checklist, app, plan_id, started.id, today, replace_screen)
