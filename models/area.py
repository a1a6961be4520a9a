"""An area (Område) of a plan: the UBARA areas or the plan's own."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import max_len
from models.limits import NAME_MAX

# The UBARA areas, in the order a new plan gets them.
UBARA_AREAS: tuple[str, ...] = (
    "Utveckla",
    "Behålla",
    "Attrahera",
    "Rekrytera",
    "Introducera",
    "Avsluta/Avveckla",
    "Övrigt",
)


class AreaBase(SQLModel):
    name: str = Field(min_length=1, max_length=NAME_MAX)


class Area(AreaBase, table=True):
    __tablename__ = "area"
    __table_args__ = (
        UniqueConstraint("plan_id", "name", name="uq_area_plan_name"),
        max_len("name", NAME_MAX),
        CheckConstraint("length(trim(name)) > 0", name="ck_name_nonempty"),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    position: int = Field(default=0)


class AreaCreate(AreaBase):
    plan_id: int


class AreaUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=1, max_length=NAME_MAX)
