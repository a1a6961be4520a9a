"""Staff key figures (personalnyckeltal): turnover, sick leave, ... per unit and period."""

from __future__ import annotations

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from models.base import max_len
from models.limits import SHORT_MAX

TURNOVER = "personalomsättning"
SICK_LEAVE = "sjukfrånvaro"


class KeyFigureBase(SQLModel):
    name: str = Field(min_length=1, max_length=SHORT_MAX)
    period_label: str = Field(min_length=1, max_length=SHORT_MAX)  # "2023", "2022-10-01 – 2023-09-30"
    count: int | None = Field(default=None, ge=0)
    share: float | None = Field(default=None, ge=0, le=100)  # percent


class KeyFigure(KeyFigureBase, table=True):
    __tablename__ = "key_figure"
    __table_args__ = (
        max_len("name", SHORT_MAX),
        max_len("period_label", SHORT_MAX),
        CheckConstraint("count IS NULL OR count >= 0", name="ck_count_nonnegative"),
        CheckConstraint("share IS NULL OR (share >= 0 AND share <= 100)", name="ck_share_percent"),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="CASCADE", index=True)
    position: int = Field(default=0)


class KeyFigureCreate(KeyFigureBase):
    plan_id: int
    unit_id: int | None = None


class KeyFigureUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=1, max_length=SHORT_MAX)
    period_label: str | None = Field(default=None, min_length=1, max_length=SHORT_MAX)
    count: int | None = None
    share: float | None = None
