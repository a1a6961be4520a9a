"""Importing a plan in the app: pick a file, read it off the event loop, show the preview, write on
confirm (one change, so one undo step), then hand the new plan's id to the caller.

The flow belongs to no screen, so its thread workers run on the app and come back with
``call_from_thread``; nothing touches the database or the file on the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from i18n import t, tn

if TYPE_CHECKING:
    from importers.model import ImportedPlan
    from tui.app import HrplanApp

OnDone = Callable[[int], None]
# Choices of the unit dialog besides the plan's units (names cannot hold control characters).
_FILE, _NEW = "\x00file", "\x00new"


def _check_unit(value: str) -> None:
    from models.limits import NAME_MAX
    from models.validation import clean_text

    clean_text(value, limit=NAME_MAX, required=True, multiline=False)


def open_import(app: HrplanApp, on_done: OnDone) -> None:
    """Start the import; ``on_done(plan_id)`` is called on the event loop once the plan is saved.

    Not in a browser: the file dialog would read the server's files, not the user's.
    """
    if app.is_web:
        app.notify(t("import.not_in_browser"), severity="warning", timeout=8)
        return
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


def open_import_into(app: HrplanApp, plan_id: int, on_done: OnDone) -> None:
    """Add a department's file to the plan ``plan_id`` as its unit: the same file dialog, a preview
    saying what is new, then one change; ``on_done(plan_id)`` once it is saved."""
    from tui.modals.import_file import ImportFileModal

    def ask(initial: str = "", error: str = "") -> None:
        app.push_screen(ImportFileModal(initial, error, title=t("import.file.into_title")), chosen)

    def chosen(path: Path | None) -> None:
        if path is not None:
            app.notify(t("import.reading", file=path.name), timeout=2)
            app.run_worker(partial(read, path), thread=True, exclusive=True, group="import",
                           name="import-read")  # fmt: skip

    def read(path: Path) -> None:
        from db.errors import HrplanError
        from db.queries.import_target import import_target
        from importers.files import read_plan_file
        from importers.into import fit_into

        try:
            imported = read_plan_file(path)
            with app.database.read() as session:
                target = import_target(plan_id, session=session)
            into = fit_into(imported, target)
        except HrplanError as exc:
            app.call_from_thread(ask, str(path), exc.message())
            return
        app.call_from_thread(preview, into)

    def preview(into, imported=None) -> None:  # noqa: ANN001 - an importers.into.IntoPlan, ImportedPlan
        from tui.modals.import_preview import ImportPreviewModal

        original = imported if imported is not None else into.original

        def answered(answer: bool | str | None) -> None:
            if answer == "unit":
                choose_unit(into, original)
            elif answer is True:
                app.run_worker(partial(write, into), thread=True, exclusive=True, group="import",
                               name="import-write")  # fmt: skip

        app.push_screen(ImportPreviewModal(into.imported, into=into), answered)

    def choose_unit(into, original) -> None:  # noqa: ANN001
        """Another unit for the file's activities: the file's own, one of the plan's, or a new one."""
        from importers.into import fit_into
        from tui.modals.pick import PickModal
        from tui.modals.text_prompt import TextPromptModal

        def refit(unit: str | None) -> None:
            preview(fit_into(original, into.target, unit=unit), original)

        def named(name: str | None) -> None:
            if name is None:
                preview(into, original)
            else:
                refit(name)

        def picked(choice: str | None) -> None:
            if choice is None:
                preview(into, original)
            elif choice == _NEW:
                app.push_screen(TextPromptModal(t("import.new_unit"), check=_check_unit), named)
            else:
                refit(None if choice == _FILE else choice)

        choices = [(_FILE, t("import.pick.file_unit")), *((name, name) for name in into.target.units),
                   (_NEW, t("import.pick.new_unit"))]  # fmt: skip
        app.push_screen(PickModal(t("import.pick.title"), choices), picked)

    def write(into) -> None:  # noqa: ANN001
        from db.errors import HrplanError
        from importers.writer import write_into

        try:
            with app.database.write() as session:
                count = write_into(into, session=session)
        except HrplanError as exc:
            app.call_from_thread(app.notify, exc.message(), severity="error", timeout=10)
            return
        app.call_from_thread(done, into.imported.source, count)

    def done(file: str, count: int) -> None:
        app.notify(tn("import.into_done", count, file=file))
        on_done(plan_id)

    ask()
