"""The change log: every change as entity, id, field, old and new value.

Changes made together (one save of the editor, one delete with what goes with it) share a batch;
undo reverts the latest batch that is not yet undone. Inserts and deletes are logged with the field
``*`` and a JSON snapshot of the whole row, so that a deleted row can be put back.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.base import now

WHOLE_ROW = "*"


class ChangeLog(SQLModel, table=True):
    __tablename__ = "change_log"

    id: int | None = Field(default=None, primary_key=True)
    batch: int = Field(index=True)
    plan_id: int | None = Field(default=None, index=True)  # no foreign key: outlives its plan
    entity: str = Field(max_length=40)
    entity_id: int
    field: str = Field(max_length=40)
    old_value: str | None = None  # JSON
    new_value: str | None = None  # JSON
    at: datetime = Field(default_factory=now)
    undone: bool = False
