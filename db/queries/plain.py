"""Running one SQL statement on either a plain sqlite3 connection or an SQLAlchemy session.

The start screen reads through plain sqlite3 (no SQLAlchemy import before the first frame); the
command line and the other screens hold a session. Query functions that both use take either. With
a session, the statement runs on the session's own database connection (in its transaction) through
the driver's cursor, so rows come back as plain tuples without SQLAlchemy's per-row processing.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any


def _cursor(session: Any) -> Any:
    if isinstance(session, sqlite3.Connection):
        return session.cursor()
    return session.connection().connection.cursor()  # the driver's connection, in the session's transaction


def fetch_all(session: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    """Every row of ``sql`` (qmark parameters) as tuples."""
    cursor = _cursor(session)
    try:
        cursor.execute(sql, tuple(params))
        return cursor.fetchall()
    finally:
        cursor.close()


def fetch_iter(session: Any, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
    """The rows of ``sql`` one by one as the database hands them over, without reading them all first."""
    cursor = _cursor(session)
    try:
        cursor.execute(sql, tuple(params))
        for row in cursor:  # noqa: UP028  (``yield from`` would close a cursor of a closed connection)
            yield row
    finally:  # also when the reader stopped early and the connection is closed by now
        with contextlib.suppress(sqlite3.ProgrammingError):
            cursor.close()
