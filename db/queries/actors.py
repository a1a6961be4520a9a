"""Who made a change: the actor the change log records for each follow-up entry."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from models.changelog import WHOLE_ROW, ChangeLog
from models.followup import FollowUpEntry

CHUNK = 500


def entry_actors(
    round_ids: list[int], *, session: Session, activity_id: int | None = None
) -> dict[tuple[int, int], str]:
    """(round id, activity id) → who last set the status or comment of that entry (not undone).

    Entries nobody has touched since the round started (their status carried over) are left out.
    With ``activity_id``, only that activity's entries: the change log is then read for those
    entries alone, not for every change made in those rounds, which an activity's history (read on
    every cursor move in the checklist) would otherwise pay for.
    """
    log = ChangeLog.__table__.c
    entry = FollowUpEntry.__table__.c
    found: dict[tuple[int, int], str] = {}
    for start in range(0, len(round_ids), CHUNK):
        # The entries asked about, as a list the change log is looked up by (its index on entity and
        # entity_id): a plain join lets SQLite, without statistics, read every entry change first.
        entries = select(entry.id).where(
            entry.round_id.in_(round_ids[start : start + CHUNK]),
            *([] if activity_id is None else [entry.activity_id == activity_id]),
        )
        query = (
            select(entry.round_id, entry.activity_id, log.actor)
            .select_from(ChangeLog.__table__.join(FollowUpEntry.__table__, entry.id == log.entity_id))
            .where(
                log.entity == "followup_entry",
                log.entity_id.in_(entries),
                log.field != WHOLE_ROW,
                log.undone == False,  # noqa: E712
                log.actor != "",
            )
            .order_by(log.id)
        )
        for round_id, activity_id, actor in session.execute(query):
            found[(round_id, activity_id)] = actor
    return found
