"""The outline as one self-contained HTML file: inline styles, no scripts, landscape when printed.

Everything the user wrote is escaped; the only markup is the writer's own.
"""

from __future__ import annotations

from html import escape
from typing import BinaryIO

from exporters.blocks import STATUS_COLOURS, AreaRow, Bars, Facts, Heading, Outline, Paragraph, Table

STYLE = """
@page { size: A4 landscape; margin: 15mm; }
body { font-family: Calibri, Arial, sans-serif; font-size: 10.5pt; color: #222;
       max-width: 290mm; margin: 1em auto; }
h1 { font-size: 18pt; margin-bottom: .3em; }
h2 { font-size: 14pt; margin-top: 1.4em; break-after: avoid; }
@media print { h2.new-page { break-before: page; } }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .15em 1em; margin: .5em 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .5em 0 1em; }
th, td { border: 1px solid #999; padding: 3px 5px; vertical-align: top; text-align: left;
         white-space: pre-wrap; overflow-wrap: anywhere; }
thead th { background: #dfe7ef; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
tr.area td { background: #f0f0f0; font-weight: bold; }
.bars { margin: .5em 0 1em; }
.bar-row { display: flex; align-items: center; margin: 2px 0; }
.bar-label { width: 14em; }
.bar { display: flex; flex: 1; height: 1.1em; border: 1px solid #999; }
.bar span, .legend i { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.legend { margin-top: .3em; font-size: 9pt; }
.legend i { display: inline-block; width: .9em; height: .9em; margin: 0 .3em 0 1em; vertical-align: middle; }
"""


def _table(block: Table) -> list[str]:
    total = sum(block.widths)
    out = ["<table>", "<colgroup>"]
    out += [f'<col style="width:{100 * w / total:.1f}%">' for w in block.widths]
    out += ["</colgroup>", "<thead><tr>"]
    out += [f"<th>{escape(c)}</th>" for c in block.columns]
    out.append("</tr></thead><tbody>")
    span = len(block.columns)
    for row in block.rows:
        if isinstance(row, AreaRow):
            out.append(f'<tr class="area"><td colspan="{span}">{escape(row.text)}</td></tr>')
        else:
            out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return out


def _bars(block: Bars) -> list[str]:
    out = ['<div class="bars">']
    names = dict(block.legend)
    for label, counts in block.rows:
        out.append(f'<div class="bar-row"><span class="bar-label">{escape(label)}</span><span class="bar">')
        for code, n in counts:
            if n:
                out.append(
                    f'<span style="flex:{n};background:#{STATUS_COLOURS[code]}" '
                    f'title="{escape(names[code])}: {n}"></span>'
                )
        out.append("</span></div>")
    out.append('<div class="legend">')
    out += [
        f'<i style="background:#{STATUS_COLOURS[code]}"></i>{escape(text)}' for code, text in block.legend
    ]
    out.append("</div></div>")
    return out


def render_html(outline: Outline) -> str:
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{outline.lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(outline.title)}</title><style>{STYLE}</style></head><body>",
    ]
    for block, new_page in outline.pages():
        if isinstance(block, Heading):
            page = ' class="new-page"' if new_page else ""
            out.append(f"<h{block.level}{page}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Facts):
            out.append('<dl class="facts">')
            out += [f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in block.pairs]
            out.append("</dl>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Table):
            out += _table(block)
        elif isinstance(block, Bars) and block.rows:
            out += _bars(block)
    out.append("</body></html>\n")
    return "\n".join(out)


def write_html(outline: Outline, out: BinaryIO) -> None:
    out.write(render_html(outline).encode("utf-8"))
