"""People who log in to ``hrplan serve``: a name, a role, a password hash, and a manager's units.

Kept apart from the plans: users are managed with ``hrplan user`` only, their rows are not in the change
log (a password hash must not outlive a password change there) and undo never touches them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import max_len, now, one_of
from models.limits import NAME_MAX

USER_NAME_MAX = 60
HASH_MAX = 300
USER_ROLES = ("coordinator", "manager", "viewer")


class User(SQLModel, table=True):
    __tablename__ = "app_user"
    __table_args__ = (
        UniqueConstraint("name", name="uq_user_name"),
        max_len("name", USER_NAME_MAX),
        CheckConstraint("length(trim(name)) > 0", name="ck_name_nonempty"),
        one_of("role", USER_ROLES),
        max_len("password_hash", HASH_MAX),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=USER_NAME_MAX)
    role: str = Field(max_length=20)
    password_hash: str = Field(max_length=HASH_MAX)
    created_at: dt.datetime = Field(default_factory=now)
    version: int = Field(default=1)


class UserUnit(SQLModel, table=True):
    """A unit a manager answers for, by the unit's name: the same name in every plan that holds it."""

    __tablename__ = "app_user_unit"
    __table_args__ = (
        UniqueConstraint("user_id", "unit_name", name="uq_user_unit"),
        max_len("unit_name", NAME_MAX),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", ondelete="CASCADE", index=True)
    unit_name: str = Field(max_length=NAME_MAX)
