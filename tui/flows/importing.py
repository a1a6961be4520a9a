"""Importing a plan in the app: pick a file, read it off the event loop, show the preview, write on
confirm (one change, so one undo step), then hand the new plan's id to the caller.

The flow belongs to no screen, so its thread workers run on the app and come back with
``call_from_thread``; nothing touches the database or the file on the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from i18n import t, tn

if TYPE_CHECKING:
    from importers.model import ImportedPlan
    from tui.app import HrplanApp

OnDone = Callable[[int], None]


def open_import(app: HrplanApp, on_done: OnDone) -> None:
    """Start the import; ``on_done(plan_id)`` is called on the event loop once the plan is saved."""
    _ask_for_file(app, on_done)


def _ask_for_file(app: HrplanApp, on_done: OnDone, initial: str = "", error: str = "") -> None:
    from tui.modals.import_file import ImportFileModal

    def chosen(path: Path | None) -> None:
        if path is not None:
            _read(app, on_done, path)

    app.push_screen(ImportFileModal(initial, error), chosen)


def _read(app: HrplanApp, on_done: OnDone, path: Path) -> None:
    def read() -> None:
        from db.errors import HrplanError
        from importers.files import read_plan_file

        try:
            imported = read_plan_file(path)
        except HrplanError as exc:
            # Back to the file dialog, with the path and what is wrong with the file.
            app.call_from_thread(_ask_for_file, app, on_done, str(path), exc.message())
            return
        app.call_from_thread(_preview, app, on_done, imported)

    app.notify(t("import.reading", file=path.name), timeout=2)
    app.run_worker(read, thread=True, exclusive=True, group="import", name="import-read")


def _preview(app: HrplanApp, on_done: OnDone, imported: ImportedPlan) -> None:
    from tui.modals.import_preview import ImportPreviewModal

    def answered(confirmed: bool | None) -> None:
        if confirmed:
            _write(app, on_done, imported)

    app.push_screen(ImportPreviewModal(imported), answered)


def _write(app: HrplanApp, on_done: OnDone, imported: ImportedPlan) -> None:
    def write() -> None:
        from db.errors import HrplanError
        from importers.writer import write_plan

        try:
            with app.database.write() as session:
                plan_id = write_plan(imported, session=session)
        except HrplanError as exc:
            app.call_from_thread(app.notify, exc.message(), severity="error", timeout=10)
            return
        app.call_from_thread(_done, app, on_done, imported, plan_id)

    app.run_worker(write, thread=True, exclusive=True, group="import", name="import-write")


def _done(app: HrplanApp, on_done: OnDone, imported: ImportedPlan, plan_id: int) -> None:
    activities = tn("count.activities", len(imported.activities))
    app.notify(t("import.done", title=imported.details.title, activities=activities))
    on_done(plan_id)
