"""Markup removed from imported cells is told, never dropped in silence.

Text copied out of a PDF, and cells of a spreadsheet, may hold HTML tags; ``cells.strip_tags``
removes those of HTML (formatting, paragraphs, lists) and keeps everything else as text. The readers
pass each raw text through ``MarkupNotes.see`` first, and after the file one ``Notice`` says which
formatting tags were removed, from how many cells, and where the first was. Paragraph, break and
list tags are not counted: they become lines, nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.model import ImportWarning, SourceRef

# Tags of HTML that ``strip_tags`` removes. Anything else in angle brackets ("<Enhetschef>") is text.
HTML_TAGS = (
    "a|abbr|b|big|blockquote|body|br|center|code|div|em|font|h[1-6]|head|hr|html|i|img|li|mark|ol|"
    "p|pre|s|script|small|span|strike|strong|style|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul"
)
_LINES = {"p", "br", "li", "ul", "ol"}
_FOUND = re.compile(rf"</?({HTML_TAGS})\b[^<>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning a reader found while reading, passed on with the plan's other warnings."""

    warning: ImportWarning


class MarkupNotes:
    def __init__(self) -> None:
        self.count = 0
        self.tags: list[str] = []
        self.first: SourceRef | None = None

    def see(self, text: str, where: SourceRef) -> None:
        if "<" not in text:
            return
        names = {m.group(1).lower() for m in _FOUND.finditer(text)} - _LINES
        if not names:
            return
        self.count += 1
        self.first = self.first or where
        self.tags += sorted(n for n in names if n not in self.tags)

    def notice(self) -> Notice | None:
        if not self.count or self.first is None:
            return None
        tags = ", ".join(f"<{name}>" for name in self.tags[:6])
        params = (("tags", tags), ("count", str(self.count)))
        return Notice(ImportWarning("import.warn.markup_removed", self.first, params))
