"""Reading a plan from a file: picks the reader by what the file is, then assembles the plan."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from importers.assemble import Assembler
from importers.errors import ImportFileError, reason_of
from importers.model import ImportedPlan
from importers.stream import Event

SUPPORTED = (".docx", ".xlsx", ".xlsm", ".csv", ".txt", ".text", ".tsv")
# Formats people will try, with what to do instead.
_REFUSED = {
    ".pdf": "import.error.pdf",
    ".doc": "import.error.old_word",
    ".xls": "import.error.old_excel",
    ".odt": "import.error.open_document",
    ".ods": "import.error.open_document",
}


def shape_of(path: Path, head: bytes) -> str:
    """"docx", "xlsx", "csv" or "text", from the file's first bytes and its name."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as package:
                names = set(package.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            where, reason = path.name, reason_of(exc)
            raise ImportFileError("import.error.damaged_zip", where=where, reason=reason) from None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise ImportFileError("import.error.unknown_package", where=path.name)
    if suffix in (".docx", ".xlsx", ".xlsm"):
        key = "import.error.not_docx" if suffix == ".docx" else "import.error.not_xlsx"
        from i18n import t

        raise ImportFileError(key, where=path.name, reason=t("import.error.not_a_package"))
    if suffix in _REFUSED:
        return suffix.lstrip(".")
    return "csv" if suffix == ".csv" else "text"


def events_of(path: Path) -> Iterable[Event]:
    name = path.name
    try:
        if not path.exists():
            raise ImportFileError("import.error.no_such_file", where=str(path))
        if path.is_dir():
            raise ImportFileError("import.error.is_directory", where=str(path))
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ImportFileError("import.error.cannot_open", where=str(path), reason=reason_of(exc)) from None
    if not head:
        raise ImportFileError("import.error.empty", where=name)
    shape = shape_of(path, head)
    if shape in ("pdf", "doc", "xls", "odt", "ods"):
        raise ImportFileError(_REFUSED["." + shape], where=name)
    if shape == "docx":
        from importers.docx_reader import docx_events

        return docx_events(path, name)
    if shape == "xlsx":
        from importers.sheet_reader import xlsx_events

        return xlsx_events(path, name)
    if shape == "csv":
        from importers.sheet_reader import csv_events

        return csv_events(path, name)
    from importers.text_reader import decode, text_events

    return text_events(decode(path.read_bytes(), name), name)


def read_plan_file(path: str | Path, *, title: str | None = None) -> ImportedPlan:
    """The plan in the file, or ``ImportFileError`` saying what is wrong and where."""
    path = Path(path).expanduser()
    assembler = Assembler(path.name)
    try:
        events = list(events_of(path))
        assembler.prepare(events)
        for event in events:
            assembler.feed(event)
    except OSError as exc:
        raise ImportFileError("import.error.cannot_open", where=path.name, reason=reason_of(exc)) from None
    return assembler.finish(title=title)
