"""A follow-up entry: finding the round by name, and setting an activity's status and comment.

What ``hrplan tick`` and a key press in the checklist need, kept apart from the rest of the rounds'
queries so that a tick imports no more than the tables it writes (``db.queries.rounds`` offers all of
it too): the activity's table only when an entry is inserted, whose foreign key names it. Setting a
status or a comment is one ``ChangeSet.update`` of the entry (which also marks it reviewed): one
transaction, one undo step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.changes import ChangeSet
from db.errors import BadStatusError, InvalidInputError, NoOpenRoundError, NotFoundError, RoundClosedError
from db.queries.plain import fetch_all
from models.followup import FollowUpEntry, FollowUpRound
from models.limits import TEXT_MAX
from models.status import STATUS_CODES, Status
from models.validation import Invalid, clean_text

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass(frozen=True, slots=True)
class RoundRef:
    """A round without its counts: what finding a round by name needs."""

    id: int
    plan_id: int
    name: str
    date: dt.date
    closed: bool


@dataclass(frozen=True, slots=True)
class EntryState:
    """An entry as stored after a change (or an undo)."""

    round_id: int
    activity_id: int
    status: str
    comment: str
    reviewed: bool
    version: int = 0


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _invalid(field_key: str, exc: Invalid) -> InvalidInputError:
    from i18n import t

    return InvalidInputError(field=t(field_key), reason=t(exc.key, **exc.params))


def _no_round(name: object) -> NotFoundError:
    from i18n import t

    return NotFoundError(what=t("what.round"), name=str(name))


def find_round(plan_id: int, name: str | None, *, session: Session) -> RoundRef:
    """A round by name (case-insensitive); without a name, the latest open round.

    Reads the plan's rounds only, not their entries: a tick costs the same in a plan of any size.
    """
    rounds = [
        RoundRef(id=r[0], plan_id=r[1], name=r[2], date=_as_date(r[3]), closed=bool(r[4]))
        for r in fetch_all(
            session,
            "SELECT id, plan_id, name, date, closed FROM followup_round WHERE plan_id = ? "
            "ORDER BY date DESC, id DESC",
            (plan_id,),
        )
    ]
    if name is None:
        found = next((r for r in rounds if not r.closed), None)
        if found is None:
            raise NoOpenRoundError()
        return found
    found = next((r for r in rounds if r.name.casefold() == name.strip().casefold()), None)
    if found is None:
        raise _no_round(name)
    return found


def _round_ref(round_id: int, *, session: Session) -> RoundRef:
    rows = fetch_all(session, "SELECT id, plan_id, name, date, closed FROM followup_round WHERE id = ?",
                     (round_id,))  # fmt: skip
    if not rows:
        raise _no_round(round_id)
    r = rows[0]
    return RoundRef(id=r[0], plan_id=r[1], name=r[2], date=_as_date(r[3]), closed=bool(r[4]))


def check_status(value: str) -> Status:
    """A status from its code, or a clear error listing the valid codes."""
    try:
        return Status(str(value).strip().lower())
    except ValueError:
        raise BadStatusError(value=value, codes=", ".join(STATUS_CODES)) from None


def entry_values(status: str | None, comment: str | None) -> dict[str, object]:
    """The checked values a tick stores: the status, the comment cleaned, the entry marked reviewed."""
    values: dict[str, object] = {"reviewed": True}
    if status is not None:
        values["status"] = check_status(status)
    if comment is not None:
        try:
            values["comment"] = clean_text(comment, limit=TEXT_MAX)
        except Invalid as exc:
            raise _invalid("field.comment", exc) from None
    return values


def update_entry(
    round_id: int,
    activity_id: int,
    *,
    session: Session,
    status: str | None = None,
    comment: str | None = None,
    expected_comment: str | None = None,
) -> EntryState:
    """Set the status and/or comment of an activity in a round, marking it reviewed.

    One ``ChangeSet.update`` of the entry: one transaction, one undo step. An activity added after
    the round started has no entry yet; it gets one (one insert) with the values given.

    ``expected_comment``: the comment the edit started from. When the stored comment is another one
    (somebody else saved theirs meanwhile) nothing is written: ``ConflictError`` with ``current``,
    the entry as stored. A status alone is last writer wins.
    """
    from sqlalchemy import column, select, table

    # The entry with its round and its activity's plan in one statement (one round trip to a
    # server instead of three); the separate reads only for an activity without an entry yet. The
    # activity is named as a bare table: a tick imports the activity's model only to insert.
    activity = table("activity", column("id"), column("plan_id"))
    found = session.execute(
        select(FollowUpEntry, FollowUpRound.plan_id, FollowUpRound.name, FollowUpRound.date,
               FollowUpRound.closed, activity.c.plan_id)
        .join(FollowUpRound, FollowUpRound.id == FollowUpEntry.round_id)
        .join(activity, activity.c.id == FollowUpEntry.activity_id)
        .where(FollowUpEntry.round_id == round_id, FollowUpEntry.activity_id == activity_id)
        .with_for_update(of=FollowUpEntry)  # another writer's tick waits for this one instead of clashing
        .execution_options(populate_existing=True)
    ).first()  # fmt: skip
    if found is not None:
        entry, plan_id, name, day, closed, owner_plan = found
        followup = RoundRef(id=round_id, plan_id=plan_id, name=name, date=_as_date(day), closed=bool(closed))
        owner = [(owner_plan,)]
    else:
        entry = None
        followup = _round_ref(round_id, session=session)
        owner = fetch_all(session, "SELECT plan_id FROM activity WHERE id = ?", (activity_id,))
    if followup.closed:
        raise RoundClosedError(name=followup.name)
    if not owner or owner[0][0] != followup.plan_id:
        from i18n import t

        raise NotFoundError(what=t("what.activity"), name=str(activity_id))
    values = entry_values(status, comment)
    if expected_comment is not None and comment is not None:
        stored_comment = entry.comment if entry is not None else ""
        if stored_comment != expected_comment and stored_comment != values["comment"]:
            from db.changes import row_snapshot
            from db.errors import ConflictError, what_of

            error = ConflictError(what=what_of(FollowUpEntry.__tablename__))
            error.current = row_snapshot(FollowUpEntry.__table__, entry) if entry is not None else {}
            raise error
    changes = ChangeSet(session, plan_id=followup.plan_id)
    if entry is None:
        entry = changes.insert(_first_entry(followup, activity_id, values, session=session))
    else:
        changes.update(entry, values)
    return _state(entry)


def _first_entry(followup: RoundRef, activity_id: int, values: dict, *, session: Session) -> FollowUpEntry:
    """The entry of an activity added after the round started: its status carried from the rounds
    before unless one is given."""
    import models.activity  # noqa: F401  (inserting an entry needs the table its foreign key names)
    from db.queries.status import statuses_as_of

    if "status" not in values:
        carried = statuses_as_of(followup.plan_id, followup.date, followup.id, session=session)
        values = {**values, "status": carried.get(activity_id) or Status.NOT_STARTED}
    return FollowUpEntry(round_id=followup.id, activity_id=activity_id, **values)


@dataclass(frozen=True, slots=True)
class Tick:
    """One tick of many: an activity's new status and (when given) comment; ``line`` for messages."""

    activity_id: int
    status: str
    comment: str | None = None
    line: int = 0


CHUNK = 500  # ids per IN (...) list, well below every database's limit on parameters


def update_entries(round_id: int, ticks: list[Tick], *, session: Session) -> int:
    """Many ticks in one round as ONE change (one undo step), each checked as ``update_entry`` checks
    it; a mistake on any line raises ``LineError`` and the caller's transaction saves nothing.

    The round is checked once, the activities and their entries read in chunks, and the changed
    entries written with one flush: a thousand ticks cost a few statements, not a thousand round trips.
    Returns the number of ticks applied.
    """
    from sqlalchemy import select

    from db.errors import HrplanError, LineError

    followup = _round_ref(round_id, session=session)
    if followup.closed:
        raise RoundClosedError(name=followup.name)
    checked = []
    for tick in ticks:
        try:
            checked.append((tick, entry_values(tick.status, tick.comment)))
        except HrplanError as exc:
            raise LineError(tick.line, exc) from None
    ids = sorted({tick.activity_id for tick in ticks})
    owned: set[int] = set()
    entries: dict[int, FollowUpEntry] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT id FROM activity WHERE plan_id = ? AND id IN ({marks})"
        owned.update(r[0] for r in fetch_all(session, sql, (followup.plan_id, *chunk)))
        found = session.execute(
            select(FollowUpEntry)
            .where(FollowUpEntry.round_id == round_id, FollowUpEntry.activity_id.in_(chunk))
            .with_for_update()  # as one tick: another writer's ticks wait for these
            .execution_options(populate_existing=True)
        ).scalars()
        entries.update((entry.activity_id, entry) for entry in found)
    changes = ChangeSet(session, plan_id=followup.plan_id, defer_log=True)  # one statement for the log
    for tick, values in checked:
        if tick.activity_id not in owned:
            from i18n import t

            raise LineError(tick.line, NotFoundError(what=t("what.activity"), name=str(tick.activity_id)))
        entry = entries.get(tick.activity_id)
        if entry is None:  # added after the round started: its first entry, as update_entry makes it
            entries[tick.activity_id] = changes.insert(
                _first_entry(followup, tick.activity_id, values, session=session)
            )
        else:
            changes.update(entry, values)
    changes.write_log()
    session.flush()
    return len(checked)


def _state(entry: FollowUpEntry) -> EntryState:
    return EntryState(
        round_id=entry.round_id,
        activity_id=entry.activity_id,
        status=str(entry.status),
        comment=entry.comment,
        reviewed=entry.reviewed,
        version=entry.version or 0,
    )


def set_entry_status(round_id: int, activity_id: int, status: str, *, session: Session) -> EntryState:
    return update_entry(round_id, activity_id, session=session, status=status)


def set_entry_comment(round_id: int, activity_id: int, comment: str, *, session: Session) -> EntryState:
    return update_entry(round_id, activity_id, session=session, comment=comment)


def entry_state(round_id: int, activity_id: int, *, session: Session) -> EntryState | None:
    from sqlalchemy import select

    entry = session.execute(
        select(FollowUpEntry).where(
            FollowUpEntry.round_id == round_id, FollowUpEntry.activity_id == activity_id
        )
    ).scalar_one_or_none()
    return _state(entry) if entry is not None else None
