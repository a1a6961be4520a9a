"""Undoing the latest change and redoing the latest undone one, with enough said about it for the
notice that tells the user."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from db.changes import latest_batch, redo_batch, redo_last, undo_last
from models.changelog import WHOLE_ROW, ChangeLog

# Columns that name a row, in the order they are tried.
_NAME_COLUMNS = ("title", "name", "goal", "description")


@dataclass(frozen=True, slots=True)
class UndoneChange:
    """What an undo reverted: ``kind`` is "insert", "delete" or "update" of ``entity``."""

    kind: str
    entity: str
    name: str
    changes: int


def _name_in(values: dict) -> str:
    for column in _NAME_COLUMNS:
        text = values.get(column)
        if isinstance(text, str) and text.strip():
            return text.strip()
    if isinstance(values.get("kind"), str) and "body" in values:  # a section keeping its kind's name
        from i18n import t

        return t(f"section.{values['kind']}")
    return f"#{values.get('id', '?')}"


def _describe(first: ChangeLog, session: Session) -> tuple[str, str]:
    """The kind of change and the name of the row it was made to, read from the log entry."""
    if first.field == WHOLE_ROW and first.old_value is None:
        return "insert", _name_in(json.loads(first.new_value or "{}"))
    if first.field == WHOLE_ROW:
        rows = json.loads(first.old_value)["rows"]
        return "delete", _name_in(rows[0]["values"] if rows else {})
    from sqlmodel import SQLModel

    table = SQLModel.metadata.tables[first.entity]
    row = session.execute(select(table).where(table.c.id == first.entity_id)).first()
    return "update", _name_in(dict(row._mapping) if row is not None else {"id": first.entity_id})


def undo_latest(*, session: Session, plan_id: int | None = None) -> UndoneChange | None:
    """Undo the latest change (of one plan, when given); None when there is nothing to undo."""
    batch = latest_batch(session, plan_id=plan_id)
    if batch is None:
        return None
    kind, entity, name = _described_batch(batch, session)
    result = undo_last(session, plan_id=plan_id)
    return UndoneChange(kind=kind, entity=entity, name=name, changes=result.changes if result else 0)


def redo_latest(*, session: Session, plan_id: int | None = None) -> UndoneChange | None:
    """Make the latest undone change again (of one plan, when given), as long as nothing was changed
    since the undo; None when there is nothing to redo. Described as the change it makes again."""
    batch = redo_batch(session, plan_id=plan_id)
    if batch is None:
        return None
    kind, entity, name = _described_batch(batch, session)
    result = redo_last(session, plan_id=plan_id)
    return UndoneChange(kind=kind, entity=entity, name=name, changes=result.changes if result else 0)


def _described_batch(batch: int, session: Session) -> tuple[str, str, str]:
    first = session.execute(
        select(ChangeLog).where(ChangeLog.batch == batch).order_by(ChangeLog.id).limit(1)
    ).scalar_one()
    kind, name = _describe(first, session)
    return kind, first.entity, name
