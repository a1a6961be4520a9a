"""Cell text: HTML tags left in text copied out of a PDF, lists of items, numbered activities."""

from __future__ import annotations

import html
import re

from importers.markup import HTML_TAGS

_P_BLOCK = re.compile(r"<p\b[^>]*>(.*?)(?:</p\s*>|$)", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</li\s*>|</?ul\b[^>]*>|</?ol\b[^>]*>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
# Only tags of HTML: text in angle brackets ("<Enhetschef>") is the writer's, and kept.
_TAG = re.compile(rf"</?(?:{HTML_TAGS})\b[^<>]*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
# Control characters other than tab and newline: replaced, never stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def strip_tags(text: str) -> str:
    """Text without HTML tags: paragraphs, breaks and list items become lines; entities are read."""
    text = _LIST_ITEM.sub("\n- ", text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    return tidy(text)


def tidy(text: str) -> str:
    """Spaces collapsed within each line, empty lines dropped, control characters removed."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def html_items(text: str) -> tuple[str, ...]:
    """A PDF cell's items: each ``<p>…</p>`` apart when there are several, else the whole cell."""
    blocks = _P_BLOCK.findall(text)
    if len(blocks) >= 2:
        # Text outside the <p> blocks (a list after the last one) belongs to the last item.
        tail = _P_BLOCK.sub("\x00", text).split("\x00")[-1]
        items = [strip_tags(b) for b in blocks]
        if tail.strip():
            items[-1] = tidy(items[-1] + "\n" + strip_tags(tail))
        items = [i for i in items if i]
        if len(items) >= 2:
            return tuple(items)
    return (strip_tags(text),)


_NUMBER = re.compile(r"(?:(?<=\s)|^)(\d{1,3})[.)]\s+")


def numbered_items(text: str) -> list[tuple[int, str]] | None:
    """"1. Foo 2. Bar" → [(1, "Foo"), (2, "Bar")]; None unless the text is such a list.

    The list must start at the beginning of the text and count up by one, so that a year or an
    amount in the text ("ca 20. Sedan") does not split it.
    """
    text = text.strip()
    found: list[tuple[int, int, int]] = []  # (number, start of marker, end of marker)
    expected: int | None = None
    for m in _NUMBER.finditer(text):
        number = int(m.group(1))
        if expected is None:
            if m.start() != 0:
                return None
        elif number != expected:
            continue
        found.append((number, m.start(), m.end()))
        expected = number + 1
    if len(found) < 2:
        return None
    items = []
    for i, (number, _, end) in enumerate(found):
        stop = found[i + 1][1] if i + 1 < len(found) else len(text)
        body = tidy(text[end:stop])
        if not body:
            return None
        items.append((number, body))
    return items
