"""The list of plans for the start screen, ``hrplan list`` and ``hrplan status``: what a coordinator
needs to see first, in aggregate queries and without SQLAlchemy.

``session`` is a plain sqlite3 connection (the start screen: see ``Database.plain_read``) or an
SQLAlchemy session (the command line). The SQL is the same for SQLite and PostgreSQL: the counting
is done by the database (GROUP BY, SUM over CASE), never by reading activities into Python.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from db.queries.plain import fetch_all
from db.queries.status import plan_tallies
from models.progress import Progress
from models.rounds import RoundDue, next_round_due
from models.status import STATUS_ORDER

FINISHED = ("done", "cancelled")

# Every round (a few per plan and year): the latest, and the latest open one, are picked per plan.
_ROUNDS_SQL = "SELECT plan_id, id, name, date, closed FROM followup_round ORDER BY plan_id, date, id"

# Entries of the given rounds, and how many of them were gone through: from the counts the
# database keeps (a few rows per round), not from the entries.
_ENTRIES_SQL = """
SELECT t.round_id, SUM(t.n) AS n, SUM(CASE WHEN t.reviewed THEN t.n ELSE 0 END) AS reviewed
FROM round_tally t WHERE t.round_id IN ({marks}) GROUP BY t.round_id
"""


@dataclass(frozen=True, slots=True)
class PlanSummary:
    id: int
    title: str
    kind: str
    organisation: str
    period_start: int
    period_end: int
    status: str
    activity_count: int
    done: int
    cancelled: int
    share_done: float
    cadence: str = "tertial"
    overdue: int = 0  # activities past their due date, neither done nor cancelled
    open_round: str | None = None  # the latest open round's name
    open_round_entries: int = 0
    open_round_reviewed: int = 0  # entries of the open round gone through
    latest_round_date: str | None = None  # ISO date of the latest round, open or closed

    @property
    def share_reviewed(self) -> float:
        return self.open_round_reviewed / self.open_round_entries if self.open_round_entries else 0.0

    def next_round(self, today: date) -> RoundDue | None:
        """When the next follow-up round is due; None for a plan that is not followed up (archived)."""
        if self.status == "archived":
            return None
        latest = date.fromisoformat(self.latest_round_date) if self.latest_round_date else None
        return next_round_due(self.cadence, latest, self.period_start, today)

    def needs_attention(self, today: date) -> bool:
        """Overdue activities, or a round that is due or overdue (active plans only)."""
        if self.status != "active":
            return False
        due = self.next_round(today)
        return self.overdue > 0 or (due is not None and due.state != "later")


def _as_iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def list_plans(
    *, session: Any, include_archived: bool = True, today: date | None = None
) -> list[PlanSummary]:
    """Every plan, newest period first, with its progress, overdue activities and follow-up rounds."""
    from db.access import readable_plan_ids

    allowed = readable_plan_ids(session)  # a manager's list holds only the plans with their units
    today = today or date.today()
    # The day as ISO text for sqlite3 (which has no date type), as a date for a server's driver.
    day: Any = today.isoformat() if isinstance(session, sqlite3.Connection) else today
    counts, overdue = plan_tallies(day, session=session)

    latest: dict[int, Any] = {}
    open_rounds: dict[int, tuple[int, str]] = {}
    for plan_id, round_id, name, day, closed in fetch_all(session, _ROUNDS_SQL):
        latest[plan_id] = day  # ordered by date: the last one seen is the latest
        if not closed:
            open_rounds[plan_id] = (round_id, name)
    entries: dict[int, tuple[int, int]] = {}
    if open_rounds:
        ids = [round_id for round_id, _ in open_rounds.values()]
        sql = _ENTRIES_SQL.format(marks=", ".join("?" * len(ids)))
        entries = {r: (int(n), int(done or 0)) for r, n, done in fetch_all(session, sql, ids)}

    where = "" if include_archived else "WHERE status != 'archived'"
    rows = fetch_all(
        session,
        "SELECT id, title, kind, organisation, period_start, period_end, status, cadence FROM plan "
        f"{where} ORDER BY period_start DESC, title",
    )
    result = []
    for plan_id, title, kind, organisation, start, end, status, cadence in rows:
        if allowed is not None and plan_id not in allowed:
            continue
        by_status = counts.get(plan_id, {})
        progress = Progress({s.value: by_status.get(s.value, 0) for s in STATUS_ORDER})
        round_id, round_name = open_rounds.get(plan_id, (None, None))
        n_entries, n_reviewed = entries.get(round_id, (0, 0)) if round_id is not None else (0, 0)
        result.append(
            PlanSummary(
                id=plan_id,
                title=title,
                kind=kind,
                organisation=organisation,
                period_start=start,
                period_end=end,
                status=status,
                activity_count=progress.total,
                done=progress.done,
                cancelled=progress.cancelled,
                share_done=progress.share_done,
                cadence=cadence,
                overdue=overdue.get(plan_id, 0),
                open_round=round_name,
                open_round_entries=n_entries,
                open_round_reviewed=n_reviewed,
                latest_round_date=_as_iso(latest.get(plan_id)),
            )
        )
    return result
