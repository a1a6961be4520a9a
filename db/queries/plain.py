"""Running one SQL statement on either a plain sqlite3 connection or an SQLAlchemy session.

The start screen reads through plain sqlite3 (no SQLAlchemy import before the first frame); the
command line and the other screens hold a session. Query functions that both use take either.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any


def fetch_all(session: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    """Every row of ``sql`` (qmark parameters) as tuples."""
    if isinstance(session, sqlite3.Connection):
        return session.execute(sql, tuple(params)).fetchall()
    from sqlalchemy import text

    # Through SQLAlchemy, whatever the driver's own parameter style (psycopg's is %s): each ``?``
    # becomes a named parameter. The statements here hold no ``?`` inside a string literal.
    pieces = sql.split("?")
    named = pieces[0] + "".join(f":p{i}{piece}" for i, piece in enumerate(pieces[1:]))
    bound = {f"p{i}": value for i, value in enumerate(params)}
    return [tuple(row) for row in session.execute(text(named), bound).fetchall()]
