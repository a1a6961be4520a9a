"""Spreadsheets: Excel workbooks (XLSX) and CSV files, in the template's columns.

Every row becomes a row of the stream; a sheet starts a new table, and when several sheets hold
activities, each sheet is a unit (see ``Assembler``). Dates and numbers are written as text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError

from importers import limits
from importers.cells import strip_tags
from importers.docx_reader import xml_error
from importers.errors import ImportFileError, reason_of
from importers.limits import Counter
from importers.markup import MarkupNotes, Notice
from importers.model import ImportWarning, SourceRef
from importers.stream import Cell, Event, Row, TableStart
from importers.text_reader import open_text
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


def _row(values: tuple | list, where: SourceRef, markup: MarkupNotes) -> Row:
    for value in values:
        if isinstance(value, str):
            markup.see(value, where)
    return Row(tuple(Cell((cell_text(v),)) for v in values), where)


def xlsx_events(path: Path, file: str) -> Iterator[Event | Notice]:
    """Every sheet's rows, streamed. The size a sheet claims is not trusted: rows are read as they
    come, at most ``LIMITS.columns`` columns of each, and counted against ``LIMITS.rows``."""
    columns = limits.LIMITS.columns
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(str(path), read_only=True, data_only=True)
    except ImportFileError:
        raise
    except ParseError as exc:  # the XML parser's words are not the user's
        raise xml_error(exc, file, "xl/workbook.xml") from None
    except Exception as exc:  # noqa: BLE001 - a damaged workbook fails in many ways
        raise ImportFileError("import.error.not_xlsx", where=file, reason=reason_of(exc)) from None
    counter = Counter(file)
    markup = MarkupNotes()
    try:
        for sheet in workbook.worksheets:
            where = SourceRef(file, sheet=sheet.title)
            yield TableStart(where, sheet=sheet.title)
            claimed = sheet.max_column or 0
            if claimed > columns:
                params = (("claimed", limits.number(claimed)), ("limit", str(columns)))
                yield Notice(ImportWarning("import.warn.columns_cut", where, params))
            sheet.reset_dimensions()  # read what is there, not what the sheet says is there
            try:
                for number, values in enumerate(sheet.iter_rows(max_col=columns, values_only=True), start=1):
                    if any(v is not None and str(v).strip() for v in values):
                        counter.row()
                        yield _row(values, SourceRef(file, sheet=sheet.title, row=number), markup)
            except ImportFileError:
                raise
            except ParseError as exc:
                raise xml_error(exc, file, sheet.title) from None
            except Exception as exc:  # noqa: BLE001
                raise ImportFileError("import.error.not_xlsx", where=f"{file}, {sheet.title}",
                                      reason=reason_of(exc)) from None  # fmt: skip
    finally:
        workbook.close()
    if (notice := markup.notice()) is not None:
        yield notice


def csv_events(path: Path, file: str) -> Iterator[Event | Notice]:
    with open_text(path, file, newline="") as stream:
        sample = stream.read(8192)
        stream.seek(0)
        try:
            dialect: type[csv.Dialect] = csv.Sniffer().sniff(sample, delimiters=";,\t|")
        except csv.Error:
            first = sample.split("\n", 1)[0]
            dialect = _Semicolon if first.count(";") > first.count(",") else csv.excel
        yield TableStart(SourceRef(file))
        counter = Counter(file)
        markup = MarkupNotes()
        reader = csv.reader(stream, dialect)
        columns, widest = limits.LIMITS.columns, 0
        try:
            for values in reader:
                if any(v.strip() for v in values):
                    counter.row()
                    widest = max(widest, len(values))
                    yield _row(values[:columns], SourceRef(file, row=reader.line_num), markup)
        except csv.Error as exc:
            where = SourceRef(file, row=reader.line_num).describe()
            if "field limit" in str(exc):  # the csv module's limit is far above any cell hrplan keeps
                raise ImportFileError("import.error.too_long", where=where, limit=str(TEXT_MAX)) from None
            raise ImportFileError("import.error.bad_csv", where=where, reason=reason_of(exc)) from None
    if widest > columns:
        params = (("claimed", limits.number(widest)), ("limit", str(columns)))
        yield Notice(ImportWarning("import.warn.columns_cut", SourceRef(file), params))
    if (notice := markup.notice()) is not None:
        yield notice


class _Semicolon(csv.excel):
    """CSV as Swedish Excel saves it."""

    delimiter = ";"
