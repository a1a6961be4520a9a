"""The activities of the outline as one CSV table: unit, area and the document's columns.

UTF-8 with a byte order mark, so that Excel shows å, ä and ö; risky cells are guarded against formulas.
In Swedish the separator is a semicolon, as Excel expects it where the decimal sign is a comma; in
English a comma.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from exporters.blocks import AreaRow, Outline, Table, cell_text
from exporters.cells import csv_cell
from i18n import t


def separator(lang: str) -> str:
    return ";" if lang == "sv" else ","


def _rows(outline: Outline) -> Iterator[list[str]]:
    """The header, then per activity its unit, area and cells, as the text written."""
    lang = outline.lang
    lead = (t("col.unit", lang=lang), t("col.area", lang=lang))
    yield [csv_cell(c) for c in (*lead, *outline.columns)]
    for section in outline.sections:
        unit = csv_cell(section.name)
        for block in section.blocks:
            if not (isinstance(block, Table) and block.activities):
                continue
            area = ""
            for row in block.rows:
                if isinstance(row, AreaRow):
                    area = csv_cell(row.text)
                    continue
                # Text goes as it is (guarded); numbers and dates as the reader's language writes them.
                yield [unit, area, *[csv_cell(c if c.__class__ is str else cell_text(c, lang)) for c in row]]


def render_csv(outline: Outline) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator(outline.lang), lineterminator="\r\n")
    writer.writerows(_rows(outline))
    return buffer.getvalue()


def write_csv(outline: Outline, out: BinaryIO) -> None:
    out.write(render_csv(outline).encode("utf-8-sig"))
