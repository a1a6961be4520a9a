"""The activities of the outline as one CSV table: unit, area and the document's columns.

UTF-8 with a byte order mark, so that Excel shows å, ä and ö; risky cells are guarded against formulas.
In Swedish the separator is a semicolon, as Excel expects it where the decimal sign is a comma; in
English a comma.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

from exporters.blocks import AreaRow, Outline, Table, cell_text
from exporters.cells import csv_cell
from i18n import t


def separator(lang: str) -> str:
    return ";" if lang == "sv" else ","


def render_csv(outline: Outline) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator(outline.lang), lineterminator="\r\n")
    lead = (t("col.unit", lang=outline.lang), t("col.area", lang=outline.lang))
    writer.writerow([csv_cell(c) for c in (*lead, *outline.columns)])
    for section in outline.sections:
        for block in section.blocks:
            if not (isinstance(block, Table) and block.activities):
                continue
            area = ""
            for row in block.rows:
                if isinstance(row, AreaRow):
                    area = row.text
                else:
                    cells = (section.name, area, *row)
                    writer.writerow([csv_cell(cell_text(c, outline.lang)) for c in cells])
    return buffer.getvalue()


def write_csv(outline: Outline, out: BinaryIO) -> None:
    out.write(render_csv(outline).encode("utf-8-sig"))
