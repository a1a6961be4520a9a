"""A plan's staff key figures: a table per key figure, unit and period, and each unit's trend as bars."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Header

from i18n import t
from tui.screens.base import BaseScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.row_list import Column, Row, RowList
from tui.widgets.trend_chart import TrendChart, figure_name, format_number

if TYPE_CHECKING:
    from db.queries.keyfigures import KeyFigureRow
    from db.queries.units import UnitRow


class KeyFiguresScreen(BaseScreen):
    """Dismisses with True when a key figure was changed, so that the plan screen can reload."""

    DEFAULT_CSS = """
    KeyFiguresScreen #keyfig-table { width: 1fr; height: 1fr; }
    KeyFiguresScreen TrendChart { width: 60; height: 1fr; border-left: solid $panel-lighten-2; }
    /* Narrow: the chart goes below the table, the whole width, instead of beside it. */
    KeyFiguresScreen.-narrow #keyfig-body { layout: vertical; }
    KeyFiguresScreen.-narrow TrendChart { width: 1fr; border-left: none; border-top: solid $panel-lighten-2; }
    """
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("a", "add", "plan.key_add", id="keyfig.add"),
        Binding("e,enter", "edit", "plan.key_edit", id="keyfig.edit"),
        Binding("d", "delete", "plan.key_delete", id="keyfig.delete"),
        Binding("ctrl+z", "undo", "plan.key_undo", id="keyfig.undo"),
        Binding("ctrl+y", "redo", "key.redo", id="keyfig.redo"),
        Binding("escape", "back", "key.back", id="keyfig.back"),
    ]

    class Loaded(Message):
        def __init__(self, figures: list[KeyFigureRow], units: list[UnitRow]) -> None:
            super().__init__()
            self.figures = figures
            self.units = units

    class Done(Message):
        def __init__(self, notice: str, error: bool = False) -> None:
            super().__init__()
            self.notice = notice
            self.error = error

    def __init__(self, plan_id: int, plan_title: str = "") -> None:
        super().__init__()
        self.plan_id = plan_id
        self.plan_title = plan_title
        self.figures: list[KeyFigureRow] = []
        self.units: list[UnitRow] = []
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="keyfig-body"):
            yield RowList(
                [
                    Column(t("col.unit"), weight=2, min_width=14),
                    Column(t("keyfig.col_period"), weight=3, min_width=10),
                    Column(t("keyfig.col_count"), width=8, justify="right"),
                    Column(t("keyfig.col_share"), width=9, justify="right"),
                ],
                empty_text=t("keyfig.empty"),
                id="keyfig-table",
            )
            yield TrendChart()
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("keyfig.title", plan=self.plan_title)
        self.query_one("#keyfig-table", RowList).focus()
        self.load()

    @work(thread=True, exclusive=True, group="keyfig-load")
    def load(self) -> None:
        from db.queries.keyfigures import list_key_figures
        from db.queries.units import list_units

        with self.app.database.read() as session:
            loaded = self.Loaded(
                list_key_figures(self.plan_id, session=session), list_units(self.plan_id, session=session)
            )
        self.post_message(loaded)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        from db.queries.keyfigures import trends

        self.figures, self.units = message.figures, message.units
        rows: list[Row] = []
        heading = None
        for f in self.figures:
            if f.name != heading:
                heading = f.name
                rows.append(Row(key=("name", f.name), cells=(figure_name(f.name).capitalize(),), group=True))
            rows.append(
                Row(key=f.id, cells=(f.unit_name or t("whole_plan"), f.period_label, format_number(f.count),
                                     format_number(f.share)))
            )  # fmt: skip
        self.query_one("#keyfig-table", RowList).set_rows(rows)
        self.query_one(TrendChart).show(trends(self.figures))
        self.refresh_bindings()

    @property
    def current(self) -> KeyFigureRow | None:
        key = self.query_one("#keyfig-table", RowList).cursor_key
        return next((f for f in self.figures if f.id == key), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete") and self.current is None:
            return None
        return True

    @on(RowList.Highlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()

    @on(RowList.Selected)
    def _selected(self) -> None:
        self.action_edit()

    @work(thread=True, group="keyfig-write")
    def write(self, change: Callable[[Any], object], notice: Callable[[object], str]) -> None:
        from db.errors import HrplanError

        try:
            with self.app.database.write() as session:
                result = change(session)
        except HrplanError as exc:
            self.post_message(self.Done(exc.message(), error=True))
            return
        self.changed = True
        self.post_message(self.Done(notice(result)))

    @on(Done)
    def _done(self, message: Done) -> None:
        if message.notice:
            self.notify(message.notice, severity="error" if message.error else "information")
        self.load()

    def _editor(self, title_key: str, initial):  # noqa: ANN001, ANN202
        from models.keyfigure import SICK_LEAVE, TURNOVER
        from tui.modals.key_figure_editor import KeyFigureEditorModal

        names = sorted({TURNOVER, SICK_LEAVE, *(f.name for f in self.figures)})
        return KeyFigureEditorModal(t(title_key), initial, units=[(u.id, u.name) for u in self.units],
                                    names=names)  # fmt: skip

    def action_add(self) -> None:
        from db.queries.keyfigures import KeyFigureFields, add_key_figure

        current = self.current
        initial = KeyFigureFields(
            unit_id=current.unit_id if current else None,
            name=current.name if current else "",
            period_label="",
        )
        plan_id = self.plan_id

        def save(data: KeyFigureFields | None) -> None:
            if data is not None:
                self.write(lambda s: add_key_figure(plan_id, data, session=s), lambda _: t("plan.saved"))

        self.app.push_screen(self._editor("keyfig.new_title", initial), save)

    def action_edit(self) -> None:
        figure = self.current
        if figure is None:
            return
        from db.queries.keyfigures import KeyFigureFields, update_key_figure

        initial = figure.fields()

        def save(data: KeyFigureFields | None) -> None:
            if data is not None:
                self.write(
                    lambda s: update_key_figure(figure.id, data, session=s, expected=initial),
                    lambda changed: t("plan.saved") if changed else "",
                )

        self.app.push_screen(self._editor("keyfig.edit_title", initial), save)

    def action_delete(self) -> None:
        figure = self.current
        if figure is None:
            return
        from db.queries.keyfigures import delete_key_figure
        from tui.modals.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda s: delete_key_figure(figure.id, session=s, expected=figure.fields()),
                           lambda _: t("keyfig.deleted"))

        body = f"{figure_name(figure.name)} · {figure.unit_name or t('whole_plan')} · {figure.period_label}"
        self.app.push_screen(
            ConfirmModal(t("keyfig.confirm_delete"), body, yes=t("plan.key_delete"), danger=True), answered
        )

    def action_undo(self) -> None:
        from db.queries.undo import undo_latest
        from tui.screens.plan import describe_undo

        plan_id = self.plan_id
        self.write(lambda s: undo_latest(session=s, plan_id=plan_id), describe_undo)

    def action_redo(self) -> None:
        from db.queries.undo import redo_latest
        from tui.screens.plan import describe_redo

        plan_id = self.plan_id
        self.write(lambda s: redo_latest(session=s, plan_id=plan_id), describe_redo)

    def action_back(self) -> None:
        self.dismiss(self.changed)
