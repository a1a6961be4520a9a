"""The one rule for an activity's status: its status in the latest round that has an entry for it.

The latest round is the one with the latest date; among rounds on one date, the one created last.
"As of a round" counts only that round and the rounds before it. Every query that needs a status
(the plans list, the plan screen, ``show``, the checklist and its counts, a new round carrying the
statuses forward, an export) takes it from here. The SQL is accepted by SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

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


# The same rule, quicker for many activities: the entry in the plan's latest round (one indexed
# lookup per activity, joined as ``cur`` with ``LATEST_ENTRY_JOIN``) and, only where there is none,
# the general rule (COALESCE evaluates its second argument only then).
STATUS_FROM_LATEST_SQL = f"COALESCE(cur.status, {CURRENT_STATUS_SQL})"
LATEST_ENTRY_JOIN = "LEFT JOIN followup_entry cur ON cur.activity_id = a.id AND cur.round_id = {latest}"


def latest_round_id(plan_id: int, *, session: Any) -> int:
    """The plan's latest round (by date, then by creation); -1 when it has none."""
    from db.queries.plain import fetch_all

    rows = fetch_all(session, "SELECT id FROM followup_round WHERE plan_id = ? ORDER BY date DESC, id DESC",
                     (plan_id,))  # fmt: skip
    return rows[0][0] if rows else -1


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


# Each plan's latest round (by date, then by creation): a few rows however large the plans are.
LATEST_ROUNDS_SQL = """
SELECT r.plan_id, r.id FROM followup_round r
WHERE NOT EXISTS (
    SELECT 1 FROM followup_round later
    WHERE later.plan_id = r.plan_id AND (later.date > r.date OR (later.date = r.date AND later.id > r.id))
)
"""

# The counts the database keeps itself (migration 0008): a round's entries by status, reviewed and
# due date, a plan's activities by due date. A few rows per round and plan however large the plans are.
PLAN_TOTALS_SQL = "SELECT plan_id, SUM(n) FROM plan_tally GROUP BY plan_id"
# CROSS JOIN keeps the latest rounds first in SQLite too (a few rows, each looked up on the key).
LATEST_COUNTS_SQL = f"""
SELECT l.plan_id, t.status, SUM(t.n) FROM ({LATEST_ROUNDS_SQL}) l
CROSS JOIN round_tally t WHERE t.round_id = l.id
GROUP BY l.plan_id, t.status
"""
# Entries of each plan's latest round past their due date on ``?`` and neither done nor cancelled.
LATEST_OVERDUE_SQL = f"""
SELECT l.plan_id, SUM(t.n) FROM ({LATEST_ROUNDS_SQL}) l
CROSS JOIN round_tally t WHERE t.round_id = l.id
  AND t.due < ? AND t.status NOT IN ('done', 'cancelled')
GROUP BY l.plan_id
"""
# Activities past their due date on ``?`` per plan (for a plan without rounds: all not started).
PLAN_OVERDUE_SQL = "SELECT plan_id, SUM(n) FROM plan_tally WHERE due < ? GROUP BY plan_id"

# The activities of a plan that have no entry in its latest round (added after it started), by the
# general rule. Only asked when there are such activities.
_UNROUNDED = (
    "a.plan_id = ? AND NOT EXISTS ("
    "SELECT 1 FROM followup_entry x WHERE x.round_id = ? AND x.activity_id = a.id)"
)
UNROUNDED_COUNTS_SQL = f"""
SELECT s.status, count(*) FROM (
    SELECT {CURRENT_STATUS_SQL} AS status FROM activity a WHERE {_UNROUNDED}
) s GROUP BY s.status
"""
UNROUNDED_OVERDUE_SQL = f"""
SELECT count(*) FROM activity a
WHERE {_UNROUNDED} AND a.target_date < ? AND {CURRENT_STATUS_SQL} NOT IN ('done', 'cancelled')
"""


def plan_tallies(
    day: object, *, session: Session | sqlite3.Connection
) -> tuple[dict[int, dict[str, int]], dict[int, int]]:
    """Per plan: {status: count} over its activities, and how many are past their target date on
    ``day`` (ISO text for sqlite3, a date for a server's driver) and neither done nor cancelled;
    both by the rule of ``CURRENT_STATUS_SQL``.

    Read from the counts the database keeps (``round_tally``, ``plan_tally``): an activity with an
    entry in its plan's latest round has that entry's status, so a plan's figures are that round's
    counts; only activities without an entry there (added after the round started) go through the
    general rule, and only when there are such. The cost grows with the number of plans, rounds and
    distinct target dates, not with the number of activities.
    """
    from db.queries.plain import fetch_all

    totals = {plan_id: int(n) for plan_id, n in fetch_all(session, PLAN_TOTALS_SQL) if n}
    latest = dict(fetch_all(session, LATEST_ROUNDS_SQL))
    counts: dict[int, dict[str, int]] = {plan_id: {} for plan_id in totals}
    for plan_id, status, n in fetch_all(session, LATEST_COUNTS_SQL):
        if n and plan_id in counts:
            counts[plan_id][status] = int(n)
    overdue = {plan_id: int(n) for plan_id, n in fetch_all(session, LATEST_OVERDUE_SQL, (day,)) if n}
    without_rounds = {plan_id: int(n) for plan_id, n in fetch_all(session, PLAN_OVERDUE_SQL, (day,)) if n}
    for plan_id, total in totals.items():
        round_id = latest.get(plan_id)
        if round_id is None:  # no round yet: every activity is not started
            counts[plan_id] = {"not_started": total}
            if without_rounds.get(plan_id):
                overdue[plan_id] = without_rounds[plan_id]
            continue
        by_status = counts[plan_id]
        if sum(by_status.values()) < total:
            for status, n in fetch_all(session, UNROUNDED_COUNTS_SQL, (plan_id, round_id)):
                by_status[status] = by_status.get(status, 0) + int(n)
            rows = fetch_all(session, UNROUNDED_OVERDUE_SQL, (plan_id, round_id, day))
            if rows and rows[0][0]:
                overdue[plan_id] = overdue.get(plan_id, 0) + int(rows[0][0])
    return counts, overdue


def status_counts_by_plan(*, session: Session | sqlite3.Connection) -> dict[int, dict[str, int]]:
    """Plan id → {status: count} over every plan's activities, by the rule of ``CURRENT_STATUS_SQL``
    (see ``plan_tallies``)."""
    import datetime as dt

    today = dt.date.today()
    day = today.isoformat() if isinstance(session, sqlite3.Connection) else today
    return plan_tallies(day, session=session)[0]


def overdue_by_plan(day: object, *, session: Session | sqlite3.Connection) -> dict[int, int]:
    """Plan id → activities past their target date on ``day`` (ISO text for sqlite3, a date for a
    server's driver) that are neither done nor cancelled, by the rule of ``CURRENT_STATUS_SQL``."""
    return plan_tallies(day, session=session)[1]
