"""Export of the large plan's follow-up summary in every format, at every size, against a floor.

An export is timed as ``hrplan export`` works: gathering the data and writing the file. The floor,
measured in the same run, writes the same text (every heading, fact, table cell and bar of the
same outline, made beforehand) with the bare library and no hrplan code around it: openpyxl's
write-only workbook of plain values, python-docx's own paragraphs and tables, the csv module's rows.
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


def _lines(block: Any) -> Iterator[tuple[str, ...]]:
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


def floor_xlsx(doc: Any, out: BinaryIO) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for block in doc.blocks():
        for row in _lines(block):
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


def floor_csv(doc: Any, out: BinaryIO) -> None:
    import csv
    import io

    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";")
    for block in doc.blocks():
        writer.writerows(_lines(block))
    text.flush()
    text.detach()


FLOORS: dict[str, Callable[[Any, BinaryIO], None]] = {
    "xlsx": floor_xlsx,
    "docx": floor_docx,
    "csv": floor_csv,
}


def floor_once(doc: Any, fmt: str, out: Path) -> float:
    start = time.perf_counter()
    with out.open("wb") as fh:
        FLOORS[fmt](doc, fh)
    return time.perf_counter() - start


def run(bench: Bench) -> list[Result]:
    from exporters import FORMATS

    results = []
    base: dict[str, float] = {}
    small = bench.smallest
    for size, db in bench.databases.items():
        runs = RUNS.get(size, 1)
        doc = outline(db)
        label = size_label(size)
        for fmt in FORMATS:
            out = bench.tmp / f"summary-{size}.{fmt}"
            times = [export_once(db, fmt, out) for _ in range(runs)]
            kb = out.stat().st_size / 1024
            note = f"{kb:,.0f} KB"
            if size != small:
                goal = GROWTH * base[fmt]
                goal_text = f"≤ {GROWTH} × {size_label(small)} ({goal:.2f} s)"
            elif fmt in FLOORS:
                floor = [floor_once(doc, fmt, bench.tmp / f"floor-{size}.{fmt}") for _ in range(runs)]
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
