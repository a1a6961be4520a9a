"""Writing the plan document, a follow-up summary or the annual report as DOCX, XLSX, Markdown, HTML,
CSV or PDF.

``gather_export`` (in ``db.queries.export``) reads the data once; ``blocks`` turns it into a format-free
outline; one writer module per format renders the outline; ``files`` writes it safely.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from db.queries.export import ExportData
    from exporters.blocks import Outline

WHATS = ("summary", "plan", "report")
FORMATS = ("docx", "xlsx", "md", "html", "csv", "pdf")
TABLES_ONLY = frozenset({"csv"})  # formats that write the tables of activities and nothing else


def _writer(fmt: str) -> Callable[[Outline, BinaryIO], None]:
    if fmt == "docx":
        from exporters.docx import write_docx

        return write_docx
    if fmt == "xlsx":
        from exporters.xlsx import write_xlsx

        return write_xlsx
    if fmt == "md":
        from exporters.markdown import write_markdown

        return write_markdown
    if fmt == "html":
        from exporters.html import write_html

        return write_html
    if fmt == "csv":
        from exporters.csv import write_csv

        return write_csv
    if fmt == "pdf":
        from exporters.pdf import write_pdf

        return write_pdf
    raise ValueError(f"format must be one of {', '.join(FORMATS)}")


def outline_of(data: ExportData, what: str, lang: str, *, tables_only: bool = False) -> Outline:
    """The document as an outline; ``tables_only``: just the tables of activities, when the format
    writes nothing else (CSV), for the summary and the plan document."""
    from exporters.blocks import plan_outline, report_outline, summary_outline

    if what == "summary":
        return summary_outline(data, lang, tables_only=tables_only)
    if what == "plan":
        return plan_outline(data, lang, tables_only=tables_only)
    if what == "report":
        return report_outline(data, lang)
    raise ValueError(f"what must be one of {', '.join(WHATS)}")


def write_export(
    data: ExportData,
    *,
    what: str,
    fmt: str,
    path: Path,
    lang: str,
    overwrite: bool,
    guard: Callable[[Path], None] | None = None,
) -> Path:
    """Write ``data`` as ``what`` in ``fmt`` to ``path``; refuses an existing file unless ``overwrite``.

    ``guard`` refuses a path that must never be written (``Database.refuse_own_file``: the database,
    its -wal and -shm files, its backups), checked right before writing.
    """
    from db.heap import collection_paused
    from exporters.files import check_target, write_atomically

    path = Path(path).expanduser().absolute()
    writer = _writer(fmt)
    if guard is not None:
        guard(path)
    check_target(path, overwrite=overwrite)
    with collection_paused():
        outline = outline_of(data, what, lang, tables_only=fmt in TABLES_ONLY)
        write_atomically(path, lambda out: writer(outline, out))
    return path


def export_bytes(data: ExportData, *, what: str, fmt: str, lang: str) -> bytes:
    """The export as bytes, for a download (the app in a browser writes nothing on the server)."""
    import io

    from db.heap import collection_paused

    buffer = io.BytesIO()
    writer = _writer(fmt)
    with collection_paused():
        writer(outline_of(data, what, lang, tables_only=fmt in TABLES_ONLY), buffer)
    return buffer.getvalue()


MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown",
    "html": "text/html",
    "csv": "text/csv",
}


def download_name(name: str) -> str:
    """A file name a browser takes whole: letters folded to ASCII (å → a), nothing else but - _ ."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in folded).strip("-.")
    return safe or "hrplan"


def default_file_name(title: str, what: str, fmt: str, round_name: str | None, lang: str) -> str:
    """A file name that says what is in it: plan title, what, round; only safe characters."""
    from i18n import t

    parts = [title, t(f"export.what_{what}", lang=lang)]
    if what in ("summary", "report") and round_name:
        parts.append(round_name)
    words = ["-".join("".join(c if c.isalnum() else " " for c in part).split()) for part in parts]
    stem = "_".join(w for w in words if w)
    return f"{stem or 'hrplan'}.{fmt}"
