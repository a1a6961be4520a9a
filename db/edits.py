"""One edit of one row, safe when two instances (two terminals, the app and a script) share a file.

Editors and command-line writers read a row, let the user change it, and save later. Saving calls
``update_row`` inside ``database.write()``: the write transaction begins with ``BEGIN IMMEDIATE``, so
no other instance can write between the fresh read here and the update. When the row's version is
no longer the one the editor read, nothing is written and ``ConflictError`` says so, carrying the
row as it is now so that the editor can show the newer data.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, SQLModel

import models.tables  # noqa: F401  (every table known, so that foreign keys resolve in a lone script)
from db.changes import ChangeSet, row_snapshot
from db.errors import ConflictError, NotFoundError, what_of


def update_row(
    session: Session,
    model: type[SQLModel],
    row_id: int,
    values: dict[str, Any],
    *,
    expected_version: int | None,
    plan_id: int | None,
    changes: ChangeSet | None = None,
) -> dict[str, tuple[Any, Any]]:
    """Compare-and-set: apply ``values`` to the row when its version is ``expected_version``.

    Returns the fields that changed. ``expected_version=None`` means "whatever is there now" (a
    script that sets a status without having shown it). Pass ``changes`` to make several rows one
    undo step.
    """
    table = model.__table__
    # FOR UPDATE: on a server the row stays locked until this transaction ends (SQLite holds its
    # write lock already).
    obj = session.get(model, row_id, populate_existing=True, with_for_update=True)
    if obj is None:
        raise NotFoundError("error.deleted_meanwhile", what=what_of(table.name))
    if expected_version is not None and obj.version != expected_version:
        error = ConflictError(what=what_of(table.name))
        error.current = row_snapshot(table, obj)
        raise error
    changes = changes or ChangeSet(session, plan_id=plan_id)
    return changes.update(obj, values, expected_version=expected_version)
