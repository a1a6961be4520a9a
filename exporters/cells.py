"""Cell text for spreadsheets: text a user wrote must never run as a formula when the file is opened."""

from __future__ import annotations

# A spreadsheet reads a cell starting with one of these as a formula (or the start of one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_cell(text: str) -> str:
    """CSV has no text type: a risky cell gets a leading apostrophe, which spreadsheets show as text."""
    return "'" + text if looks_like_formula(text) else text
