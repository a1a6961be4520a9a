"""Cell text for spreadsheets: text a user wrote must never run as a formula when the file is opened."""

from __future__ import annotations

import re

# Characters XML 1.0 cannot hold (tab, newline and carriage return it can). The editors accept the
# noncharacters U+FFFE and U+FFFF as ordinary text, so Word and Excel files must leave them out.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """The text without the characters an XML file cannot hold."""
    return _NOT_XML.sub("", text)

# A spreadsheet reads a cell starting with one of these as a formula (or the start of one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_FIRST = frozenset(FORMULA_STARTS)  # each is one character: a set lookup of the first one


def looks_like_formula(text: str) -> bool:
    return text[:1] in FORMULA_FIRST


def csv_cell(text: str) -> str:
    """CSV has no text type: a risky cell gets a leading apostrophe, which spreadsheets show as text."""
    return "'" + text if text[:1] in FORMULA_FIRST else text
