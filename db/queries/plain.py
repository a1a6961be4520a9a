"""Running one SQL statement on either a plain sqlite3 connection or an SQLAlchemy session.

The start screen reads through plain sqlite3 (no SQLAlchemy import before the first frame); the
command line and the other screens hold a session. Query functions that both use take either.
With a session on SQLite the statement runs on the session's own connection (in its transaction)
through the driver's cursor, so rows come back as plain tuples without SQLAlchemy's per-row work;
on another database it goes through SQLAlchemy, whatever the driver's parameter style.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

Params = Sequence[Any] | Mapping[str, Any]


def _driver_cursor(session: Any) -> Any | None:
    """A cursor of the driver's own SQLite connection under ``session``; None for another database."""
    if isinstance(session, sqlite3.Connection):
        return session.cursor()
    if session.get_bind().dialect.name == "sqlite":
        return session.connection().connection.cursor()
    return None


def _driver_params(params: Params) -> tuple | dict[str, Any]:
    """Parameters for the SQLite driver: a date as ISO text, as SQLAlchemy's ``Date`` stores it (the
    driver's own date adapter is deprecated)."""
    def value(v: Any) -> Any:
        return v.isoformat() if type(v) is dt.date else v

    if isinstance(params, Mapping):
        return {name: value(v) for name, v in params.items()}
    return tuple(value(v) for v in params)


def _named(sql: str, params: Params) -> tuple[Any, dict[str, Any]]:
    """``sql`` for SQLAlchemy: each ``?`` becomes a named parameter (named ones stay as they are).
    The statements here hold no ``?`` inside a string literal."""
    from sqlalchemy import text

    if isinstance(params, Mapping):
        return text(sql), dict(params)
    pieces = sql.split("?")
    named = pieces[0] + "".join(f":p{i}{piece}" for i, piece in enumerate(pieces[1:]))
    return text(named), {f"p{i}": value for i, value in enumerate(params)}


def fetch_all(session: Any, sql: str, params: Params = (),
              after_execute: Callable[[], object] | None = None) -> list[tuple]:  # fmt: skip
    """Every row of ``sql`` as tuples; parameters as ``?`` with a sequence, or ``:name`` with a mapping.

    ``after_execute`` is called once the database has run the statement (on SQLite: found and
    sorted the rows, without holding the interpreter) and before the rows are turned into tuples."""
    cursor = _driver_cursor(session)
    if cursor is None:
        statement, bound = _named(sql, params)
        result = session.execute(statement, bound)
        if after_execute is not None:
            after_execute()
        return [tuple(row) for row in result.fetchall()]
    try:
        cursor.execute(sql, _driver_params(params))
        if after_execute is not None:
            after_execute()
        return cursor.fetchall()
    finally:
        cursor.close()


def fetch_iter(session: Any, sql: str, params: Params = ()) -> Iterator[tuple]:
    """The rows of ``sql`` one by one as the database hands them over, without reading them all first."""
    cursor = _driver_cursor(session)
    if cursor is None:
        statement, bound = _named(sql, params)
        streamed = session.execute(statement, bound, execution_options={"stream_results": True})
        for row in streamed:
            yield tuple(row)
        return
    try:
        cursor.execute(sql, _driver_params(params))
        for row in cursor:  # noqa: UP028  (``yield from`` would close a cursor of a closed connection)
            yield row
    finally:  # also when the reader stopped early and the connection is closed by now
        with contextlib.suppress(sqlite3.ProgrammingError):
            cursor.close()
