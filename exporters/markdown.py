"""The outline as Markdown: headings, label lines and pipe tables (area rows in bold).

User text is escaped; the narrative's own headings, lists and emphasis are written back as Markdown
from its parsed blocks, so only the writer's marks are marks.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from exporters.blocks import (
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

_ESCAPES = str.maketrans({"\\": "\\\\", "|": "\\|", "<": "&lt;", ">": "&gt;", "&": "&amp;", "*": "\\*",
                          "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]", "#": "\\#"})  # fmt: skip


# Any character ``md_text`` changes: most cells have none and are written as they are.
_MARKED = re.compile("[" + re.escape("".join(chr(c) for c in _ESCAPES)) + "\n]")


def md_text(text: str) -> str:
    """User text that stays text: markup, HTML and table pipes escaped, lines kept apart in a cell."""
    if _MARKED.search(text) is None:
        return text
    return "<br>".join(line.translate(_ESCAPES) for line in text.split("\n"))


def _line_start(text: str) -> str:
    """A line's start that Markdown would read as a list item or a numbered one stays text."""
    if text[:1] in "-+" and text[1:2] == " ":
        return "\\" + text
    head, dot, rest = text.partition(".")
    if dot and head.isdigit() and rest[:1] == " ":
        return f"{head}\\.{rest}"
    return text


def md_spans(spans: Spans) -> str:
    out = []
    for span in spans:
        lines = [line.translate(_ESCAPES) for line in span.text.split("\n")]
        mark = ("**" if span.bold else "") + ("*" if span.italic else "")
        marked = (f"{mark}{line}{mark[::-1]}" if line.strip() and mark else line for line in lines)
        out.append("  \n".join(marked))
    return "".join(out)


def _table(block: Table, lang: str) -> list[str]:
    lines = ["| " + " | ".join(md_text(c) for c in block.columns) + " |", "|" + "---|" * len(block.columns)]
    blank = " |" * (len(block.columns) - 1)
    for row in block.rows:
        if isinstance(row, AreaRow):
            lines.append(f"| **{md_text(row.text)}** |{blank}")
        else:
            lines.append("| " + " | ".join(md_text(cell_text(c, lang)) for c in row) + " |")
    return lines


def _bars(block: Bars, width: int = 30) -> list[str]:
    """Markdown has no colour: each unit's bar counts in a code block, one symbol per status."""
    symbols = dict(zip((code for code, _ in block.legend), "·▒█!×", strict=True))
    lines = ["```"]
    label_width = max((len(label) for label, _ in block.rows), default=0)
    for label, counts in block.rows:
        total = sum(n for _, n in counts)
        bar = "".join(symbols[code] * round(width * n / total) for code, n in counts) if total else ""
        safe = label.replace("`", "'")
        lines.append(f"{safe.ljust(label_width)}  {bar}")
    lines.append("  ".join(f"{symbols[code]} {text}" for code, text in block.legend))
    lines.append("```")
    return lines


def _chart(block: Chart, lang: str, width: int = 40) -> list[str]:
    top = max((v for _, v in block.rows), default=0) or 1
    label_width = max(len(label) for label, _ in block.rows)
    lines = [f"*{md_text(block.title)}*", "", "```"]
    for label, value in block.rows:
        bar = "█" * round(width * value / top)
        name = label.replace("`", "'").ljust(label_width)
        lines.append(f"{name}  {bar} {chart_value(block, value, lang)}")
    lines.append("```")
    return lines


def _narrative(block: Narrative) -> list[str]:
    lines: list[str] = []
    for md in block.blocks:
        if isinstance(md, MdHeading):
            lines += ["#" * min(6, block.level + md.level) + " " + md_spans(md.spans), ""]
        elif isinstance(md, MdParagraph):
            lines += [_line_start(md_spans(md.spans)), ""]
        elif isinstance(md, MdList):
            for number, item in enumerate(md.items, start=md.start):
                lines.append((f"{number}. " if md.ordered else "- ") + md_spans(item))
            lines.append("")
    return lines


def _pairs(pairs: tuple, lang: str) -> list[str]:
    return [f"**{md_text(label)}:** {md_text(cell_text(value, lang))}  " for label, value in pairs] + [""]


def render_markdown(outline: Outline) -> str:
    lines: list[str] = []
    lang = outline.lang
    for block in outline.blocks():
        if isinstance(block, TitlePage):
            lines += ["# " + md_text(block.title), "", md_text(block.subtitle), ""]
            lines += _pairs(block.pairs, lang)
        elif isinstance(block, Contents):
            lines += ["## " + md_text(block.title), ""]
            for heading in outline.contents():
                lines.append("  " * (heading.level - 2) + "- " + md_text(heading.text))
            lines.append("")
        elif isinstance(block, Heading):
            lines += ["#" * block.level + " " + md_text(block.text), ""]
        elif isinstance(block, Facts):
            lines += _pairs(block.pairs, lang)
        elif isinstance(block, Paragraph):
            lines += [md_text(block.text), ""]
        elif isinstance(block, Narrative):
            lines += _narrative(block)
        elif isinstance(block, Table):
            lines += _table(block, lang) + [""]
        elif isinstance(block, Bars) and block.rows:
            lines += _bars(block) + [""]
        elif isinstance(block, Chart) and block.rows:
            lines += _chart(block, lang) + [""]
    return "\n".join(lines)


def write_markdown(outline: Outline, out: BinaryIO) -> None:
    out.write(render_markdown(outline).encode("utf-8"))
