"""A unit (Avdelning/Enhet) of a plan, with its responsible manager; its narrative (the risk analysis
among it) lives in ``models.section``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import max_len
from models.limits import NAME_MAX


class UnitBase(SQLModel):
    name: str = Field(min_length=1, max_length=NAME_MAX)
    manager: str = Field(default="", max_length=NAME_MAX)
    date: dt.date | None = None


class Unit(UnitBase, table=True):
    __tablename__ = "unit"
    __table_args__ = (
        UniqueConstraint("plan_id", "name", name="uq_unit_plan_name"),
        max_len("name", NAME_MAX),
        CheckConstraint("length(trim(name)) > 0", name="ck_name_nonempty"),
        max_len("manager", NAME_MAX),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    position: int = Field(default=0)
    version: int = Field(default=1)


class UnitCreate(UnitBase):
    plan_id: int


class UnitUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=1, max_length=NAME_MAX)
    manager: str | None = Field(default=None, max_length=NAME_MAX)
    date: dt.date | None = None
