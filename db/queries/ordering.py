"""Shared pieces of the editing queries: moving a row within its siblings, refusing bad input."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
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
