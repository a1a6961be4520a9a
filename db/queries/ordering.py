"""Shared pieces of the editing queries: moving a row within its siblings, refusing bad input."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from db.changes import ChangeSet
from db.errors import ConflictError, InvalidInputError
from models.validation import Invalid


def refuse(field_key: str, reason_key: str, **params: object) -> InvalidInputError:
    """An ``InvalidInputError`` naming the field and the reason, both in the user's language."""
    from i18n import t

    return InvalidInputError(field=t(field_key), reason=t(reason_key, **params))


def refuse_invalid(field_key: str, error: Invalid) -> InvalidInputError:
    return refuse(field_key, error.key, **error.params)


def next_in_plan(column: Any, *where: Any, plan_id: int, session: Session, first: int = 0) -> int:
    """The position or number after the highest ``column`` among the plan's rows that ``where``
    selects (``first`` when there is none).

    The plan's row is locked first (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's write
    transaction holds the file already), so two people adding to one plan at the same moment are
    served one after the other and never get the same number: the database keeps the guarantee,
    not the reading of a maximum that another transaction is about to make stale.
    """
    lock_plan(plan_id, session=session)
    highest = session.execute(select(func.max(column)).where(*where)).scalar()
    return first if highest is None else max(highest + 1, first)


def lock_plan(plan_id: int, *, session: Session) -> None:
    """Hold the plan's row until the transaction ends, for writes that number the plan's rows."""
    from models.plan import Plan

    session.execute(select(Plan.id).where(Plan.id == plan_id).with_for_update())


def shift_within(changes: ChangeSet, siblings: Sequence[object], row_id: int, step: int) -> bool:
    """Move the row ``row_id`` ``step`` places among ``siblings`` (already in order).

    Positions are renumbered 0, 1, 2, ... so that rows which shared a position get distinct ones;
    only rows whose position really changes are written. Returns False at either end.
    """
    order = list(siblings)
    index = next((i for i, s in enumerate(order) if s.id == row_id), None)
    if index is None:
        return False
    target = index + step
    if not 0 <= target < len(order):
        return False
    order.insert(target, order.pop(index))
    for position, sibling in enumerate(order):
        if sibling.position != position:
            changes.update(sibling, {"position": position})
    return True


def check_version(row: object, expected_version: int | None, what_key: str) -> None:
    """Raise ``ConflictError`` when the row changed since the caller read it."""
    if expected_version is not None and getattr(row, "version", None) != expected_version:
        from i18n import t

        raise ConflictError(what=t(what_key))


def shift_in_plan(session: Session, row: Any, step: int) -> bool:
    """Move a unit or area ``step`` places in its plan's order. False at either end."""
    model = type(row)
    siblings = (
        session.execute(select(model).where(model.plan_id == row.plan_id).order_by(model.position, model.id))
        .scalars()
        .all()
    )
    return shift_within(ChangeSet(session, plan_id=row.plan_id), siblings, row.id, step)
