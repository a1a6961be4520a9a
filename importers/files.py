"""Reading a plan from a file: picks the reader by what the file is, then assembles the plan."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from importers import limits
from importers.assemble import Assembler
from importers.errors import ImportFileError, reason_of
from importers.limits import BoundedStream, Budget, check_activities, too_large
from importers.markup import Notice
from importers.model import ImportedPlan, ImportWarning
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
                check_package(package, path.name, scan="xl/workbook.xml" in names)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
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


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels", ".vml"))


def check_package(package: zipfile.ZipFile, file: str, *, scan: bool) -> None:
    """Refuse a package before reading it: too many parts, or XML parts larger unpacked than the
    limit (each part's size is read from the package's directory, and the zip module never hands
    over more than that). With ``scan``, every XML part is read through once, unpacked piece by piece,
    to refuse a document type declaration (an XML entity bomb) before a library parses it."""
    infos = package.infolist()
    if len(infos) > limits.LIMITS.members:
        limit = limits.number(limits.LIMITS.members)
        raise ImportFileError("import.error.limit_members", where=file, limit=limit)
    parts = [info for info in infos if _is_xml(info.filename)]
    if sum(info.file_size for info in parts) > limits.LIMITS.content_bytes:
        raise too_large(file)
    if not scan:
        return
    budget = Budget()
    for info in parts:
        stream = BoundedStream(package.open(info), budget, file)
        try:
            while stream.read(1 << 20):
                pass
        finally:
            stream.close()


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
    if shape in ("csv", "text") and path.stat().st_size > limits.LIMITS.content_bytes:
        raise too_large(name)
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
    from importers.text_reader import lines_of, open_text, text_events

    return text_events(lines_of(open_text(path, name)), name)


def read_plan_file(path: str | Path, *, title: str | None = None) -> ImportedPlan:
    """The plan in the file, or ``ImportFileError`` saying what is wrong and where.

    What the readers noticed on the way (markup removed, columns not read) joins the plan's warnings.
    """
    path = Path(path).expanduser()
    assembler = Assembler(path.name)
    notices: list[ImportWarning] = []
    try:
        events: list[Event] = []
        for event in events_of(path):  # the readers count and bound what they hand over
            if isinstance(event, Notice):
                notices.append(event.warning)
            else:
                events.append(event)
        assembler.prepare(events)
        for event in events:
            assembler.feed(event)
    except OSError as exc:
        raise ImportFileError("import.error.cannot_open", where=path.name, reason=reason_of(exc)) from None
    except MemoryError:
        raise too_large(path.name) from None
    plan = assembler.finish(title=title)
    check_activities(len(plan.activities), path.name)
    if notices:
        plan = replace(plan, warnings=(*plan.warnings, *notices))
    return plan
