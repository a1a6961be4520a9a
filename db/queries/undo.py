"""Undoing a plan's latest change, with what the notice needs to say what was undone."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from db.changes import undo_last
from models.changelog import WHOLE_ROW, ChangeLog

# Columns that name a row, tried in this order.
_NAME_COLUMNS = ("title", "name", "goal", "description", "period_label")


@dataclass(frozen=True, slots=True)
class UndoneChange:
    """What an undo reverted: ``kind`` is "insert", "delete" or "update" of a row of ``entity``."""

    kind: str
    entity: str
    name: str
    changes: int


def _row_name(values: dict) -> str:
    for column in _NAME_COLUMNS:
        value = values.get(column)
        if isinstance(value, str) and value.strip():
            return value.strip().split("\n")[0]
    return f"#{values.get('id', '?')}"


def _kind_and_name(first: ChangeLog, session: Session) -> tuple[str, str]:
    if first.field == WHOLE_ROW and first.old_value is None:
        return "insert", _row_name(json.loads(first.new_value or "{}"))
    if first.field == WHOLE_ROW:
        rows = json.loads(first.old_value)["rows"]
        return "delete", _row_name(rows[0]["values"] if rows else {})
    from sqlmodel import SQLModel

    table = SQLModel.metadata.tables[first.entity]
    row = session.execute(select(table).where(table.c.id == first.entity_id)).first()
    return "update", _row_name(dict(row._mapping) if row is not None else {"id": first.entity_id})


def undo_latest(*, session: Session, plan_id: int | None = None) -> UndoneChange | None:
    """Undo the latest change not yet undone (of one plan, when given). None: nothing to undo."""
    query = select(func.max(ChangeLog.batch)).where(ChangeLog.undone == False)  # noqa: E712
    if plan_id is not None:
        query = query.where(ChangeLog.plan_id == plan_id)
    batch = session.execute(query).scalar()
    if batch is None:
        return None
    first = session.execute(
        select(ChangeLog).where(ChangeLog.batch == batch).order_by(ChangeLog.id).limit(1)
    ).scalar_one()
    kind, name = _kind_and_name(first, session)
    result = undo_last(session, plan_id=plan_id)
    return UndoneChange(kind=kind, entity=first.entity, name=name, changes=result.changes if result else 0)
