"""The outline as Markdown: headings, label lines and pipe tables (area rows in bold)."""

from __future__ import annotations

from typing import BinaryIO

from exporters.blocks import AreaRow, Bars, Facts, Heading, Outline, Paragraph, Table

_ESCAPES = str.maketrans({"\\": "\\\\", "|": "\\|", "<": "&lt;", ">": "&gt;", "&": "&amp;",
                          "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]"})  # fmt: skip


def md_text(text: str) -> str:
    """User text that stays text: markup, HTML and table pipes escaped, lines kept apart in a cell."""
    return "<br>".join(line.translate(_ESCAPES) for line in text.split("\n"))


def _table(block: Table) -> list[str]:
    lines = ["| " + " | ".join(md_text(c) for c in block.columns) + " |", "|" + "---|" * len(block.columns)]
    blank = " |" * (len(block.columns) - 1)
    for row in block.rows:
        if isinstance(row, AreaRow):
            lines.append(f"| **{md_text(row.text)}** |{blank}")
        else:
            lines.append("| " + " | ".join(md_text(c) for c in row) + " |")
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


def render_markdown(outline: Outline) -> str:
    lines: list[str] = []
    for block in outline.blocks():
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + md_text(block.text), ""]
        elif isinstance(block, Facts):
            lines += [f"**{md_text(label)}:** {md_text(value)}  " for label, value in block.pairs] + [""]
        elif isinstance(block, Paragraph):
            lines += [md_text(block.text), ""]
        elif isinstance(block, Table):
            lines += _table(block) + [""]
        elif isinstance(block, Bars) and block.rows:
            lines += _bars(block) + [""]
    return "\n".join(lines)


def write_markdown(outline: Outline, out: BinaryIO) -> None:
    out.write(render_markdown(outline).encode("utf-8"))
