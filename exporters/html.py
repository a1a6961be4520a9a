"""The outline as one self-contained HTML file: inline styles, no scripts, landscape when printed.

Everything the user wrote is escaped; the only markup is the writer's own.
"""

from __future__ import annotations

from html import escape
from typing import BinaryIO

from exporters.blocks import (
    STATUS_COLOURS,
    AreaRow,
    Bars,
    Chart,
    Contents,
    Facts,
    Heading,
    Narrative,
    Outline,
    Paragraph,
    Table,
    TitlePage,
    cell_text,
    chart_value,
)
from exporters.markup import MdHeading, MdList, MdParagraph, Spans

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
.title-page { min-height: 60vh; }
.title-page h1 { font-size: 26pt; margin-top: 20vh; }
.title-page .subtitle { font-size: 14pt; color: #555; }
@media print { .title-page, nav.contents { break-after: page; } }
nav.contents ol { list-style: none; padding-left: 1.2em; }
.narrative p { white-space: pre-wrap; }
td.num { text-align: right; }
.chart { margin: .5em 0 1em; }
.chart .bar-label { width: 22em; }
.chart .bar { border: none; }
.chart .bar span { background: #1e88e5; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.chart .value { margin-left: .5em; white-space: nowrap; }
"""


def _spans(spans: Spans) -> str:
    out = []
    for span in spans:
        text = escape(span.text).replace("\n", "<br>")
        if span.italic:
            text = f"<em>{text}</em>"
        if span.bold:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def _narrative(block: Narrative) -> list[str]:
    out = ['<div class="narrative">']
    for md in block.blocks:
        if isinstance(md, MdHeading):
            level = min(6, block.level + md.level)
            out.append(f"<h{level}>{_spans(md.spans)}</h{level}>")
        elif isinstance(md, MdParagraph):
            out.append(f"<p>{_spans(md.spans)}</p>")
        elif isinstance(md, MdList):
            tag = "ol" if md.ordered else "ul"
            start = f' start="{md.start}"' if md.ordered and md.start != 1 else ""
            out.append(f"<{tag}{start}>" + "".join(f"<li>{_spans(i)}</li>" for i in md.items) + f"</{tag}>")
    out.append("</div>")
    return out


def _chart(block: Chart, lang: str) -> list[str]:
    top = max(v for _, v in block.rows) or 1
    out = [f'<figure class="chart"><figcaption>{escape(block.title)}</figcaption>']
    for label, value in block.rows:
        out.append(
            f'<div class="bar-row"><span class="bar-label">{escape(label)}</span><span class="bar">'
            f'<span style="flex:0 0 {100 * value / top:.1f}%"></span></span>'
            f'<span class="value">{escape(chart_value(block, value, lang))}</span></div>'
        )
    out.append("</figure>")
    return out


def _anchor(index: int) -> str:
    return f"h{index}"



def _td(value: object, lang: str) -> str:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    text = escape(cell_text(value, lang))
    return f'<td class="num">{text}</td>' if number else f"<td>{text}</td>"


def _table(block: Table, lang: str) -> list[str]:
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
            # Text as it is (escaped), numbers and dates through ``_td``: most cells are text.
            cells = [f"<td>{escape(c)}</td>" if c.__class__ is str else _td(c, lang) for c in row]
            out.append("<tr>" + "".join(cells) + "</tr>")
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
    listed = {id(h): n for n, h in enumerate(outline.contents())}
    for block, new_page in outline.pages():
        if isinstance(block, TitlePage):
            out.append(f'<header class="title-page"><h1>{escape(block.title)}</h1>')
            out.append(f'<p class="subtitle">{escape(block.subtitle)}</p><dl class="facts">')
            out += [f"<dt>{escape(label)}</dt><dd>{escape(cell_text(value, outline.lang))}</dd>"
                    for label, value in block.pairs]
            out.append("</dl></header>")
        elif isinstance(block, Contents):
            out.append(f'<nav class="contents"><h2>{escape(block.title)}</h2><ol>')
            for heading in outline.contents():
                indent = ' style="padding-left:1.5em"' if heading.level == 3 else ""
                link = f'<a href="#{_anchor(listed[id(heading)])}">{escape(heading.text)}</a>'
                out.append(f"<li{indent}>{link}</li>")
            out.append("</ol></nav>")
        elif isinstance(block, Heading):
            page = ' class="new-page"' if new_page else ""
            anchor = f' id="{_anchor(listed[id(block)])}"' if id(block) in listed else ""
            out.append(f"<h{block.level}{anchor}{page}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Facts):
            out.append('<dl class="facts">')
            out += [f"<dt>{escape(label)}</dt><dd>{escape(cell_text(value, outline.lang))}</dd>"
                    for label, value in block.pairs]
            out.append("</dl>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Narrative):
            out += _narrative(block)
        elif isinstance(block, Table):
            out += _table(block, outline.lang)
        elif isinstance(block, Bars) and block.rows:
            out += _bars(block)
        elif isinstance(block, Chart) and block.rows:
            out += _chart(block, outline.lang)
    out.append("</body></html>\n")
    return "\n".join(out)


def write_html(outline: Outline, out: BinaryIO) -> None:
    out.write(render_html(outline).encode("utf-8"))
