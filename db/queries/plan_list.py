"""The list of plans for the start screen and ``hrplan list``, in one pass and without SQLAlchemy.

``session`` is a plain sqlite3 connection (the start screen: see ``Database.plain_read``) or an
SQLAlchemy session (the command line).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db.queries.plain import fetch_all
from db.queries.status import status_counts_by_plan
from models.progress import progress_of


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


def list_plans(*, session: Any, include_archived: bool = True) -> list[PlanSummary]:
    """Every plan, newest period first, with its activity count and share done (current statuses)."""
    from db.access import readable_plan_ids

    allowed = readable_plan_ids(session)  # a manager's list holds only the plans with their units
    counts = status_counts_by_plan(session=session)
    where = "" if include_archived else "WHERE status != 'archived'"
    rows = fetch_all(
        session,
        "SELECT id, title, kind, organisation, period_start, period_end, status FROM plan "
        f"{where} ORDER BY period_start DESC, title",
    )
    result = []
    for plan_id, title, kind, organisation, start, end, status in rows:
        if allowed is not None and plan_id not in allowed:
            continue
        by_status = counts.get(plan_id, {})
        progress = progress_of(s for s, n in by_status.items() for _ in range(n))
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
            )
        )
    return result
