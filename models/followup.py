"""Follow-up rounds (uppföljningstillfällen) and the status of each activity in a round."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import max_len, now, one_of
from models.limits import SHORT_MAX, TEXT_MAX
from models.status import STATUS_CODES, Status


class FollowUpRoundBase(SQLModel):
    name: str = Field(min_length=1, max_length=SHORT_MAX)  # "T2 2024", "HT 2024"
    date: dt.date
    notes: str = Field(default="", max_length=TEXT_MAX)
    closed: bool = False


class FollowUpRound(FollowUpRoundBase, table=True):
    __tablename__ = "followup_round"
    __table_args__ = (
        UniqueConstraint("plan_id", "name", name="uq_round_plan_name"),
        max_len("name", SHORT_MAX),
        CheckConstraint("length(trim(name)) > 0", name="ck_name_nonempty"),
        max_len("notes", TEXT_MAX),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", ondelete="CASCADE", index=True)
    created_at: dt.datetime = Field(default_factory=now)
    version: int = Field(default=1)


class FollowUpRoundCreate(FollowUpRoundBase):
    plan_id: int


class FollowUpRoundUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=1, max_length=SHORT_MAX)
    date: dt.date | None = None
    notes: str | None = Field(default=None, max_length=TEXT_MAX)
    closed: bool | None = None


class FollowUpEntryBase(SQLModel):
    status: Status = Field(default=Status.NOT_STARTED, sa_type=String(20))
    comment: str = Field(default="", max_length=TEXT_MAX)
    # Looked at in this round: set by any status or comment change during the round, so that the
    # checklist can jump to what has not been gone through yet.
    reviewed: bool = False


class FollowUpEntry(FollowUpEntryBase, table=True):
    __tablename__ = "followup_entry"
    __table_args__ = (
        UniqueConstraint("round_id", "activity_id", name="uq_entry_round_activity"),
        # A round's entries counted per status from the index alone (the plans list, the header).
        Index("ix_followup_entry_round_status", "round_id", "status"),
        one_of("status", STATUS_CODES),
        max_len("comment", TEXT_MAX),
    )

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="followup_round.id", ondelete="CASCADE", index=True)
    activity_id: int = Field(foreign_key="activity.id", ondelete="CASCADE", index=True)
    updated_at: dt.datetime = Field(default_factory=now)
    version: int = Field(default=1)


class FollowUpEntryCreate(FollowUpEntryBase):
    round_id: int
    activity_id: int


class FollowUpEntryUpdate(SQLModel):
    status: Status | None = None
    comment: str | None = Field(default=None, max_length=TEXT_MAX)
