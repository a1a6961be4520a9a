"""One plan: its units on the left, the selection's activities by area on the right, details below.

All database work runs in thread workers; the activity table draws only the lines on screen, so a
plan with 5,000 activities opens, scrolls and searches without holding up a key press.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from i18n import t, tn
from i18n.formatting import number
from models.activity_filter import WHOLE_PLAN, ActivityFilter
from tui.screens.base import BaseScreen
from tui.widgets.activity_detail import ActivityDetail
from tui.widgets.activity_table import ActivityIndex, ActivityTable, build_rows
from tui.widgets.db_watcher import DatabaseWatcher
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from textual.timer import Timer

    from db.heap import Pause
    from db.queries.activities import ActivityRow
    from db.queries.areas import AreaRow
    from db.queries.sections import SectionRow
    from db.queries.units import UnitRow
    from models.plan_activities import PlanActivities
    from tui.widgets.row_list import Row

# Change-log table → the word for it in a notice.
ENTITY_WORDS = {
    "activity": "what.activity",
    "unit": "what.unit",
    "area": "what.area",
    "key_figure": "plan.what_key_figure",
    "plan": "what.plan",
    "followup_round": "what.round",
    "followup_entry": "what.entry",
    "section": "what.section",
}

# Seconds the cursor rests before the detail pane shows the highlighted activity.
DETAIL_DELAY = 0.05
# Activities read first on opening: more than a tall terminal shows, the rest follows at once.
FIRST_ROWS = 60
# Seconds the rest of the plan waits at most for the first screenful to be painted.
HEAD_PAINT_WAIT = 0.5

# Actions that need a highlighted activity.
ACTIVITY_ACTIONS = {"edit", "delete", "move", "shift", "history"}


# The options of the units list: every activity, the plan as a whole, a unit.
ALL_OPTION, WHOLE_OPTION = "all", "whole"


def unit_option(unit: int | None) -> str:
    """The units list's option for a filter's ``unit`` (None: every unit)."""
    if unit is None:
        return ALL_OPTION
    return WHOLE_OPTION if unit == WHOLE_PLAN else f"unit-{unit}"


def option_unit(option: str | None) -> int | None:
    if option in (None, ALL_OPTION):
        return None
    return WHOLE_PLAN if option == WHOLE_OPTION else int(option.removeprefix("unit-"))


# Actions that change the plan: a coordinator's only (others read in a browser).
PLAN_WRITES = {"edit", "add", "delete", "move", "shift", "units", "areas", "undo", "redo", "narrative"}

class PlanScreen(BaseScreen):
    DEFAULT_CSS = """
    PlanScreen #plan-left { width: 26; height: 1fr; border-right: solid $panel-lighten-2; }
    PlanScreen.-narrow #plan-left { width: 18; }
    PlanScreen #plan-units { height: 1fr; }
    PlanScreen #plan-narrative {
        height: auto; max-height: 9; padding: 0 1; border-top: solid $panel-lighten-2;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    PlanScreen.-short #plan-narrative { max-height: 5; }
    PlanScreen.-short ActivityDetail { height: 5; }
    PlanScreen #plan-main { width: 1fr; height: 1fr; }
    PlanScreen #plan-status { height: 1; padding: 0 1; color: $text-muted; }
    PlanScreen #plan-search { display: none; height: 3; }
    PlanScreen #plan-search.visible { display: block; }
    PlanScreen ActivityTable { height: 1fr; }
    """
    # At 80×24 the units pane narrows and the detail pane shrinks, so that more activities show.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        Binding("e,enter", "edit", "plan.key_edit", id="plan.edit"),
        Binding("a", "add", "plan.key_add_activity", id="plan.add"),
        Binding("d", "delete", "plan.key_delete", id="plan.delete"),
        Binding("m", "move", "plan.key_move", id="plan.move"),
        Binding("J", "shift(1)", "plan.key_move_down", id="plan.move_down", show=False),
        Binding("K", "shift(-1)", "plan.key_move_up", id="plan.move_up", show=False),
        Binding("slash", "search", "plan.key_search", id="plan.search"),
        Binding("s", "filter_status", "plan.key_filter_status", id="plan.filter_status"),
        Binding("v", "filter_responsible", "plan.key_filter_responsible", id="plan.filter_responsible"),
        Binding("o", "filter_overdue", "plan.key_filter_overdue", id="plan.filter_overdue"),
        Binding("c", "clear_filters", "plan.key_clear_filters", id="plan.clear_filters", show=False),
        Binding("u", "units", "plan.key_units", id="plan.units"),
        Binding("r", "areas", "plan.key_areas", id="plan.areas"),
        Binding("k", "key_figures", "plan.key_key_figures", id="plan.key_figures"),
        Binding("t", "narrative", "plan.key_narrative", id="plan.narrative"),
        Binding("f", "followup", "key.followup", id="plan.followup"),
        Binding("h", "history", "key.history", id="plan.history"),
        Binding("x", "export", "key.export", id="plan.export"),
        Binding("i", "import_into", "plan.key_import_into", id="plan.import_into", show=False),
        Binding("ctrl+z", "undo", "plan.key_undo", id="plan.undo"),
        Binding("ctrl+y", "redo", "key.redo", id="plan.redo"),
        Binding("escape", "back", "key.back", id="plan.back"),
    ]

    # ---- messages from the workers ------------------------------------------------------------
    class Loaded(Message):
        def __init__(self, title: str, units: list[UnitRow], areas: list[AreaRow], index: ActivityIndex,
                     counts: dict[int | None, int], sections: list[SectionRow], view: PlanScreen.ViewReady,
                     complete: bool = True, painted: threading.Event | None = None,
                     pause: Pause | None = None) -> None:  # fmt: skip
            super().__init__()
            self.title = title
            self.sections = sections
            self.units = units
            self.areas = areas
            self.index = index
            self.counts = counts  # activities per unit (None: the plan as a whole), of the whole plan
            self.view = view  # the rows of the view shown when the load began
            self.complete = complete  # False: the first screenful, the rest follows
            self.painted = painted  # set once this first screenful is painted
            self.pause = pause  # of collections (db.heap), released once the screen has taken the rows in

    class ViewReady(Message):
        def __init__(self, view: ActivityFilter, rows: Sequence[Row], shown: int) -> None:
            super().__init__()
            self.view = view
            self.rows = rows
            self.shown = shown

    class Written(Message):
        def __init__(self, notice: str, focus: object = None) -> None:
            super().__init__()
            self.notice = notice
            self.focus = focus

    class Failed(Message):
        def __init__(self, text: str, reload: bool = False, retry: Callable[[], None] | None = None) -> None:
            super().__init__()
            self.text = text
            self.reload = reload
            self.retry = retry  # reopens the editor with what the user typed, after a conflict

    def __init__(self, plan_id: int) -> None:
        super().__init__()
        self.plan_id = plan_id
        self.plan_title = ""
        self.units: list[UnitRow] = []
        self.areas: list[AreaRow] = []
        self.sections: list[SectionRow] = []
        self.index = ActivityIndex((), date.today())
        self._styles: dict = {}
        self.view = ActivityFilter()
        self._focus_after_load: object = None
        self._loaded = False
        self._complete = False  # every activity is in ``index`` (not only the first screenful)
        self._counts: dict[int | None, int] = {}
        self._had_activity = False
        self._detail_timer: Timer | None = None
        self._reload_on_resume = False
        self._units_shown: tuple | None = None  # the units list as shown: (label, id) per option, highlighted
        self._narrative_shown: str | None = None

    # ---- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="plan-left"):
                yield OptionList(id="plan-units")
                yield Static("", id="plan-narrative")
            with Vertical(id="plan-main"):
                yield Input(placeholder=t("plan.search_placeholder"), id="plan-search")
                yield Static("", id="plan-status")
                yield ActivityTable(id="plan-activities")
                yield ActivityDetail(id="plan-detail")
        yield DatabaseWatcher(self.app.database)
        yield KeyBar()

    def on_mount(self) -> None:
        from tui.palette import status_styles

        self._styles = status_styles(self.app)
        self.query_one("#plan-units", OptionList).border_title = t("plan.units_heading")
        self.query_one("#plan-narrative", Static).border_title = t("narrative.panel")
        self.query_one(ActivityTable).focus()
        self.load()

    @property
    def current_plan_id(self) -> int:
        """The plan this screen shows, for commands that act on "the current plan"."""
        return self.plan_id

    def on_screen_resume(self) -> None:
        # Back from the checklist: statuses may have changed. (Back from this screen's own dialogs
        # their callbacks reload; a second load would only race them.)
        if self._reload_on_resume:
            self._reload_on_resume = False
            self.load()

    @on(DatabaseWatcher.Changed)
    def _changed_elsewhere(self) -> None:
        """Another hrplan or a script saved something: show the plan as it is now."""
        self.load()

    @property
    def activities(self) -> PlanActivities:
        """Every activity of the plan as read (after the first screenful, all of them)."""
        return self.index.activities

    @property
    def table(self) -> ActivityTable:
        return self.query_one(ActivityTable)

    @property
    def today(self) -> date:
        return date.today()

    @property
    def highlighted(self) -> ActivityRow | None:
        key = self.table.cursor_key
        return self.activities.row(key) if isinstance(key, int) else None

    # ---- loading ------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="plan-load")
    def load(self) -> None:
        """Read the plan. On opening, the first screenful comes first (one paint with rows however
        large the plan), every activity right after, in the same read transaction."""
        from db.errors import HrplanError
        from db.heap import pause_collection
        from db.queries.activities import activity_values, first_activity_values, place_counts
        from db.queries.areas import list_areas
        from db.queries.sections import list_sections
        from db.queries.units import list_units
        from models.plan import Plan
        from models.plan_activities import PlaceCounts, owners_in_order

        worker = get_current_worker()
        first = not self._loaded
        painted = threading.Event()  # set once the first screenful is on screen (or when there is none)
        # No collections until the screen has taken the rows in (see db.heap): reading 50,000
        # activities otherwise sets off a full collection that finds nothing to free, and when it
        # falls before the first screenful is painted, that paint waits 50 to 80 ms for it.
        pause = pause_collection()
        try:
            with self.app.database.read() as session:
                plan = session.get(Plan, self.plan_id)
                if plan is None:
                    raise _plan_missing(self.plan_id)
                places = PlaceCounts(place_counts(self.plan_id, session=session))
                counts = places.by_unit
                units = list_units(self.plan_id, session=session, activity_counts=counts)
                areas = list_areas(self.plan_id, session=session, activity_counts=places.by_area)
                sections = list_sections(self.plan_id, session=session)
                if not (first and places.total > FIRST_ROWS):
                    painted.set()
                else:
                    owners = owners_in_order(((u.id, u.position) for u in units), counts)
                    head = first_activity_values(self.plan_id, owners, session=session, limit=FIRST_ROWS)
                    index = ActivityIndex(head, self.today, self._styles)
                    view = self._view_of(index, self.view)
                    if worker.is_cancelled:
                        painted.set()  # nothing will be painted: a newer load runs
                    else:
                        self.post_message(self.Loaded(plan.title, units, areas, index, counts, sections, view,
                                                      complete=False, painted=painted))  # fmt: skip
                # The database finds and sorts every activity while the first screenful is painted;
                # turning them into tuples waits for that paint, so the two do not take turns.
                rows = activity_values(self.plan_id, session=session,
                                       after_execute=lambda: painted.wait(HEAD_PAINT_WAIT))  # fmt: skip
                index = ActivityIndex(rows, self.today, self._styles)
            # The view shown now, made here: opening costs no second trip through a worker.
            view = self._view_of(index, self.view)
            loaded = self.Loaded(plan.title, units, areas, index, counts, sections, view, pause=pause)
        except HrplanError as exc:
            pause.release()
            self.post_message(self.Failed(exc.message()))
            return
        except BaseException:
            pause.release()
            raise
        if worker.is_cancelled:  # a newer load started meanwhile: it wins
            pause.release()
        else:
            self.post_message(loaded)

    @on(Loaded)
    def _loaded_plan(self, message: Loaded) -> None:
        try:
            self._take_in(message)
        finally:
            if message.pause is not None:
                message.pause.release()

    def _take_in(self, message: Loaded) -> None:
        if message.painted is not None:
            self.call_after_refresh(message.painted.set)
        if self._complete and not message.complete:
            return  # a first screenful that arrives after a whole plan: nothing to add
        self.plan_title = message.title
        self.sub_title = message.title
        self.units, self.areas, self.index = message.units, message.areas, message.index
        self.sections = message.sections
        self._counts, self._complete = message.counts, message.complete
        if self.index.column_weights != getattr(self, "_weights", None):
            self._weights = self.index.column_weights
            self.table.share_by_content(self._weights)
        if self.view.unit not in (None, WHOLE_PLAN) and self.view.unit not in {u.id for u in self.units}:
            self.view = replace(self.view, unit=None)
        with self.app.batch_update():  # one layout and one paint for the units, the rows and the rest
            self._fill_units()
            self._loaded = True
            if message.view.view == self.view:
                self._show_view(message.view)
                self._show_narrative()
            else:  # the view changed while the plan was read
                self.refresh_view()

    def _fill_units(self) -> None:
        counts = self._counts
        options = [
            Option(f"{t('plan.all')} ({sum(counts.values())})", id=ALL_OPTION),
            Option(f"{t('whole_plan')} ({counts.get(None, 0)})", id=WHOLE_OPTION),
        ]
        options += [Option(f"{u.name} ({counts.get(u.id, 0)})", id=f"unit-{u.id}") for u in self.units]
        ids = [o.id for o in options]
        shown = ([(str(o.prompt), o.id) for o in options], ids.index(unit_option(self.view.unit)))
        if shown == self._units_shown:
            return  # the same list (the rest of the plan after its first screenful): nothing to redraw
        self._units_shown = shown
        units = self.query_one("#plan-units", OptionList)
        with self.prevent(OptionList.OptionHighlighted):
            units.clear_options()
            units.add_options(options)
            units.highlighted = shown[1]

    # ---- the view -----------------------------------------------------------------------------
    def set_view(self, **changes: Any) -> None:
        self.view = replace(self.view, **changes)
        self.refresh_view()

    def refresh_view(self) -> None:
        if self._loaded:
            self._compute_view(self.view, self.index)
            self._show_narrative()
        self._show_status()

    def _show_narrative(self) -> None:
        """The sections of the unit in view (of the plan itself for "Alla" and "Hela planen"); while
        searching, the sections anywhere in the plan whose heading or text holds the search."""
        from exporters.markup import count_words

        panel = self.query_one("#plan-narrative", Static)
        needle = self.view.search.strip().casefold()
        units = {u.id: u.name for u in self.units}
        if needle:
            hits = [s for s in self.sections if needle in s.heading.casefold() or needle in s.body.casefold()]
            lines = [t("narrative.search_hits", count=len(hits))]
            lines += [f"{units.get(s.unit_id, t('whole_plan'))} · {s.heading}" for s in hits]
        else:
            owner = self.view.unit if self.view.unit not in (None, WHOLE_PLAN) else None
            own = [s for s in self.sections if s.unit_id == owner]
            lines = [f"{s.heading} · {t('narrative.words', count=count_words(s.body))}" for s in own]
            lines = lines or [t("narrative.panel_empty")]
        text = "\n".join(lines)
        if text != self._narrative_shown:
            self._narrative_shown = text
            panel.update(Text(text))

    def _view_of(self, index: ActivityIndex, view: ActivityFilter) -> ViewReady:
        rows, shown = build_rows(index, view)
        return self.ViewReady(view, rows, shown)

    @work(thread=True, exclusive=True, group="plan-view")
    def _compute_view(self, view: ActivityFilter, index: ActivityIndex) -> None:
        ready = self._view_of(index, view)
        if not get_current_worker().is_cancelled:
            self.post_message(ready)

    @on(ViewReady)
    def _show_view(self, message: ViewReady) -> None:
        if message.view != self.view:
            return  # a newer view is on its way
        table = self.table
        table.empty_text = t("plan.empty_filtered" if message.view.narrowed else "plan.empty")
        table.set_rows(message.rows)
        if self._focus_after_load is not None:
            table.move_cursor_to(self._focus_after_load)
            self._focus_after_load = None
        self._shown = message.shown
        self._show_status()
        self._show_detail()
        self.refresh_bindings()
        self._had_activity = self.highlighted is not None

    def _show_status(self) -> None:
        parts = []
        if self._loaded:
            total = tn("count.activities", sum(self._counts.values()))
            parts.append(t("plan.count", shown=number(getattr(self, "_shown", 0)), total=total))
        view = self.view
        if view.search.strip():
            parts.append(t("plan.filter_search", text=view.search.strip()))
        if view.status:
            parts.append(t("plan.filter_status", status=t(f"status.{view.status}")))
        if view.responsible is not None:
            parts.append(t("plan.filter_responsible", name=view.responsible or "–"))
        if view.overdue:
            parts.append(t("plan.filter_overdue"))
        self.query_one("#plan-status", Static).update(" · ".join(parts) if parts else t("plan.loading"))

    def _show_detail(self) -> None:
        self.query_one(ActivityDetail).show(self.highlighted, self.today)

    @on(ActivityTable.Highlighted)
    def _highlighted(self) -> None:
        # The detail pane follows once the cursor rests: holding a key down does not lay it out
        # again for every line passed.
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self._show_detail)
        self._refresh_bindings_if_needed()

    def _refresh_bindings_if_needed(self) -> None:
        """Redraw the footer only when the keys that need an activity come or go: it is not cheap."""
        has_activity = self.highlighted is not None
        if has_activity != self._had_activity:
            self._had_activity = has_activity
            self.refresh_bindings()

    @on(ActivityTable.Selected)
    def _selected(self) -> None:
        if self.may_change_plans:
            self.action_edit()

    @on(OptionList.OptionHighlighted, "#plan-units")
    def _unit_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        unit = option_unit(event.option.id)
        if unit != self.view.unit:
            self.set_view(unit=unit)

    @on(OptionList.OptionSelected, "#plan-units")
    def _unit_selected(self) -> None:
        self.table.focus()

    # ---- search -------------------------------------------------------------------------------
    def action_search(self) -> None:
        search = self.query_one("#plan-search", Input)
        search.add_class("visible")
        self.call_after_refresh(search.focus)  # a hidden widget cannot take focus: wait until shown

    @on(Input.Changed, "#plan-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.set_view(search=event.value)

    @on(Input.Submitted, "#plan-search")
    def _search_submitted(self) -> None:
        self.table.focus()

    def _close_search(self) -> None:
        search = self.query_one("#plan-search", Input)
        search.value = ""
        search.remove_class("visible")
        self.table.focus()

    # ---- filters ------------------------------------------------------------------------------
    def action_filter_status(self) -> None:
        from models.status import STATUS_ORDER
        from tui.modals.pick import PickModal

        choices = [("", t("plan.pick_any"))] + [(s.value, t(f"status.{s.value}")) for s in STATUS_ORDER]

        def picked(choice: str | None) -> None:
            if choice is not None:
                self.set_view(status=choice or None)

        self.app.push_screen(PickModal(t("plan.pick_status"), choices, self.view.status or ""), picked)

    def action_filter_responsible(self) -> None:
        from tui.modals.pick import PickModal

        names = self.activities.responsible_choices()
        choices = [("\x00any", t("plan.pick_any"))] + [(name, name) for name in names]

        def picked(choice: str | None) -> None:
            if choice is not None:
                self.set_view(responsible=None if choice == "\x00any" else choice)

        current = "\x00any" if self.view.responsible is None else self.view.responsible
        self.app.push_screen(PickModal(t("plan.pick_responsible"), choices, current), picked)

    def action_filter_overdue(self) -> None:
        self.set_view(overdue=not self.view.overdue)

    def action_clear_filters(self) -> None:
        search = self.query_one("#plan-search", Input)
        if search.value:
            with self.prevent(Input.Changed):
                search.value = ""
        search.remove_class("visible")
        self.set_view(search="", status=None, responsible=None, overdue=False)

    def action_help(self) -> None:
        """Help lists every key of the screen, also those that do not apply at the moment."""
        from tui.bindings import describe, keys_label
        from tui.modals.help import HelpModal, rows_for

        rows = rows_for(self)
        listed = {text for _, text in rows}
        for binding in self.BINDINGS:
            if describe(binding) not in listed:
                rows.append((keys_label(binding.key), describe(binding)))
        self.app.push_screen(HelpModal(t(self.HELP_TITLE_KEY), rows))

    # ---- key availability ---------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in PLAN_WRITES and not self.may_change_plans:
            return False
        if action in ACTIVITY_ACTIONS and self.highlighted is None:
            return None
        if action == "add" and not self.areas:
            return None
        if action == "clear_filters" and not self.view.narrowed:
            return None
        if action == "filter_responsible" and not self._complete:
            return None  # the names come from every activity: after the first screenful, the rest
        return True

    # ---- writing ------------------------------------------------------------------------------
    @work(thread=True, group="plan-write")
    def write(self, change: Callable[[Any], object], notice: Callable[[object], str],
              focus: Callable[[object], object] | None = None,
              on_conflict: Callable[[dict | None], None] | None = None) -> None:  # fmt: skip
        """Run ``change(session)`` as one transaction; then a notice and a reload.

        ``on_conflict`` gets the row as it is now when another instance changed it meanwhile, so
        that an editor can offer the user's text again instead of dropping it.
        """
        from db.errors import ConflictError, HrplanError

        try:
            with self.app.database.write() as session:
                result = change(session)
        except ConflictError as exc:
            if on_conflict is None:
                self.post_message(self.Failed(exc.message(), reload=True))
            else:
                current = exc.current
                text = t("reliability.conflict_kept", what=t("what.activity"))
                self.post_message(self.Failed(text, reload=True, retry=lambda: on_conflict(current)))
            return
        except HrplanError as exc:
            self.post_message(self.Failed(exc.message()))
            return
        self.post_message(self.Written(notice(result), focus(result) if focus else None))

    @on(Written)
    def _written(self, message: Written) -> None:
        if message.notice:
            self.notify(message.notice)
        if message.focus is not None:
            self._focus_after_load = message.focus
        self.load()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error")
        if not self._loaded:
            self.query_one("#plan-status", Static).update(message.text)
        if message.reload:
            self.load()
        if message.retry is not None:
            message.retry()

    def _editor(self, initial, *, new: bool):  # noqa: ANN001, ANN202
        from tui.modals.activity_editor import ActivityEditorModal

        return ActivityEditorModal(
            initial,
            units=[(u.id, u.name) for u in self.units],
            areas=[(a.id, a.name) for a in self.areas],
            new=new,
        )

    def action_add(self) -> None:
        from models.activity_rules import ActivityFields

        if not self.areas:
            self.notify(t("plan.no_areas"), severity="warning")
            return
        current = self.highlighted
        if self.view.unit == WHOLE_PLAN:
            unit_id = None
        elif self.view.unit is None:
            unit_id = current.unit_id if current else None
        else:
            unit_id = self.view.unit
        area_id = current.area_id if current else self.areas[0].id
        plan_id = self.plan_id

        def save(data: ActivityFields | None) -> None:
            if data is None:
                return
            from db.queries.activities import add_activity

            self.write(lambda s: add_activity(plan_id, data, session=s), lambda _: t("plan.added"),
                       lambda new_id: new_id)  # fmt: skip

        self.app.push_screen(self._editor(ActivityFields(area_id=area_id, unit_id=unit_id), new=True), save)

    def action_edit(self) -> None:
        row = self.highlighted
        if row is not None:
            self._edit(row.id, row.fields(), row.version)

    def _edit(self, activity_id: int, initial, version: int) -> None:  # noqa: ANN001
        """The editor on ``initial``; saving checks that the row is still at ``version``."""

        def save(data) -> None:  # noqa: ANN001
            if data is None:
                return
            from db.queries.activities import update_activity

            def keep_text(current: dict | None) -> None:
                newer = (current or {}).get("version", version)
                self._edit(activity_id, data, newer)

            self.write(
                lambda s: update_activity(activity_id, data, session=s, expected_version=version),
                lambda changed: t("plan.saved") if changed else "",
                lambda _: activity_id,
                on_conflict=keep_text,
            )

        self.app.push_screen(self._editor(initial, new=False), save)

    def action_delete(self) -> None:
        row = self.highlighted
        if row is None:
            return
        from tui.modals.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            from db.queries.activities import delete_activity

            self.write(lambda s: delete_activity(row.id, session=s, expected_version=row.version),
                       lambda _: t("plan.deleted"))  # fmt: skip

        title = (row.goal or row.description).split("\n")[0]
        self.app.push_screen(
            ConfirmModal(t("plan.confirm_delete"), t("plan.confirm_delete_body", title=title),
                         yes=t("plan.key_delete"), danger=True),
            answered,
        )  # fmt: skip

    def action_move(self) -> None:
        row = self.highlighted
        if row is None:
            return
        from tui.modals.move_activity import MoveActivityModal

        def moved(target: tuple[int | None, int] | None) -> None:
            if target is None:
                return
            unit_id, area_id = target
            from db.queries.activities import move_activity

            units = {u.id: u.name for u in self.units}
            areas = {a.id: a.name for a in self.areas}
            place = f"{units.get(unit_id, t('whole_plan'))} · {areas.get(area_id, '')}"
            self.write(
                lambda s: move_activity(row.id, unit_id=unit_id, area_id=area_id, session=s,
                                        expected_version=row.version),
                lambda changed: t("plan.moved", place=place) if changed else t("plan.not_moved"),
                lambda _: row.id,
            )  # fmt: skip

        self.app.push_screen(
            MoveActivityModal(
                title=(row.goal or row.description).split("\n")[0],
                units=[(u.id, u.name) for u in self.units],
                areas=[(a.id, a.name) for a in self.areas],
                unit_id=row.unit_id,
                area_id=row.area_id,
            ),
            moved,
        )

    def action_shift(self, step: int) -> None:
        row = self.highlighted
        if row is None:
            return
        from db.queries.activities import shift_activity

        self.write(lambda s: shift_activity(row.id, step, session=s),
                   lambda moved: "" if moved else t("plan.at_edge"), lambda _: row.id)  # fmt: skip

    def action_undo(self) -> None:
        from db.queries.undo import undo_latest

        plan_id = self.plan_id
        self.write(lambda s: undo_latest(session=s, plan_id=plan_id), describe_undo)

    def action_redo(self) -> None:
        from db.queries.undo import redo_latest

        plan_id = self.plan_id
        self.write(lambda s: redo_latest(session=s, plan_id=plan_id), describe_redo)

    # ---- other screens and editors ------------------------------------------------------------
    def _reload_when_changed(self, changed: bool | None) -> None:
        if changed:
            self.load()

    def action_units(self) -> None:
        from tui.modals.units_editor import UnitsEditorModal

        self.app.push_screen(UnitsEditorModal(self.plan_id), self._reload_when_changed)

    def action_areas(self) -> None:
        from tui.modals.areas_editor import AreasEditorModal

        self.app.push_screen(AreasEditorModal(self.plan_id), self._reload_when_changed)

    def action_key_figures(self) -> None:
        from tui.screens.key_figures import KeyFiguresScreen

        self.app.push_screen(KeyFiguresScreen(self.plan_id, self.plan_title), self._reload_when_changed)

    def action_followup(self) -> None:
        from tui.flows.followup import open_followup

        self._reload_on_resume = True
        open_followup(self.app, self.plan_id)

    def action_history(self) -> None:
        from tui.modals.activity_history import ActivityHistoryModal

        if (row := self.highlighted) is not None:
            self.app.push_screen(ActivityHistoryModal(row.id))

    def action_narrative(self) -> None:
        from tui.screens.narrative import NarrativeScreen

        unit = next((u for u in self.units if u.id == self.view.unit), None)
        owner = unit.name if unit is not None else self.plan_title
        self.app.push_screen(NarrativeScreen(self.plan_id, unit.id if unit else None, owner),
                             lambda _: self.load())  # fmt: skip

    def action_export(self) -> None:
        from tui.flows.export import open_export

        open_export(self.app, self.plan_id)

    def action_import_into(self) -> None:
        from tui.flows.importing import open_import_into

        open_import_into(self.app, self.plan_id, lambda _: self.load())

    def action_back(self) -> None:
        if self.query_one("#plan-search", Input).has_focus:
            self._close_search()
            return
        self.app.pop_screen()


def describe_undo(summary: object) -> str:
    """The notice after an undo: what kind of change to what was undone."""
    return _describe_change(summary, "plan.undone", "error.nothing_to_undo")


def describe_redo(summary: object) -> str:
    """The notice after a redo: what kind of change to what was made again."""
    return _describe_change(summary, "plan.redone", "error.nothing_to_redo")


def _describe_change(summary: object, done_key: str, nothing_key: str) -> str:
    if summary is None:
        return t(nothing_key)
    entity = t(ENTITY_WORDS.get(summary.entity, "what.plan"))
    name = summary.name if len(summary.name) <= 40 else summary.name[:39] + "…"
    what = tn(f"plan.undo_{summary.kind}", summary.changes, entity=entity, name=name)
    return t(done_key, what=what)


def _plan_missing(plan_id: int):  # noqa: ANN202
    from db.errors import NotFoundError

    return NotFoundError(what=t("what.plan"), name=str(plan_id))
