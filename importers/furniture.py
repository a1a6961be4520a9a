"""Page furniture: what a document repeats on every page, never part of the plan.

A decision document's running header ("Beslutsdatum | Paragraf | Sida" and under it the body, the
date, the paragraph and the page number), page numbers ("Sida 3 av 12", "3 (12)", "- 3 -", a lone
"3"), and any short line with figures that recurs on three or more pages (a running footer with the
diary number or the plan's name and years).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_LABELS = {
    "beslutsdatum", "paragraf", "sida", "sidan", "sidnummer", "datum", "diarienummer", "dnr", "dnr.",
    "beslutsinstans", "sammanträdesdatum", "protokoll", "protokollsutdrag", "justerandes signatur",
    "justerandes sign", "utdragsbestyrkande", "page", "date", "paragraph", "meeting date",
}  # fmt: skip
_PAGE = re.compile(
    r"^(?:(?:sida|sid\.?|s\.|page|p\.)\s*\d{1,4}(?:\s*(?:av|\(|/|of)\s*\d{1,4}\)?)?"
    r"|\d{1,4}\s*\(\s*\d{1,4}\s*\)|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*/\s*\d{1,4}|\d{1,3})$",
    re.IGNORECASE,
)
_VALUE = re.compile(r"§\s*\d|^\d{4}-\d{2}-\d{2}$|^\d{1,4}(?:\s*\(\s*\d{1,4}\s*\))?$|^(?:sida|page)\s*\d",
                    re.IGNORECASE)  # fmt: skip
# Repeated lines are furniture only when they are short and carry a figure (a page, a year, a date).
REPEATS = 3
_MAX_REPEATED = 120


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).strip(" :.|")


def is_page_number(text: str) -> bool:
    """"Sida 3 av 12", "Page 3 of 12", "3 (12)", "- 3 -", "3/12", "3" (but not "3." or "3)", the
    number of an item in a list)."""
    stripped = text.strip()
    if re.fullmatch(r"\(?\d{1,3}[.)]", stripped):
        return False
    return bool(_PAGE.match(_norm(stripped)))


def is_running_header(texts: Iterable[str]) -> bool:
    """"Beslutsdatum | Paragraf | Sida": two or more cells, each a furniture label."""
    filled = [_norm(t) for t in texts if t.strip()]
    if len(filled) == 1:
        words = filled[0].split()
        return len(words) >= 2 and all(w in _LABELS for w in words)
    return len(filled) >= 2 and all(t in _LABELS for t in filled)


def is_running_values(texts: Iterable[str]) -> bool:
    """The line under a running header: the body, a date, "§ 146", a page number. At least one of
    them is a date, a paragraph or a page number, and none is long."""
    filled = [" ".join(t.split()) for t in texts if t.strip()]
    if not filled or any(len(t) > 80 for t in filled) or len(filled) > 6:
        return False
    if len(filled) == 1:
        parts = filled[0].split()
        return any(_VALUE.search(p) for p in parts) and len(parts) <= 10 and "§" in filled[0]
    return sum(1 for t in filled if _VALUE.search(t)) >= 1 and not any(len(t) > 60 for t in filled)


def repeated(texts: Iterable[str]) -> set[str]:
    """Lines that recur ``REPEATS`` times or more, are short and carry a figure: a running header
    or footer. Compared by ``key``."""
    counts = Counter(key(t) for t in texts if len(t) <= _MAX_REPEATED and any(c.isdigit() for c in t))
    return {text for text, n in counts.items() if n >= REPEATS and text}


def key(text: str) -> str:
    """A line as compared for repetition: lower case, page numbers left out."""
    s = _norm(text)
    s = re.sub(r"\b(?:sida|page)\s*\d+(?:\s*(?:av|of|/)\s*\d+)?", "", s)
    s = re.sub(r"\s\d{1,3}$", "", s)
    return s.strip()
