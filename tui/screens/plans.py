"""The start screen: the plans, with everything done to a plan as a whole.

The list loads in a worker; every change (new, edit, archive, delete, copy, undo) is written in a
worker as one transaction, then the list is read again. Dialogs that need the plan's current data
(edit, delete, copy) read it first in a worker, so that the version they carry is fresh.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Header, Input, Static
from textual.worker import get_current_worker

from i18n import t, tn
from i18n.formatting import number
from tui.screens.base import BaseScreen
from tui.widgets.db_watcher import DatabaseWatcher
from tui.widgets.key_bar import KeyBar
from tui.widgets.plan_table import LABELS, PlanTable

if TYPE_CHECKING:
    from sqlmodel import Session

    from db.queries.plan_list import PlanSummary
    from db.queries.plans import PlanDependents, PlanDetails

# Change-log entity → message key naming it, for the undo notice.
ENTITY_NAMES = {
    "plan": "what.plan",
    "unit": "what.unit",
    "area": "what.area",
    "activity": "what.activity",
    "followup_round": "what.round",
    "followup_entry": "what.entry",
    "key_figure": "plans.what_key_figure",
}

# Actions that change plans: a coordinator's only.
PLAN_WRITES = {"new", "edit", "archive", "restore", "delete", "copy", "import_plan", "undo", "redo"}
# Actions that need a plan under the cursor.
NEEDS_PLAN = {"open", "edit", "archive", "restore", "delete", "copy", "followup", "export"}


def matches(plan: PlanSummary, needle: str) -> bool:
    needle = needle.casefold().strip()
    return not needle or needle in plan.title.casefold() or needle in plan.organisation.casefold()


def dependents_text(counts: PlanDependents) -> str:
    return t(
        "plans.delete_body",
        units=tn("count.units", counts.units),
        areas=tn("count.areas", counts.areas),
        activities=tn("count.activities", counts.activities),
        rounds=tn("count.rounds", counts.rounds),
        entries=tn("count.entries", counts.entries),
        key_figures=tn("count.key_figures", counts.key_figures),
    )


def summary_text(plan: PlanSummary, today: date) -> Text:
    """The highlighted plan in full: what the table cuts or leaves out at a narrow width."""
    from tui.overview import next_round_text, round_summary

    text = Text(plan.title, style="bold")
    if plan.organisation:
        text.append(f" · {plan.organisation}")
    text.append(f" · {plan.period_start}–{plan.period_end} · {t(f'kind.{plan.kind}')}")
    text.append("\n")
    text.append(
        t("plans.summary_counts", activities=tn("count.activities", plan.activity_count),
          done=number(plan.done), cancelled=number(plan.cancelled)),
        style="dim",
    )  # fmt: skip
    if plan.overdue:
        text.append(" · ", style="dim")
        text.append(tn("plans.summary_overdue", plan.overdue), style="red")
    text.append("\n")
    text.append(round_summary(plan), style="dim")
    if next_text := next_round_text(plan, today):
        text.append(" · ", style="dim")
        text.append(next_text, style="dim")
    return text


class PlansScreen(BaseScreen):
    DEFAULT_CSS = """
    PlansScreen #plans-filter { display: none; margin: 0 1; }
    PlansScreen #plans-filter.-shown { display: block; }
    PlansScreen #plans-attention { height: auto; max-height: 2; padding: 0 1; color: $warning; }
    PlansScreen #plans-attention.-calm { color: $success; }
    PlansScreen #plans { height: 1fr; }
    PlansScreen #plan-summary { height: auto; max-height: 6; padding: 0 1; background: $boost; }
    """
    HELP_TITLE_KEY = "plans.help_title"
    BINDINGS = [
        Binding("enter", "open", "plans.key_open", id="plans.open"),
        Binding("n", "new", "plans.key_new", id="plans.new"),
        Binding("e", "edit", "plans.key_edit", id="plans.edit"),
        Binding("a", "archive", "plans.key_archive", id="plans.archive"),
        Binding("a", "restore", "plans.key_restore", id="plans.restore"),
        Binding("A", "show_archived", "plans.key_show_archived", id="plans.show_archived"),
        Binding("A", "hide_archived", "plans.key_hide_archived", id="plans.hide_archived"),
        Binding("d", "delete", "plans.key_delete", id="plans.delete"),
        Binding("c", "copy", "plans.key_copy", id="plans.copy"),
        Binding("f", "followup", "key.followup", id="plans.followup"),
        Binding("x", "export", "key.export", id="plans.export"),
        Binding("i", "import_plan", "key.import_plan", id="plans.import"),
        Binding("slash", "filter", "plans.key_filter", id="plans.filter"),
        Binding("s", "sort", "plans.key_sort", id="plans.sort"),
        Binding("S", "reverse", "plans.key_reverse", id="plans.reverse", show=False),
        Binding("ctrl+z", "undo", "plans.key_undo", id="plans.undo"),
        Binding("ctrl+y", "redo", "key.redo", id="plans.redo"),
        Binding("q", "app.quit", "key.quit", id="plans.quit"),
    ]

    class Loaded(Message):
        def __init__(self, plans: list[PlanSummary], select: int | None) -> None:
            super().__init__()
            self.plans = plans
            self.select = select

    class Failed(Message):
        """A read or write was refused; ``reload`` when the list may no longer be current."""

        def __init__(self, text: str, *, reload: bool = False) -> None:
            super().__init__()
            self.text = text
            self.reload = reload

    class Written(Message):
        """A change was saved: say so, and show the list again with ``select`` under the cursor."""

        def __init__(self, notice: str, select: int | None) -> None:
            super().__init__()
            self.notice = notice
            self.select = select

    class Fetched(Message):
        """A plan's current data, read for the dialog of ``purpose`` (edit, delete, copy)."""

        def __init__(self, purpose: str, details: PlanDetails, counts: PlanDependents | None) -> None:
            super().__init__()
            self.purpose = purpose
            self.details = details
            self.counts = counts

    def __init__(self, *, today: date | None = None) -> None:
        super().__init__()
        self._today = today  # overdue activities and due rounds are counted as of this day
        self._plans: list[PlanSummary] = []
        self.show_archived = False
        self._bindings_state: tuple[object, ...] = (None, False)  # no plan yet, archived hidden
        self._reload_on_resume = False
        self._first_loaded = False
        self._early: list[str] = []  # keys for a plan pressed before the list was there

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="plans-attention")
        yield Static(t("plans.loading"), id="plans-hint", classes="empty-hint")
        yield PlanTable(id="plans", today=self.today)
        yield Static("", id="plan-summary")
        yield DatabaseWatcher(self.app.database)
        yield KeyBar()

    @property
    def today(self) -> date:
        """The day the overview counts from: the one given (tests), else today, read anew each time."""
        return self._today or date.today()

    def on_mount(self) -> None:
        self.load_plans()
        self.set_focus(self.query_one(PlanTable))
        self.query_one(KeyBar).show_keys()

    @property
    def current_plan_id(self) -> int | None:
        """The highlighted plan, for commands that act on "the current plan" (export, ...)."""
        return self.highlighted_plan()

    def on_screen_resume(self) -> None:
        # Back from a plan or a checklist: counts and progress may have changed. (Back from one of
        # this screen's dialogs the write that follows reloads; a second load would only race it.)
        if self._reload_on_resume:
            self._reload_on_resume = False
            self.load_plans(self.highlighted_plan())

    @on(DatabaseWatcher.Changed)
    def reload_plans(self) -> None:
        """Another instance (or a script) changed the database: show its changes."""
        self.load_plans(self.highlighted_plan())

    # ----------------------------------------------------------------- reading

    @work(thread=True, exclusive=True, group="plans-read")
    def load_plans(self, select: int | None = None) -> None:
        from db.errors import HrplanError
        from db.queries.plan_list import list_plans

        try:
            with self.app.database.plain_read() as conn:
                plans = list_plans(session=conn, today=self.today)
        except HrplanError as exc:
            self.post_message(self.Failed(exc.message()))
            return
        if not get_current_worker().is_cancelled:  # a newer load started meanwhile: it wins
            self.post_message(self.Loaded(plans, select))

    @work(thread=True, exclusive=True, group="plans-fetch")
    def fetch(self, purpose: str, plan_id: int) -> None:
        from db.errors import HrplanError
        from db.queries.plans import plan_dependents, plan_details

        try:
            with self.app.database.read() as session:
                details = plan_details(plan_id, session=session)
                counts = plan_dependents(plan_id, session=session) if purpose != "edit" else None
        except HrplanError as exc:
            self.post_message(self.Failed(exc.message(), reload=True))
            return
        self.post_message(self.Fetched(purpose, details, counts))

    # ----------------------------------------------------------------- writing

    def _write(self, change: Callable[[Session], tuple[str, int | None]]) -> None:
        """Run ``change`` in one transaction (in the calling worker) and report how it went."""
        from db.errors import HrplanError

        try:
            with self.app.database.write() as session:
                notice, select = change(session)
        except HrplanError as exc:  # a ConflictError too: the reload shows the newer version
            self.post_message(self.Failed(exc.message(), reload=True))
        except ValueError:  # refused by the model's own checks: the editor should have caught it
            self.post_message(self.Failed(t("error.generic"), reload=True))
        else:
            self.post_message(self.Written(notice, select))

    @work(thread=True, exclusive=True, group="plans-write")
    def write_new(self, values: dict[str, Any]) -> None:
        def change(session: Session) -> tuple[str, int | None]:
            from db.queries.plans import create_plan
            from models.plan import PlanCreate

            plan = create_plan(PlanCreate(**values), session=session)
            return t("plans.created", title=plan.title), plan.id

        self._write(change)

    @work(thread=True, exclusive=True, group="plans-write")
    def write_edit(self, plan_id: int, version: int, values: dict[str, Any]) -> None:
        def change(session: Session) -> tuple[str, int | None]:
            from db.queries.plans import update_plan

            changed = update_plan(plan_id, values, expected_version=version, session=session)
            return t("plans.saved" if changed else "plans.unchanged", title=values["title"]), plan_id

        self._write(change)

    @work(thread=True, exclusive=True, group="plans-write")
    def write_status(self, plan_id: int, status: str, title: str) -> None:
        def change(session: Session) -> tuple[str, int | None]:
            from db.queries.plans import set_plan_status

            set_plan_status(plan_id, status, session=session)
            key = "plans.archived" if status == "archived" else "plans.restored"
            return t(key, title=title), plan_id

        self._write(change)

    @work(thread=True, exclusive=True, group="plans-write")
    def write_delete(self, plan_id: int, version: int, title: str) -> None:
        def change(session: Session) -> tuple[str, int | None]:
            from db.queries.plans import delete_plan

            delete_plan(plan_id, expected_version=version, session=session)
            return t("plans.deleted", title=title), None

        self._write(change)

    @work(thread=True, exclusive=True, group="plans-write")
    def write_copy(self, plan_id: int, values: dict[str, Any]) -> None:
        def change(session: Session) -> tuple[str, int | None]:
            from db.queries.plans import copy_plan

            new_id = copy_plan(plan_id, session=session, **values)
            return t("plans.copied", title=values["title"]), new_id

        self._write(change)

    @work(thread=True, exclusive=True, group="plans-write")
    def write_undo(self, keep: int | None, *, redo: bool = False) -> None:
        """Undo the latest change of any plan, or (``redo``) make the latest undone one again."""

        def change(session: Session) -> tuple[str, int | None]:
            from db.queries.undo import redo_latest, undo_latest

            done = (redo_latest if redo else undo_latest)(session=session)
            if done is None:
                return t("error.nothing_to_redo" if redo else "error.nothing_to_undo"), keep
            what = t(ENTITY_NAMES.get(done.entity, "plans.what_change"))
            notice = t(f"plans.{'redone' if redo else 'undone'}_{done.kind}", what=what, name=done.name)
            return notice, keep

        self._write(change)

    # ------------------------------------------------------------ what comes back

    @on(Loaded)
    def _show_plans(self, message: Loaded) -> None:
        self._plans = message.plans
        self._refill(message.select)
        if not self._first_loaded:
            self._first_loaded = True
            self.refresh_bindings()
            early, self._early = self._early, []
            for action in early:  # once the table shows the rows and its cursor
                self.call_after_refresh(self.run_action, action)

    def _kept_for_later(self, action: str) -> bool:
        """True when the list is not read yet: the key is kept and done once it is."""
        if self._first_loaded:
            return False
        self._early.append(action)
        return True

    @on(Written)
    def _written(self, message: Written) -> None:
        self.notify(message.notice)
        self.load_plans(message.select if message.select is not None else self.highlighted_plan())

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error")
        if message.reload:
            self.load_plans(self.highlighted_plan())
        elif not self._plans:
            self.query_one("#plans-hint", Static).update(message.text)

    @on(Fetched)
    def _fetched(self, message: Fetched) -> None:
        details = message.details
        if message.purpose == "edit":
            from tui.modals.plan_details import PlanDetailsModal

            def edited(values: dict[str, Any] | None) -> None:
                if values is not None:
                    self.write_edit(details.id, details.version, values)

            self.app.push_screen(PlanDetailsModal(details.values()), edited)
        elif message.purpose == "delete":
            self._ask_delete(details, message.counts)
        elif message.purpose == "copy":
            self._ask_copy(details, message.counts)

    def _ask_delete(self, details: PlanDetails, counts: PlanDependents) -> None:
        from tui.modals.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self.write_delete(details.id, details.version, details.title)

        self.app.push_screen(
            ConfirmModal(t("plans.delete_title", title=details.title), dependents_text(counts),
                         yes=t("plans.delete_yes"), danger=True),
            answered,
        )  # fmt: skip

    def _ask_copy(self, details: PlanDetails, counts: PlanDependents) -> None:
        from db.queries.plans import next_period, title_for_period
        from tui.modals.copy_plan import CopyPlanModal

        old = (details.period_start, details.period_end)
        new = next_period(*old)
        what_comes = t(
            "plans.copy_body", units=tn("count.units", counts.units), areas=tn("count.areas", counts.areas),
            unfinished=number(counts.unfinished), activities=tn("count.activities", counts.activities),
        )  # fmt: skip

        def answered(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.write_copy(details.id, values)

        self.app.push_screen(
            CopyPlanModal(source_title=details.title, title=title_for_period(details.title, old, new),
                          period=new, what_comes=what_comes),
            answered,
        )  # fmt: skip

    # ----------------------------------------------------------------- the list

    def _filter_input(self) -> Input | None:
        """The filter box: made on the first ``/`` (an Input is a cost start-up need not pay)."""
        found = self.query("#plans-filter")
        return found.first(Input) if found else None

    def _needle(self) -> str:
        filter_input = self._filter_input()
        return filter_input.value if filter_input is not None else ""

    def _visible(self) -> list[PlanSummary]:
        needle = self._needle()
        return [
            p for p in self._plans
            if (self.show_archived or p.status != "archived") and matches(p, needle)
        ]  # fmt: skip

    def _refill(self, select: int | None = None) -> None:
        visible = self._visible()
        table = self.query_one(PlanTable)
        table.today = self.today
        table.show(visible, select=select if select is not None else table.selected_id)
        hint = self.query_one("#plans-hint", Static)
        needle = self._needle().strip()
        archived = sum(1 for p in self._plans if p.status == "archived")
        if not self._plans:
            hint.update(t("plans.empty"))
        elif not visible and needle:
            hint.update(t("plans.no_match", text=needle))
        elif not visible:
            hint.update(t("plans.all_archived", count=archived))
        hint.display = not visible
        attention = self.query_one("#plans-attention", Static)
        if self._plans:
            from tui.overview import attention_text

            line = attention_text(self._plans, self.today)
            attention.update(line)
            attention.set_class(line == t("plans.attention_none"), "-calm")
        attention.display = bool(self._plans)
        self._show_summary()
        self.sub_title = t(
            "plans.subtitle_archived" if self.show_archived else "plans.subtitle",
            shown=len(visible), archived=archived,
        )  # fmt: skip
        self._refresh_bindings_if_needed()

    def _is_archived(self, plan_id: int | None) -> bool | None:
        plan = self._summary(plan_id)
        return None if plan is None else plan.status == "archived"

    def _summary(self, plan_id: int | None) -> PlanSummary | None:
        return next((p for p in self._plans if p.id == plan_id), None)

    def highlighted_plan(self) -> int | None:
        """The id of the plan under the cursor; None when the list is empty or not built yet (the key
        bar asks which keys apply as soon as the screen is pushed, before it has composed)."""
        from textual.css.query import NoMatches

        try:
            return self.query_one(PlanTable).selected_id
        except NoMatches:
            return None

    @on(PlanTable.Highlighted)
    def _highlighted(self) -> None:
        self._show_summary()
        self._refresh_bindings_if_needed()

    def _refresh_bindings_if_needed(self) -> None:
        """Redraw the footer only when the keys that apply change: it rebuilds every key shown."""
        state = (self._is_archived(self.highlighted_plan()), self.show_archived)
        if state != self._bindings_state:
            self._bindings_state = state
            self.refresh_bindings()

    def _show_summary(self) -> None:
        """The highlighted plan in full below the table: the table cuts long titles."""
        plan = self._summary(self.highlighted_plan())
        line = self.query_one("#plan-summary", Static)
        line.display = plan is not None
        if plan is not None:
            line.update(summary_text(plan, self.today))

    @on(PlanTable.Selected)
    def _selected(self) -> None:
        self.action_open()

    @on(Input.Changed, "#plans-filter")
    def _filter_typed(self) -> None:
        self._refill()

    @on(Input.Submitted, "#plans-filter")
    def _filter_done(self) -> None:
        self.query_one(PlanTable).focus()

    def on_key(self, event) -> None:  # noqa: ANN001
        """Esc in the filter clears it; Down leaves it for the list."""
        filter_input = self._filter_input()
        if filter_input is None or not filter_input.has_focus:
            return
        if event.key == "escape":
            event.stop()
            filter_input.value = ""
            filter_input.remove_class("-shown")
            self.query_one(PlanTable).focus()
        elif event.key == "down":
            event.stop()
            self.query_one(PlanTable).focus()

    # ----------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in PLAN_WRITES and not self.may_change_plans:
            return False
        if action == "import_plan" and self.app.is_web:  # it would read the server's files
            return False
        if action in NEEDS_PLAN and not self._first_loaded:
            return True  # kept until the list is there (``_kept_for_later``)
        archived = self._is_archived(self.highlighted_plan())
        if action == "archive":
            return None if archived is None else not archived
        if action == "restore":
            return bool(archived)
        if action == "show_archived":
            return not self.show_archived
        if action == "hide_archived":
            return self.show_archived
        if action in NEEDS_PLAN:
            return None if archived is None else True
        return True

    def action_open(self) -> None:
        if self._kept_for_later("open"):
            return
        plan_id = self.highlighted_plan()
        if plan_id is None:
            return
        from tui.screens.plan import PlanScreen

        self._reload_on_resume = True
        self.app.push_screen(PlanScreen(plan_id))

    def action_followup(self) -> None:
        """The highlighted plan's follow-up: its open round's checklist, or a new round."""
        if self._kept_for_later("followup"):
            return
        from tui.flows.followup import open_followup

        plan_id = self.highlighted_plan()
        if plan_id is None:
            self.notify(t("followup.no_plan"), severity="warning")
            return
        self._reload_on_resume = True
        open_followup(self.app, plan_id)

    def action_export(self) -> None:
        if self._kept_for_later("export"):
            return
        from tui.flows.export import open_export

        if (plan_id := self.highlighted_plan()) is not None:
            open_export(self.app, plan_id)

    def action_import_plan(self) -> None:
        """A plan from a Word, Excel, CSV or text file: preview first, then it is selected here."""
        from tui.flows.importing import open_import

        open_import(self.app, lambda plan_id: self.load_plans(plan_id))

    def action_new(self) -> None:
        from tui.modals.plan_details import PlanDetailsModal

        def created(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.write_new(values)

        self.app.push_screen(PlanDetailsModal(), created)

    def action_edit(self) -> None:
        if self._kept_for_later("edit"):
            return
        if (plan_id := self.highlighted_plan()) is not None:
            self.fetch("edit", plan_id)

    def action_delete(self) -> None:
        if self._kept_for_later("delete"):
            return
        if (plan_id := self.highlighted_plan()) is not None:
            self.fetch("delete", plan_id)

    def action_copy(self) -> None:
        if self._kept_for_later("copy"):
            return
        if (plan_id := self.highlighted_plan()) is not None:
            self.fetch("copy", plan_id)

    def action_archive(self) -> None:
        if self._kept_for_later("archive"):
            return
        self._set_status("archived")

    def action_restore(self) -> None:
        if self._kept_for_later("restore"):
            return
        self._set_status("active")

    def _set_status(self, status: str) -> None:
        plan = self._summary(self.highlighted_plan())
        if plan is not None:
            self.write_status(plan.id, status, plan.title)

    def action_show_archived(self) -> None:
        self.show_archived = True
        self._refill()

    def action_hide_archived(self) -> None:
        self.show_archived = False
        self._refill()

    async def action_filter(self) -> None:
        filter_input = self._filter_input()
        if filter_input is None:
            filter_input = Input(placeholder=t("plans.filter_placeholder"), id="plans-filter")
            await self.mount(filter_input, after=self.query_one(Header))
        filter_input.add_class("-shown")
        filter_input.focus()

    def action_sort(self) -> None:
        """Sort by the next column (s again moves on); S reverses the order."""
        table = self.query_one(PlanTable)
        table.sort_by()
        self._refill()
        self.notify(t("plans.sorted_by", column=t(LABELS[table.sort_key])), timeout=2)

    def action_reverse(self) -> None:
        table = self.query_one(PlanTable)
        table.sort_by(table.sort_key)
        self._refill()

    def action_undo(self) -> None:
        self.write_undo(self.highlighted_plan())

    def action_redo(self) -> None:
        self.write_undo(self.highlighted_plan(), redo=True)
