"""Export of the large plan's follow-up summary in every format, at every size, against a floor.

An export is timed as ``hrplan export`` works: gathering the data and writing the file. The floor,
measured in the same run and in turns with it, writes the same cells with the bare library and no
hrplan code around it: the cells are prepared from the same outline before the clock starts, then
openpyxl's write-only workbook writes them as plain values in the same sheets, python-docx its own
paragraphs and tables, the csv module the rows of the very text the CSV holds.
Goals: at 5,000 activities ≤ 1.5 × the floor (Markdown and HTML have no library: ≤ 2 s); at 50,000
≤ 10 × the 5,000 time (the work grows tenfold).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from benchmarks.context import Bench
from benchmarks.report import Result, median, size_label, spread_of

RUNS = {5_000: 3}  # the larger plans take seconds per format: one run each
FLOOR_GOAL, NO_FLOOR_GOAL_S, GROWTH = 1.5, 2.0, 10


def export_once(db: Path, fmt: str, out: Path, *, what: str = "summary", plan_id: int = 1) -> float:
    """Seconds to gather the plan's data and write it as ``fmt``, as ``hrplan export`` does."""
    from db.engine import Database
    from db.queries.export import gather_export
    from exporters import write_export

    database = Database(db)
    try:
        start = time.perf_counter()
        with database.read() as session:
            data = gather_export(plan_id, session=session)
        write_export(data, what=what, fmt=fmt, path=out, lang="sv", overwrite=True)
        return time.perf_counter() - start
    finally:
        database.dispose()


def outline(db: Path, *, plan_id: int = 1) -> Any:
    from db.engine import Database
    from db.queries.export import gather_export
    from exporters import outline_of

    database = Database(db)
    try:
        with database.read() as session:
            return outline_of(gather_export(plan_id, session=session), "summary", "sv")
    finally:
        database.dispose()


def _lines(block: Any) -> Iterator[tuple[Any, ...]]:
    """A block's text as rows of cells."""
    from exporters.blocks import AreaRow, Bars, Facts, Heading, Paragraph, Table

    if isinstance(block, Heading | Paragraph):
        yield (block.text,)
    elif isinstance(block, Facts):
        yield from block.pairs
    elif isinstance(block, Table):
        yield block.columns
        for row in block.rows:
            yield (row.text,) if isinstance(row, AreaRow) else row
    elif isinstance(block, Bars):
        for label, counts in block.rows:
            yield (label, *(str(n) for _, n in counts))


# Each floor is made of two parts: the cells, prepared from the outline before the clock starts (no
# hrplan code is timed), and the bare library writing them.


def xlsx_cells(doc: Any) -> list[list[list[Any]]]:
    """The workbook's cells as the export writes them: the overview sheet (the outline's front), then
    a sheet per section; no bars (the counts table carries them), an empty cell left out."""
    from exporters.blocks import Bars, Percent

    def value(v: Any) -> Any:
        return None if v == "" else round(float(v) / 100, 6) if isinstance(v, Percent) else v

    parts = [doc.front, *(section.blocks for section in (*doc.sections, *doc.tail))]
    return [[[value(v) for v in row] for block in blocks if not isinstance(block, Bars)
             for row in _lines(block)] for blocks in parts]  # fmt: skip


def floor_xlsx(sheets: list[list[list[Any]]], out: BinaryIO) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for rows in sheets:
        sheet = workbook.create_sheet()
        for row in rows:
            sheet.append(row)
    workbook.save(out)


def floor_docx(doc: Any, out: BinaryIO) -> None:
    import docx

    from exporters.blocks import AreaRow, Heading, Table, cell_text

    document = docx.Document()
    for block in doc.blocks():
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Table):
            table = document.add_table(rows=0, cols=len(block.columns))
            for row in (block.columns, *block.rows):
                cells = table.add_row().cells
                if isinstance(row, AreaRow):
                    cells[0].text = row.text
                    continue
                for cell, value in zip(cells, row, strict=True):
                    cell.text = cell_text(value, "sv")  # numbers and dates are typed cells now
        else:
            for row in _lines(block):
                document.add_paragraph("\t".join(cell_text(value, "sv") for value in row))
    document.save(out)


def csv_cells(doc: Any) -> list[list[str]]:
    """The CSV's cells, the very text the export writes: the header, then per activity its unit, its
    area and its cells (numbers as the language writes them, a cell a spreadsheet would read as a
    formula with its leading apostrophe)."""
    from exporters.blocks import AreaRow, Table, cell_text
    from exporters.cells import csv_cell
    from i18n import t

    def text(value: Any) -> str:
        return csv_cell(cell_text(value, doc.lang))

    rows = [[text(c) for c in (t("col.unit", lang=doc.lang), t("col.area", lang=doc.lang), *doc.columns)]]
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Table) and block.activities:
                area = ""
                for row in block.rows:
                    if isinstance(row, AreaRow):
                        area = row.text
                    else:
                        rows.append([text(c) for c in (section.name, area, *row)])
    return rows


def floor_csv(rows: list[list[str]], out: BinaryIO) -> None:
    import csv
    import io

    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    text.flush()
    text.detach()


# format → (the cells from the outline, the bare library writing them)
FLOORS: dict[str, tuple[Callable[[Any], Any], Callable[[Any, BinaryIO], None]]] = {
    "xlsx": (xlsx_cells, floor_xlsx),
    "docx": (lambda doc: doc, floor_docx),
    "csv": (csv_cells, floor_csv),
}


def floor_once(cells: Any, fmt: str, out: Path) -> float:
    start = time.perf_counter()
    with out.open("wb") as fh:
        FLOORS[fmt][1](cells, fh)
    return time.perf_counter() - start


def run(bench: Bench) -> list[Result]:
    from exporters import FORMATS

    results = []
    base: dict[str, float] = {}
    small = bench.smallest
    for size, db in bench.databases.items():
        runs = RUNS.get(size, 1)
        # Only the floors need the outline: a larger plan's exports run without one held beside them.
        doc = outline(db) if size == small else None
        label = size_label(size)
        for fmt in FORMATS:
            out = bench.tmp / f"summary-{size}.{fmt}"
            with_floor = size == small and fmt in FLOORS
            cells = FLOORS[fmt][0](doc) if with_floor else None
            times, floor = [], []
            for _ in range(runs):  # the export and its floor in turns: both meet the same load
                times.append(export_once(db, fmt, out))
                if with_floor:
                    floor.append(floor_once(cells, fmt, bench.tmp / f"floor-{size}.{fmt}"))
            kb = out.stat().st_size / 1024
            note = f"{kb:,.0f} KB"
            if size != small:
                goal = GROWTH * base[fmt]
                goal_text = f"≤ {GROWTH} × {size_label(small)} ({goal:.2f} s)"
            elif with_floor:
                goal = FLOOR_GOAL * median(floor)
                goal_text = f"≤ {FLOOR_GOAL} × floor ({goal:.2f} s)"
                note += f"; floor (bare library, same cells) median {median(floor):.3f} s"
            else:
                goal, goal_text = NO_FLOOR_GOAL_S, ""
                note += "; no library to compare with"
            base.setdefault(fmt, median(times))
            results.append(Result(f"export summary {fmt}, {label} activities", "s", median(times),
                                  spread_of(times), goal, runs, note, goal_text))  # fmt: skip
    return results
