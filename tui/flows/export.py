"""Exporting from the app: read the plan's rounds, show the dialog, write the file off the event loop.

Any screen that knows a plan calls ``open_export(app, plan_id, round_id=None)`` (the plan and
checklist screens on ``x``, the command palette from anywhere). The reading and the writing run in
thread workers with their own sessions; the outcome comes back as a notice naming the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from i18n import get_language, t

if TYPE_CHECKING:
    from sqlmodel import Session

    from db.queries.export import ExportChoices, ExportData
    from tui.app import HrplanApp
    from tui.modals.export import ExportRequest

def open_export(app: HrplanApp, plan_id: int, round_id: int | None = None) -> None:
    """Ask what to export for the plan (the round preselected when given), then write it."""

    def load() -> None:
        from db.errors import HrplanError
        from db.queries.export import export_choices

        try:
            with app.database.read() as session:
                choices = export_choices(plan_id, session=session)
        except HrplanError as exc:
            app.call_from_thread(app.notify, exc.message(), severity="error")
            return
        app.call_from_thread(_show_dialog, app, choices, round_id)

    app.run_worker(load, thread=True, exclusive=True, group="export.load", name="export.load")


def _show_dialog(app: HrplanApp, choices: ExportChoices, round_id: int | None) -> None:
    from tui.modals.export import ExportModal

    def chosen(request: ExportRequest | None) -> None:
        if request is None:
            return
        if app.is_web:
            deliver_in_background(app, request)
        else:
            write_in_background(app, request)

    app.push_screen(ExportModal(choices, round_id=round_id, download=app.is_web), chosen)


def _gather(request: ExportRequest, *, session: Session) -> ExportData:
    """The data the request asks for: the annual report's year, or the plan as of the round."""
    from db.queries.export import gather_export, gather_report

    if request.what == "report":
        return gather_report(request.plan_id, session=session, year=request.year)
    return gather_export(request.plan_id, session=session, round_id=request.round_id)


def write_in_background(app: HrplanApp, request: ExportRequest) -> None:
    lang = get_language()
    app.notify(t("export.writing", name=request.path.name), timeout=3)

    def write() -> None:
        from db.errors import HrplanError
        from exporters import write_export

        try:
            with app.database.read() as session:
                data = _gather(request, session=session)
            written = write_export(
                data,
                what=request.what,
                fmt=request.fmt,
                path=request.path,
                lang=lang,
                overwrite=request.overwrite,
                guard=app.database.refuse_own_file,
            )
        except HrplanError as exc:
            app.call_from_thread(app.notify, exc.message(), severity="error", timeout=10)
            return
        except Exception as exc:  # noqa: BLE001 - an export must never take the app down; say what failed
            reason = f"{type(exc).__name__}: {exc}"
            app.call_from_thread(app.notify, t("export.failed", reason=reason), severity="error", timeout=10)
            return
        app.call_from_thread(app.notify, t("export.done", name=str(written)), timeout=8)

    # Not exclusive: a second export must not cancel one that is still writing.
    app.run_worker(write, thread=True, group="export.write", name="export.write")


def deliver_in_background(app: HrplanApp, request: ExportRequest) -> None:
    """The app in a browser: the export is made in memory and handed to the browser as a download."""
    lang = get_language()
    name = request.path.name
    app.notify(t("export.preparing", name=name), timeout=3)

    def make() -> None:
        import io

        from db.errors import HrplanError
        from exporters import MIME_TYPES, export_bytes

        try:
            with app.database.read() as session:
                data = _gather(request, session=session)
            content = export_bytes(data, what=request.what, fmt=request.fmt, lang=lang)
        except HrplanError as exc:
            app.call_from_thread(app.notify, exc.message(), severity="error", timeout=10)
            return
        except Exception as exc:  # noqa: BLE001 - an export must never take the app down; say what failed
            reason = f"{type(exc).__name__}: {exc}"
            app.call_from_thread(app.notify, t("export.failed", reason=reason), severity="error", timeout=10)
            return

        def deliver() -> None:
            app.deliver_binary(io.BytesIO(content), save_filename=name, mime_type=MIME_TYPES[request.fmt])
            app.notify(t("export.delivered", name=name), timeout=8)

        app.call_from_thread(deliver)

    app.run_worker(make, thread=True, group="export.write", name="export.deliver")
