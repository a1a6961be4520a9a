"""Checking what the user typed or imported, before it reaches the database.

Plain functions, no SQLModel: the editors call them live, the command line and the importers call
them before writing. A refusal is a ``ValueError`` whose args are a message key and its parameters.
"""

from __future__ import annotations

import re
import unicodedata

# Control characters other than tab and newline, and the NUL byte in particular.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class Invalid(ValueError):
    """A refused value: ``key`` is a message key under ``invalid.``, ``params`` its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, params)
        self.key = key
        self.params = params


def clean_text(value: str | None, *, limit: int, required: bool = False, multiline: bool = True) -> str:
    """The text as it will be stored: NFC, trimmed, newlines unified. Raises ``Invalid``."""
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not multiline:
        text = " ".join(text.replace("\t", " ").split("\n"))
    text = text.strip()
    if CONTROL_CHARS.search(text):
        raise Invalid("invalid.control_chars")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: SQLite could not store it
        raise Invalid("invalid.unencodable") from None
    if required and not text:
        raise Invalid("invalid.required")
    if len(text) > limit:
        raise Invalid("invalid.too_long", limit=limit)
    return text


def check_year(value: object) -> int:
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        raise Invalid("invalid.year") from None
    if not 1900 <= year <= 2200:
        raise Invalid("invalid.year")
    return year
