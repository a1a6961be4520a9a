"""The current status of activities: their status in the latest round that has an entry for them."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

# The latest round is the one with the latest date; among rounds on one date, the latest created.
CURRENT_STATUS_SQL = """
COALESCE((
    SELECT e.status FROM followup_entry e JOIN followup_round r ON r.id = e.round_id
    WHERE e.activity_id = a.id ORDER BY r.date DESC, r.id DESC LIMIT 1
), 'not_started')
"""


def current_statuses(plan_id: int, *, session: Session) -> dict[int, str]:
    """Activity id → current status code, for every activity of the plan."""
    from sqlalchemy import text

    rows = session.execute(
        text(f"SELECT a.id, {CURRENT_STATUS_SQL} FROM activity a WHERE a.plan_id = :plan"),
        {"plan": plan_id},
    )
    return {row[0]: row[1] for row in rows}


def status_counts_by_plan(*, session: Session | sqlite3.Connection) -> dict[int, dict[str, int]]:
    """Plan id → {status: count} over every plan's activities, in one query."""
    from db.queries.plain import fetch_all

    rows = fetch_all(
        session,
        f"SELECT plan_id, status, count(*) FROM "
        f"(SELECT a.plan_id AS plan_id, {CURRENT_STATUS_SQL} AS status FROM activity a) AS current "
        f"GROUP BY plan_id, status",
    )
    counts: dict[int, dict[str, int]] = {}
    for plan_id, status, n in rows:
        counts.setdefault(plan_id, {})[status] = n
    return counts
