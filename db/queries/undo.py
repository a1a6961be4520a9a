"""Undo of a plan's latest change, with a description of what was undone for the notice."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from db.changes import undo_last
from models.changelog import WHOLE_ROW, ChangeLog


@dataclass(frozen=True, slots=True)
class UndoSummary:
    entity: str  # the table of the first change: activity, unit, area, key_figure, ...
    kind: str  # "insert", "delete" or "update"
    changes: int


def undo_plan_change(plan_id: int, *, session: Session) -> UndoSummary | None:
    """Revert the plan's latest change not yet undone. None: nothing left to undo."""
    result = undo_last(session, plan_id=plan_id)
    if result is None:
        return None
    first = session.execute(
        select(ChangeLog).where(ChangeLog.batch == result.batch).order_by(ChangeLog.id).limit(1)
    ).scalar_one()
    if first.field != WHOLE_ROW:
        kind = "update"
    else:
        kind = "insert" if first.old_value is None else "delete"
    return UndoSummary(entity=result.entity, kind=kind, changes=result.changes)
