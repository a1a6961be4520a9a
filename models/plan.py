"""A plan: a kompetensförsörjningsplan or a personalstrategi med handlingsplan."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, String
from sqlmodel import Field, SQLModel

from models.base import max_len, now, one_of
from models.limits import NAME_MAX, SHORT_MAX, TEXT_MAX


class PlanKind(StrEnum):
    COMPETENCE = "competence_supply"  # kompetensförsörjningsplan
    STRATEGY = "personnel_strategy"  # personalstrategi med handlingsplan
    OTHER = "other"


class Cadence(StrEnum):
    TERTIAL = "tertial"
    HALF_YEAR = "half_year"
    QUARTER = "quarter"
    YEAR = "year"


class PlanStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


class PlanBase(SQLModel):
    title: str = Field(min_length=1, max_length=NAME_MAX)
    kind: PlanKind = Field(default=PlanKind.COMPETENCE, sa_type=String(40))
    organisation: str = Field(default="", max_length=NAME_MAX)
    period_start: int = Field(ge=1900, le=2200)
    period_end: int = Field(ge=1900, le=2200)
    decision_body: str = Field(default="", max_length=NAME_MAX)
    decision_date: date | None = None
    decision_paragraph: str = Field(default="", max_length=SHORT_MAX)
    diary_number: str = Field(default="", max_length=SHORT_MAX)
    cadence: Cadence = Field(default=Cadence.TERTIAL, sa_type=String(20))
    status: PlanStatus = Field(default=PlanStatus.ACTIVE, sa_type=String(20))
    notes: str = Field(default="", max_length=TEXT_MAX)


class Plan(PlanBase, table=True):
    __tablename__ = "plan"
    __table_args__ = (
        max_len("title", NAME_MAX),
        CheckConstraint("length(trim(title)) > 0", name="ck_title_nonempty"),
        max_len("organisation", NAME_MAX),
        max_len("decision_body", NAME_MAX),
        max_len("decision_paragraph", SHORT_MAX),
        max_len("diary_number", SHORT_MAX),
        max_len("notes", TEXT_MAX),
        one_of("kind", tuple(PlanKind)),
        one_of("cadence", tuple(Cadence)),
        one_of("status", tuple(PlanStatus)),
        CheckConstraint("period_start <= period_end", name="ck_period_order"),
    )

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)
    version: int = Field(default=1)


class PlanCreate(PlanBase):
    pass


class PlanUpdate(SQLModel):
    title: str | None = Field(default=None, min_length=1, max_length=NAME_MAX)
    kind: PlanKind | None = None
    organisation: str | None = Field(default=None, max_length=NAME_MAX)
    period_start: int | None = Field(default=None, ge=1900, le=2200)
    period_end: int | None = Field(default=None, ge=1900, le=2200)
    decision_body: str | None = Field(default=None, max_length=NAME_MAX)
    decision_date: date | None = None
    decision_paragraph: str | None = Field(default=None, max_length=SHORT_MAX)
    diary_number: str | None = Field(default=None, max_length=SHORT_MAX)
    cadence: Cadence | None = None
    status: PlanStatus | None = None
    notes: str | None = Field(default=None, max_length=TEXT_MAX)
