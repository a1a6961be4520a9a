"""The one rule for an activity's status: its status in the latest round that has an entry for it.

The latest round is the one with the latest date; among rounds on one date, the one created last.
"As of a round" counts only that round and the rounds before it. Every query that needs a status
(the plans list, the plan screen, ``show``, the checklist and its counts, a new round carrying the
statuses forward, an export) takes it from here. The SQL is accepted by SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from sqlmodel import Session

_RULE = """COALESCE((
    SELECT se.status FROM followup_entry se JOIN followup_round sr ON sr.id = se.round_id
    WHERE se.activity_id = {activity}.id{bound} ORDER BY sr.date DESC, sr.id DESC LIMIT 1
), 'not_started')"""
_AS_OF = " AND (sr.date < :as_of_date OR (sr.date = :as_of_date AND sr.id <= :as_of_id))"


def status_sql(activity: str = "a", *, as_of: bool = False, entry: str | None = None) -> str:
    """The rule as an SQL expression for the activity aliased ``activity``. With ``as_of`` only the
    rounds up to ``:as_of_date``/``:as_of_id`` count (give them with ``as_of_params``).

    ``entry``: the alias of the activity's entry in the ``as_of`` round itself, when the query joins
    it. Its status is the rule's answer whenever it exists, so the rule's subquery only runs for
    activities without one (COALESCE stops at the first value, in SQLite and PostgreSQL alike).
    """
    rule = _RULE.format(activity=activity, bound=_AS_OF if as_of else "")
    return f"COALESCE({entry}.status, {rule})" if entry and as_of else rule


def as_of_params(day: dt.date, round_id: int) -> dict[str, object]:
    """The parameters of ``status_sql(as_of=True)``: the round ``round_id`` dated ``day`` and
    every round before it. Run the query through ``as_of_text`` so the date goes as a date."""
    return {"as_of_date": day, "as_of_id": round_id}


def as_of_text(sql: str):  # noqa: ANN201
    """``text(sql)`` with ``:as_of_date`` typed as a date (a date in PostgreSQL, ISO text in SQLite)."""
    from sqlalchemy import Date, bindparam, text

    return text(sql).bindparams(bindparam("as_of_date", type_=Date))


CURRENT_STATUS_SQL = status_sql()


def current_statuses(plan_id: int, *, session: Session) -> dict[int, str]:
    """Activity id → current status code, for every activity of the plan."""
    from sqlalchemy import text

    rows = session.execute(
        text(f"SELECT a.id, {CURRENT_STATUS_SQL} FROM activity a WHERE a.plan_id = :plan"),
        {"plan": plan_id},
    )
    return {row[0]: row[1] for row in rows}


def statuses_as_of(plan_id: int, day: dt.date, round_id: int, *, session: Session) -> dict[int, str]:
    """Activity id → its status as of the round ``round_id`` dated ``day`` (that round and the
    ones before it), for every activity of the plan."""

    rows = session.execute(
        as_of_text(
            f"SELECT a.id, {status_sql(as_of=True, entry='e')} FROM activity a "
            "LEFT JOIN followup_entry e ON e.activity_id = a.id AND e.round_id = :as_of_id "
            "WHERE a.plan_id = :plan"
        ),
        {"plan": plan_id, **as_of_params(day, round_id)},
    )
    return {row[0]: row[1] for row in rows}


def status_counts_by_plan(*, session: Session | sqlite3.Connection) -> dict[int, dict[str, int]]:
    """Plan id → {status: count} over every plan's activities, in one query."""
    from db.queries.plain import fetch_all

    rows = fetch_all(
        session,
        f"SELECT s.plan_id, s.status, count(*) FROM "
        f"(SELECT a.plan_id AS plan_id, {CURRENT_STATUS_SQL} AS status FROM activity a) AS s "
        f"GROUP BY s.plan_id, s.status",
    )
    counts: dict[int, dict[str, int]] = {}
    for plan_id, status, n in rows:
        counts.setdefault(plan_id, {})[status] = n
    return counts
