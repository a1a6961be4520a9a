"""Spreadsheets: Excel workbooks (XLSX) and CSV files, in the template's columns.

Every row becomes a row of the stream; a sheet starts a new table, and when several sheets hold
activities, each sheet is a unit (see ``Assembler``). Dates and numbers are written as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from importers.cells import strip_tags
from importers.errors import ImportFileError, reason_of
from importers.model import SourceRef
from importers.stream import Cell, Event, Row, TableStart
from importers.text_reader import decode
from models.limits import TEXT_MAX


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return strip_tags(str(value))


def _row(values: tuple | list, where: SourceRef) -> Row:
    return Row(tuple(Cell((cell_text(v),)) for v in values), where)


def xlsx_events(path: Path, file: str) -> Iterator[Event]:
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a damaged workbook fails in many ways
        raise ImportFileError("import.error.not_xlsx", where=file, reason=reason_of(exc)) from None
    try:
        for sheet in workbook.worksheets:
            yield TableStart(SourceRef(file, sheet=sheet.title), sheet=sheet.title)
            try:
                rows = list(sheet.iter_rows(values_only=True))
            except Exception as exc:  # noqa: BLE001
                raise ImportFileError("import.error.not_xlsx", where=f"{file}, {sheet.title}",
                                      reason=reason_of(exc)) from None  # fmt: skip
            for number, values in enumerate(rows, start=1):
                if any(v is not None and str(v).strip() for v in values):
                    yield _row(values, SourceRef(file, sheet=sheet.title, row=number))
    finally:
        workbook.close()


def csv_events(path: Path, file: str) -> Iterator[Event]:
    text = decode(path.read_bytes(), file)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] = csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:
        first = sample.split("\n", 1)[0]
        dialect = _Semicolon if first.count(";") > first.count(",") else csv.excel
    yield TableStart(SourceRef(file))
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for values in reader:
            if any(v.strip() for v in values):
                yield _row(values, SourceRef(file, row=reader.line_num))
    except csv.Error as exc:
        where = SourceRef(file, row=reader.line_num).describe()
        if "field limit" in str(exc):  # the csv module's limit is far above any cell hrplan keeps
            raise ImportFileError("import.error.too_long", where=where, limit=str(TEXT_MAX)) from None
        raise ImportFileError("import.error.bad_csv", where=where, reason=reason_of(exc)) from None


class _Semicolon(csv.excel):
    """CSV as Swedish Excel saves it."""

    delimiter = ";"
