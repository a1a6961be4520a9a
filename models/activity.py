"""An activity of a plan, in the template's columns."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from models.base import max_len, now
from models.limits import NAME_MAX, SHORT_MAX, TEXT_MAX


class ActivityBase(SQLModel):
    number: int | None = Field(default=None, ge=0)
    goal: str = Field(default="", max_length=TEXT_MAX)  # Vad ska vi uppnå?
    description: str = Field(default="", max_length=TEXT_MAX)  # Aktivitet – Hur gör vi det?
    target_text: str = Field(default="", max_length=SHORT_MAX)  # Måldatum, as written
    target_date: date | None = None  # read from target_text where it can be
    ongoing: bool = False  # "Löpande"
    responsible: str = Field(default="", max_length=NAME_MAX)  # Ansvarig (funktion)
    resources: str = Field(default="", max_length=TEXT_MAX)
    follow_up: str = Field(default="", max_length=TEXT_MAX)  # Uppföljning/Kommentar


class Activity(ActivityBase, table=True):
    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint(
            "length(trim(goal)) > 0 OR length(trim(description)) > 0", name="ck_goal_or_description"
        ),
        max_len("goal", TEXT_MAX),
        max_len("description", TEXT_MAX),
        max_len("target_text", SHORT_MAX),
        max_len("responsible", NAME_MAX),
        max_len("resources", TEXT_MAX),
        max_len("follow_up", TEXT_MAX),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", ondelete="CASCADE", index=True)
    area_id: int = Field(foreign_key="area.id", ondelete="RESTRICT", index=True)
    position: int = Field(default=0)
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)
    version: int = Field(default=1)


class ActivityCreate(ActivityBase):
    plan_id: int
    unit_id: int | None = None
    area_id: int


class ActivityUpdate(SQLModel):
    unit_id: int | None = None
    area_id: int | None = None
    number: int | None = None
    goal: str | None = Field(default=None, max_length=TEXT_MAX)
    description: str | None = Field(default=None, max_length=TEXT_MAX)
    target_text: str | None = Field(default=None, max_length=SHORT_MAX)
    responsible: str | None = Field(default=None, max_length=NAME_MAX)
    resources: str | None = Field(default=None, max_length=TEXT_MAX)
    follow_up: str | None = Field(default=None, max_length=TEXT_MAX)
