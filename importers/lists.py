"""Activity lists in text and in Word paragraphs, beside the table readers.

Plans that hold no table write their activities as lists under area headings:

- bullets ("•", "-", "–", "*", "▪") or a Word list, each activity followed by label lines
  ("Ansvar: …", "Ansvarig: …", "Tidplan: …", "Klart: …", any column name of the header vocabulary);
- numbered items ("1. …", "2) …"), possibly with label lines too;
- blocks of label lines alone ("Aktivitet: …", "Ansvarig: …", "Klart: …"), one activity per block;
- in text copied out of a two-column PDF, the numbers first ("1.", "2.", "3." or "1. 2. 3." on one
  line) and the texts after them, one per number.

A line that is none of these continues the line before it when it follows it directly in text (a
line wrapped mid-sentence), and ends the list otherwise. ``line_kind`` says what a line is; the
assembler keeps the list's state and decides per block whether it holds activities (see
``Assembler``).
"""

from __future__ import annotations

import re

from importers.columns import AREA, NUMBER, UNIT, field_of

ITEM, LABELS, NUMBERS, TEXT = "item", "labels", "numbers", "text"

_BULLET = re.compile(r"^\s*(?:[•·▪■◦●►➢✓\-–—*]|o(?=\s))\s*(?=\S)")
_NUMBERED = re.compile(r"^\s*\(?(\d{1,3})[.)]\s+(?=\S)")
_ONLY_NUMBERS = re.compile(r"^\s*(?:\(?\d{1,3}[.)]\s*){1,40}$")
_NUMBER = re.compile(r"\d{1,3}")
# "Ansvar: HR. Tidplan: 2025": a label is one to four words before a colon.
_WORDS = r"[A-Za-zÅÄÖåäöÉé][\wÅÄÖåäöÉé/()\-]*(?:\s+[\wÅÄÖåäöÉé/()\-]+){0,3}"
_LABEL = re.compile(rf"(?:^|(?<=[\s.;,]))({_WORDS})\s*:\s*")
_NOT_LABELS = {AREA, UNIT, NUMBER}


def _labels(text: str) -> list[tuple[str, str]] | None:
    """[(field, value), ...] for a line of label lines ("Ansvar: HR", "Ansvar: HR. Klart: 2025");
    None unless the line starts with a label of the vocabulary."""
    found = []
    for m in _LABEL.finditer(text):
        field = field_of(m.group(1))
        if field is None or field in _NOT_LABELS:
            if m.start() == 0:
                return None
            continue
        found.append((field, m.start(), m.end()))
    if not found or found[0][1] != 0:
        return None
    labels = []
    for i, (field, _, end) in enumerate(found):
        stop = found[i + 1][1] if i + 1 < len(found) else len(text)
        labels.append((field, text[end:stop].strip(" .;,")))
    return labels


def line_kind(text: str, *, listed: bool = False) -> tuple[str, object]:
    """What a line of a list is:

    - (ITEM, (number or None, text)): a bullet, a numbered item, or a Word list paragraph (``listed``);
    - (LABELS, [(field, value), ...]): label lines;
    - (NUMBERS, [1, 2, 3]): numbers without their texts (a two-column PDF);
    - (TEXT, text): anything else.
    """
    if _ONLY_NUMBERS.match(text):
        return NUMBERS, [int(n) for n in _NUMBER.findall(text)]
    if (labels := _labels(text)) is not None:
        return LABELS, labels
    if m := _NUMBERED.match(text):
        return ITEM, (int(m.group(1)), text[m.end():].strip())
    if m := _BULLET.match(text):
        rest = text[m.end():].strip()
        if rest and (labels := _labels(rest)) is not None:
            return LABELS, labels
        return ITEM, (None, rest)
    if listed:
        return ITEM, (None, text.strip())
    return TEXT, text
