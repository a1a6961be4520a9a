"""Hostile text and the checks every door must pass, for any door: a field, an argument, an importer.

``hostile_text()`` makes text with control characters, NUL bytes, right-to-left marks and
overrides, lone surrogates and strings of a megabyte. ``through_door(door, text)`` calls a door and
returns what it gave back, or the refusal it raised; anything else fails the test. After the door,
``assert_database_sound(path)`` proves there are no broken rows: the file is whole, and every text in
every table is valid UTF-8, free of control characters and within its column's limit.

To point the same tests at an editor or an importer, write a door as a function of one text::

    def door(text):
        with database.write() as session:
            save_activity(session, ..., goal=text)

    refusal = through_door(door, text)
    assert_database_sound(database.path)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st
from pydantic import ValidationError

from db.errors import HrplanError
from i18n import load_catalog
from models.validation import CONTROL_CHARS, Invalid

SPECIAL = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f"  # NUL, bell, backspace, vertical tab, form feed, escape, delete
    "\u200e\u200f\u061c"  # left-to-right, right-to-left and Arabic letter marks
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidirectional embeddings and overrides
    "\ufeff\u0085\u2028\u2029\u00ad"  # byte order mark, next line, line and paragraph separators
    "\ud800\udfff"  # lone surrogates: what undecodable bytes on a command line become
    "\t\n\r "
)
MEGABYTE = 1_000_000
REFUSALS = (Invalid, HrplanError, ValidationError)


def hostile_text(*, huge: bool = True) -> st.SearchStrategy[str]:
    """Short texts mixing ordinary and special characters, and (unless told not) 1 MB ones."""
    short = st.text(alphabet=st.one_of(st.sampled_from(SPECIAL), st.characters()), max_size=40)
    if not huge:
        return short
    megabyte = st.builds(lambda piece: ((piece or "ö") * MEGABYTE)[:MEGABYTE], short)
    return st.one_of(short, short, megabyte)


def through_door(door: Callable[[str], object], text: str) -> object:
    """Call ``door(text)``: its result, or the refusal it raised, which must have a clear message."""
    try:
        return door(text)
    except REFUSALS as refusal:
        assert_clear(refusal)
        return refusal


def assert_clear(refusal: BaseException) -> None:
    """A refusal a person can read: a known message, one line, in both languages."""
    from i18n import t

    if isinstance(refusal, Invalid):
        assert refusal.key in load_catalog(), refusal.key
        texts = [t(refusal.key, lang=lang, **refusal.params) for lang in ("sv", "en")]
    elif isinstance(refusal, HrplanError):
        assert refusal.key in load_catalog(), refusal.key
        texts = [refusal.message(lang) for lang in ("sv", "en")]
        for text in texts:  # no message key shown raw
            assert not set(text.replace(":", " ").split()) & set(load_catalog()), text
    else:  # pydantic refuses before hrplan does: the caller shows its own message for the field
        return
    for text in texts:
        assert "\n" not in text and len(text) < 2000 and not CONTROL_CHARS.search(text), text


def assert_database_sound(path: Path) -> None:
    """No broken rows: integrity ok, and every text valid UTF-8, without control characters, in limits."""
    from sqlmodel import SQLModel

    import models.tables  # noqa: F401
    from db.guard import _rules

    conn = sqlite3.connect(path)
    conn.text_factory = bytes
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [(b"ok",)]
        for table in SQLModel.metadata.sorted_tables:
            limits = _rules(table)[0]
            for column in table.columns:
                rows = conn.execute(
                    f'SELECT "{column.name}" FROM "{table.name}" WHERE typeof("{column.name}") = \'text\''
                )
                for (raw,) in rows:
                    text = raw.decode("utf-8")  # raises on broken UTF-8
                    if table.name == "change_log" and column.name in ("old_value", "new_value"):
                        continue  # JSON: control characters are escaped there
                    where = f"{table.name}.{column.name}"
                    assert not CONTROL_CHARS.search(text), f"{where} holds a control character"
                    limit = limits.get(column.name)
                    assert limit is None or len(text) <= limit, f"{where} is too long"
    finally:
        conn.close()
