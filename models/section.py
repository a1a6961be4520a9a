"""Sections of narrative text: on the plan (introduction, common challenges, conclusion, free ones) and
on each unit (Uppgifter, Uppföljning, Analys, Framtida kompetensbehov, Riskanalys, free ones).

A section's ``title`` is empty while it keeps its kind's name (shown in the reader's language); a
renamed or free section stores its own. Sections are optional: a kind that has no row is simply not
written yet. ``position`` orders the sections of one owner (the plan, or one unit).
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from models.base import max_len, one_of
from models.limits import NAME_MAX, SECTION_MAX


class SectionKind(StrEnum):
    INTRODUCTION = "introduction"
    CHALLENGES = "challenges"
    CONCLUSION = "conclusion"
    TASKS = "tasks"  # Uppgifter
    FOLLOW_UP = "follow_up"  # Uppföljning av genomförda aktiviteter och dess resultat
    ANALYSIS = "analysis"  # Analys
    FUTURE = "future_needs"  # Framtida kompetensbehov och strategisk inriktning
    RISKS = "risks"  # Riskanalys
    FREE = "free"  # a section of the user's own, with its own title


# The standard sections of the plan and of a unit, in the order a new one takes its place.
PLAN_KINDS: tuple[SectionKind, ...] = (
    SectionKind.INTRODUCTION,
    SectionKind.CHALLENGES,
    SectionKind.CONCLUSION,
)
UNIT_KINDS: tuple[SectionKind, ...] = (
    SectionKind.TASKS,
    SectionKind.FOLLOW_UP,
    SectionKind.ANALYSIS,
    SectionKind.FUTURE,
    SectionKind.RISKS,
)


def kind_rank(kind: str, *, for_unit: bool) -> int:
    """Where a standard kind goes among its owner's sections; free sections go last."""
    kinds = UNIT_KINDS if for_unit else PLAN_KINDS
    return kinds.index(kind) if kind in kinds else len(kinds)


class SectionBase(SQLModel):
    kind: SectionKind = Field(default=SectionKind.FREE, sa_type=String(20))
    title: str = Field(default="", max_length=NAME_MAX)
    body: str = Field(default="", max_length=SECTION_MAX)


class Section(SectionBase, table=True):
    __tablename__ = "section"
    __table_args__ = (
        max_len("title", NAME_MAX),
        max_len("body", SECTION_MAX),
        one_of("kind", tuple(SectionKind)),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="CASCADE", index=True)
    position: int = Field(default=0)
    version: int = Field(default=1)


class SectionCreate(SectionBase):
    plan_id: int
    unit_id: int | None = None


class SectionUpdate(SQLModel):
    title: str | None = Field(default=None, max_length=NAME_MAX)
    body: str | None = Field(default=None, max_length=SECTION_MAX)
