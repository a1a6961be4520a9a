"""Running one SQL statement on either a plain sqlite3 connection or an SQLAlchemy session.

The start screen reads through plain sqlite3 (no SQLAlchemy import before the first frame); the
command line and the other screens hold a session. Query functions that both use take either.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any


def fetch_all(session: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    """Every row of ``sql`` (qmark parameters) as tuples."""
    if isinstance(session, sqlite3.Connection):
        return session.execute(sql, tuple(params)).fetchall()
    return [tuple(row) for row in session.connection().exec_driver_sql(sql, tuple(params)).fetchall()]


def fetch_iter(session: Any, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
    """The rows of ``sql`` one by one as the database hands them over, without reading them all first."""
    if isinstance(session, sqlite3.Connection):
        cursor = session.execute(sql, tuple(params))
        try:
            for row in cursor:
                yield row
        finally:  # also when the reader stopped early and the connection is closed by now
            with contextlib.suppress(sqlite3.ProgrammingError):
                cursor.close()
        return
    streamed = {"stream_results": True}
    for row in session.connection().exec_driver_sql(sql, tuple(params), execution_options=streamed):
        yield tuple(row)
