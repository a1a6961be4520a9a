"""The change log: every change as entity, id, field, old and new value.

Changes made together (one save of the editor, one delete with what goes with it) share a batch;
undo reverts the latest batch that is not yet undone. Inserts and deletes are logged with the field
``*`` and a JSON snapshot of the whole row, so that a deleted row can be put back.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from models.base import now

WHOLE_ROW = "*"


ACTOR_MAX = 100


class ChangeBatch(SQLModel, table=True):
    """One undo step. Its id, given by the database, is the ``batch`` of the change log's entries:
    two writers at once (two processes, two coordinators on one server) never share one."""

    __tablename__ = "change_batch"

    id: int | None = Field(default=None, primary_key=True)
    actor: str = Field(default="", max_length=ACTOR_MAX)
    at: datetime = Field(default_factory=now)


class ChangeLog(SQLModel, table=True):
    __tablename__ = "change_log"
    # (plan_id, batch): a plan's latest batch is found from the newest end (undo, redo).
    __table_args__ = (
        Index("ix_change_log_entity", "entity", "entity_id"),
        Index("ix_change_log_plan_batch", "plan_id", "batch"),
    )

    id: int | None = Field(default=None, primary_key=True)
    batch: int = Field(index=True)
    plan_id: int | None = Field(default=None)  # no foreign key: outlives its plan
    entity: str = Field(max_length=40)
    entity_id: int
    field: str = Field(max_length=40)
    old_value: str | None = None  # JSON
    new_value: str | None = None  # JSON
    at: datetime = Field(default_factory=now)
    undone: bool = False
    # Who made the change: the database role on a server, else the OS user, or HRPLAN_USER.
    actor: str = Field(default="", max_length=ACTOR_MAX, sa_column_kwargs={"server_default": ""})
