"""Follow-up rounds: starting, listing, closing, ticking entries, comparing and history.

A round's entries start from each activity's status in the round before it (by date), not yet
reviewed. Setting a status or a comment is one ``ChangeSet.update`` of the entry (which also marks it
reviewed): one transaction, one undo step, nothing to save at the end of a meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlmodel import Session

from db.access import check_plan_readable, visible_units
from db.changes import ChangeSet
from db.errors import (
    InvalidInputError,
    NotFoundError,
)
from db.queries.entries import (  # noqa: F401  (the entry functions are part of this module's interface)
    EntryState,
    RoundRef,
    _as_date,
    _invalid,
    check_status,
    entry_state,
    find_round,
    set_entry_comment,
    set_entry_status,
    update_entry,
)
from db.queries.plain import fetch_all, fetch_iter
from db.queries.status import as_of_params, status_sql, statuses_as_of
from models.activity import Activity
from models.activity_filter import WHOLE_PLAN
from models.base import now
from models.followup import FollowUpEntry, FollowUpRound
from models.meeting import Entry, Item
from models.plan import Plan
from models.rounds import check_round_name, propose_round_name, unique_round_name
from models.status import Status
from models.validation import Invalid


@dataclass(frozen=True, slots=True)
class RoundSummary:
    id: int
    plan_id: int
    name: str
    date: dt.date
    closed: bool
    notes: str
    entries: int
    done: int
    reviewed: int


@dataclass(frozen=True, slots=True)
class RoundProposal:
    """What the new-round dialog starts from: a free name for today's period, and the taken names."""

    plan_id: int
    plan_title: str
    name: str
    date: dt.date
    taken: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    activity_id: int
    number: int | None
    unit_id: int | None
    unit: str | None  # None: the plan as a whole
    area: str
    goal: str
    description: str
    target_text: str
    target_date: dt.date | None
    ongoing: bool
    responsible: str
    status: str
    comment: str
    previous_status: str | None
    previous_comment: str
    reviewed: bool
    resources: str = ""
    version: int = 0  # the entry's version; 0 without an entry


@dataclass(frozen=True, slots=True)
class StatusCount:
    """How many entries of a unit (None: the plan as a whole) have a status and a review mark."""

    unit_id: int | None
    unit: str | None
    status: str
    reviewed: bool
    count: int


@dataclass(frozen=True, slots=True)
class Checklist:
    plan_id: int
    plan_title: str
    round: RoundSummary
    previous_round: str | None
    rows: tuple[ChecklistRow, ...]


@dataclass(frozen=True, slots=True)
class StatusChange:
    activity_id: int
    unit: str | None
    goal: str
    before: str | None  # None: the activity had no entry in the older round
    after: str
    by: str = ""  # who set the newer status ("" when it was carried over untouched)


@dataclass(frozen=True, slots=True)
class NewComment:
    activity_id: int
    unit: str | None
    goal: str
    comment: str


@dataclass(frozen=True, slots=True)
class RoundComparison:
    older: RoundSummary
    newer: RoundSummary
    status_changes: tuple[StatusChange, ...]
    new_comments: tuple[NewComment, ...]


@dataclass(frozen=True, slots=True)
class HistoryItem:
    round_id: int
    round_name: str
    date: dt.date
    closed: bool
    status: str
    comment: str
    reviewed: bool
    by: str = ""  # who last set the status or comment in this round


@dataclass(frozen=True, slots=True)
class ActivityHistory:
    activity_id: int
    plan_id: int
    unit: str | None
    area: str
    goal: str
    description: str
    items: tuple[HistoryItem, ...]  # newest first


# ---- rounds ----------------------------------------------------------------------------------


def _summaries(plan_id: int, *, session: Session, round_id: int | None = None) -> list[RoundSummary]:
    sql = """
        SELECT r.id, r.plan_id, r.name, r.date, r.closed, r.notes, count(e.id),
               coalesce(sum(CASE WHEN e.status = 'done' THEN 1 ELSE 0 END), 0),
               coalesce(sum(CASE WHEN e.reviewed THEN 1 ELSE 0 END), 0)
        FROM followup_round r LEFT JOIN followup_entry e ON e.round_id = r.id
        WHERE r.plan_id = :plan {extra}
        GROUP BY r.id, r.plan_id, r.name, r.date, r.closed, r.notes ORDER BY r.date DESC, r.id DESC
    """.format(extra="AND r.id = :round" if round_id is not None else "")
    rows = session.execute(text(sql), {"plan": plan_id, "round": round_id})
    return [
        RoundSummary(
            id=r[0], plan_id=r[1], name=r[2], date=_as_date(r[3]), closed=bool(r[4]), notes=r[5],
            entries=r[6], done=int(r[7]), reviewed=int(r[8]),
        )  # fmt: skip
        for r in rows
    ]


def list_rounds(plan_id: int, *, session: Session) -> list[RoundSummary]:
    """The plan's rounds, newest first (by date, then by creation)."""
    return _summaries(plan_id, session=session)


def get_round(round_id: int, *, session: Session) -> RoundSummary:
    row = session.get(FollowUpRound, round_id)
    if row is None:
        from i18n import t

        raise NotFoundError(what=t("what.round"), name=str(round_id))
    return _summaries(row.plan_id, session=session, round_id=round_id)[0]


def latest_open_round(plan_id: int, *, session: Session) -> RoundSummary | None:
    """The plan's newest round that is not closed (in ``list_rounds``' order), counted alone: the
    other rounds' entries are not read (a plan of 50,000 activities and 12 rounds: 140 ms to 12)."""
    latest = session.execute(
        select(FollowUpRound.id)
        .where(FollowUpRound.plan_id == plan_id, FollowUpRound.closed == False)  # noqa: E712
        .order_by(FollowUpRound.date.desc(), FollowUpRound.id.desc())
        .limit(1)
    ).scalar()
    return None if latest is None else _summaries(plan_id, session=session, round_id=latest)[0]


def propose_round(plan_id: int, *, session: Session, today: dt.date) -> RoundProposal:
    plan = _plan(plan_id, session=session)
    taken = tuple(
        session.execute(select(FollowUpRound.name).where(FollowUpRound.plan_id == plan_id)).scalars()
    )
    name = unique_round_name(propose_round_name(str(plan.cadence), today), taken)
    return RoundProposal(plan_id=plan_id, plan_title=plan.title, name=name, date=today, taken=taken)


def _plan(plan_id: int, *, session: Session) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        from i18n import t

        raise NotFoundError(what=t("what.plan"), name=str(plan_id))
    return plan


def start_round(plan_id: int, *, session: Session, name: str, day: dt.date, notes: str = "") -> RoundSummary:
    """A new round with an entry per activity, carrying each activity's status forward. One change."""
    _plan(plan_id, session=session)
    taken = session.execute(select(FollowUpRound.name).where(FollowUpRound.plan_id == plan_id)).scalars()
    try:
        clean_name = check_round_name(name, list(taken))
    except Invalid as exc:
        raise _invalid("field.round_name", exc) from None
    changes = ChangeSet(session, plan_id=plan_id)
    followup = changes.insert(FollowUpRound(plan_id=plan_id, name=clean_name, date=day, notes=notes))
    # As of the new round, which has no entries yet: the status in the latest round before it.
    carried = statuses_as_of(plan_id, day, followup.id, session=session)
    activity_ids = session.execute(select(Activity.id).where(Activity.plan_id == plan_id)).scalars().all()
    stamp = now()
    # One bulk insert (entries and their log entries): a round of 5,000 activities starts at once.
    changes.insert_rows(
        FollowUpEntry.__table__,
        [
            {"round_id": followup.id, "activity_id": activity_id, "comment": "", "reviewed": False,
             "status": str(carried.get(activity_id, Status.NOT_STARTED.value)), "updated_at": stamp,
             "version": 1}
            for activity_id in activity_ids
        ],
    )  # fmt: skip
    return get_round(followup.id, session=session)


def set_round_closed(round_id: int, closed: bool, *, session: Session) -> RoundSummary:
    """Close a round (read-only from then on) or open it again. One change."""
    followup = session.get(FollowUpRound, round_id)
    if followup is None:
        from i18n import t

        raise NotFoundError(what=t("what.round"), name=str(round_id))
    ChangeSet(session, plan_id=followup.plan_id).update(followup, {"closed": closed})
    return get_round(round_id, session=session)


@dataclass(frozen=True, slots=True)
class RoundContents:
    """What goes with a round when it is deleted."""

    id: int
    plan_id: int
    name: str
    entries: int
    reviewed: int
    comments: int


def round_contents(round_id: int, *, session: Session) -> RoundContents:
    followup = session.get(FollowUpRound, round_id)
    if followup is None:
        from i18n import t

        raise NotFoundError(what=t("what.round"), name=str(round_id))
    row = session.execute(
        text(
            """
            SELECT count(e.id), coalesce(sum(CASE WHEN e.reviewed THEN 1 ELSE 0 END), 0),
                   coalesce(sum(CASE WHEN trim(e.comment) <> '' THEN 1 ELSE 0 END), 0)
            FROM followup_entry e WHERE e.round_id = :round
            """
        ),
        {"round": round_id},
    ).one()
    return RoundContents(id=followup.id, plan_id=followup.plan_id, name=followup.name, entries=row[0],
                         reviewed=int(row[1]), comments=int(row[2]))  # fmt: skip


def delete_round(round_id: int, *, session: Session) -> RoundContents:
    """Delete a round with its entries: one change, undone like any other."""
    import models.tables  # noqa: F401  (every table known: what cascades is found through them)

    contents = round_contents(round_id, session=session)
    followup = session.get(FollowUpRound, round_id)
    ChangeSet(session, plan_id=followup.plan_id).delete(followup)
    return contents


# ---- reading for the screens -----------------------------------------------------------------


def _previous_round(followup: FollowUpRound, *, session: Session) -> FollowUpRound | None:
    """The round before this one: earlier date, or the same date and created before."""
    return session.execute(
        select(FollowUpRound)
        .where(
            FollowUpRound.plan_id == followup.plan_id,
            (FollowUpRound.date < followup.date)
            | ((FollowUpRound.date == followup.date) & (FollowUpRound.id < followup.id)),
        )
        .order_by(FollowUpRound.date.desc(), FollowUpRound.id.desc())
        .limit(1)
    ).scalar_one_or_none()


CHECKLIST_SQL = f"""
SELECT a.id, a.number, a.unit_id, u.name, ar.name, a.goal, a.description, a.target_text,
       a.target_date, a.ongoing, a.responsible,
       {status_sql(as_of=True, entry='e')}, e.comment, e.reviewed, p.status, p.comment, a.resources, e.version
FROM activity a
JOIN area ar ON ar.id = a.area_id
LEFT JOIN unit u ON u.id = a.unit_id
LEFT JOIN followup_entry e ON e.activity_id = a.id AND e.round_id = :as_of_id
LEFT JOIN followup_entry p ON p.activity_id = a.id AND p.round_id = :previous
WHERE a.plan_id = :plan /* units */
ORDER BY CASE WHEN a.unit_id IS NULL THEN -1 ELSE u.position END, u.id, ar.position, ar.id,
         a.position, a.id
"""

# The rows of ``CHECKLIST_SQL`` counted per unit, status (the same rule) and gone-through mark:
# an activity with an entry in the round has that entry's status, so the round's entries are counted
# (read from the index, one lookup for the unit), and only activities without one (added after the
# round started) go through the rule, asked only when there are such.
ENTRY_COUNTS_SQL = """
SELECT a.unit_id, e.status, e.reviewed, count(*)
FROM followup_entry e JOIN activity a ON a.id = e.activity_id
WHERE e.round_id = :as_of_id AND a.plan_id = :plan /* unit ids */
GROUP BY a.unit_id, e.status, e.reviewed
"""
ACTIVITY_COUNT_SQL = "SELECT count(*) FROM activity a WHERE a.plan_id = :plan /* unit ids */"
UNENTERED_COUNTS_SQL = f"""
SELECT c.unit_id, c.status, count(*)
FROM (
    SELECT a.unit_id AS unit_id, {status_sql(as_of=True)} AS status
    FROM activity a
    WHERE a.plan_id = :plan /* unit ids */ AND NOT EXISTS (
        SELECT 1 FROM followup_entry x WHERE x.round_id = :as_of_id AND x.activity_id = a.id
    )
) AS c
GROUP BY c.unit_id, c.status
"""
UNIT_IDS_MARK = "/* unit ids */"


def _round_and_previous(round_id: int, *, session: Session) -> tuple[FollowUpRound, FollowUpRound | None]:
    followup = session.get(FollowUpRound, round_id)
    if followup is None:
        from i18n import t

        raise NotFoundError(what=t("what.round"), name=str(round_id))
    return followup, _previous_round(followup, session=session)


UNITS_MARK = "/* units */"


def _limited_to(sql: str, units: frozenset[str] | None, params: dict) -> str:
    """The query with its ``/* units */`` mark (or ``/* unit ids */``, where no ``unit u`` is
    joined) filled in: every activity, or the named units' only, each name a parameter of its own."""
    if units is None:
        return sql.replace(UNITS_MARK, "").replace(UNIT_IDS_MARK, "")
    names = sorted(units) or [""]
    params.update({f"unit_name_{i}": name for i, name in enumerate(names)})
    marks = ", ".join(f":unit_name_{i}" for i in range(len(names)))
    own = f"SELECT uu.id FROM unit uu WHERE uu.plan_id = :plan AND uu.name IN ({marks})"
    sql = sql.replace(UNITS_MARK, f"AND u.name IN ({marks})")
    return sql.replace(UNIT_IDS_MARK, f"AND a.unit_id IN ({own})")


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    """What a follow-up meeting shows of its round besides the rows."""

    plan_id: int
    plan_title: str
    round: RoundRef
    previous_round: str | None


ONE_UNIT_MARK = "/* one unit */"


def _checklist_query(
    round_id: int, *, session: Session, units: Collection[str] | None
) -> tuple[MeetingInfo, str, dict[str, Any], frozenset[str] | None]:
    """``CHECKLIST_SQL`` for the round with its ``/* one unit */`` mark left in (for one more
    condition on ``a``; replace it, with "" for every unit), its parameters, and the unit names it
    is limited to (None: all)."""
    followup, previous = _round_and_previous(round_id, session=session)
    plan = _plan(followup.plan_id, session=session)
    check_plan_readable(session, plan.id)
    params = {"previous": previous.id if previous else -1, "plan": plan.id,
              **as_of_params(followup.date, followup.id)}  # fmt: skip
    limited = visible_units(session, units)
    sql = _limited_to(CHECKLIST_SQL.replace(UNITS_MARK, f"{UNITS_MARK} {ONE_UNIT_MARK}"), limited, params)
    ref = RoundRef(id=followup.id, plan_id=followup.plan_id, name=followup.name, date=_as_date(followup.date),
                   closed=bool(followup.closed))  # fmt: skip
    return MeetingInfo(plan.id, plan.title, ref, previous.name if previous else None), sql, params, limited


def _checklist_rows(
    round_id: int, *, session: Session, limit: int | None, units: Collection[str] | None
) -> tuple[Checklist, Iterator[tuple]]:
    """The round's checklist without rows, and the rows of ``CHECKLIST_SQL`` as the driver hands
    them over (plain tuples, read while they are used: no SQLAlchemy row per activity)."""
    info, sql, params, _ = _checklist_query(round_id, session=session, units=units)
    sql = sql.replace(ONE_UNIT_MARK, "")
    if limit is not None:
        sql = f"{sql} LIMIT {int(limit)}"
    summary = get_round(round_id, session=session)
    head = Checklist(plan_id=info.plan_id, plan_title=info.plan_title, round=summary,
                     previous_round=info.previous_round, rows=())  # fmt: skip
    return head, fetch_iter(session, sql, params)


def checklist(
    round_id: int, *, session: Session, limit: int | None = None, units: Collection[str] | None = None
) -> Checklist:
    """Every activity of the round's plan with its entry and the previous round's comment.

    Grouped by unit (the plan as a whole first) and area, in the plan's order: one query for the
    rows, however many activities there are. ``limit``: only the first rows (a first screenful).
    ``units``: only the activities of the units of these names (a manager gets only theirs anyway).
    """
    head, result = _checklist_rows(round_id, session=session, limit=limit, units=units)
    # Values that repeat from row to row (unit and area names, responsible, target, statuses, dates)
    # are kept once, not once per row: 50,000 rows otherwise hold 50,000 copies of each.
    texts: dict[str | None, str | None] = {}
    dates: dict[object, dt.date] = {}
    once = texts.setdefault
    rows = tuple(
        ChecklistRow(
            activity_id=r[0], number=r[1], unit_id=r[2], unit=once(r[3], r[3]), area=once(r[4], r[4]),
            goal=r[5], description=r[6], target_text=once(r[7], r[7]),
            target_date=dates.setdefault(r[8], _as_date(r[8])) if r[8] is not None else None,
            ongoing=bool(r[9]),
            responsible=once(r[10], r[10]), status=once(r[11], r[11]), comment=r[12] or "",
            reviewed=bool(r[13]),
            previous_status=once(r[14], r[14]), previous_comment=r[15] or "", resources=r[16] or "",
            version=r[17] or 0,
        )  # fmt: skip
        for r in result
    )
    return Checklist(plan_id=head.plan_id, plan_title=head.plan_title, round=head.round,
                     previous_round=head.previous_round, rows=rows)  # fmt: skip


def meeting_rows(
    round_id: int, *, session: Session, units: Collection[str] | None = None
) -> tuple[MeetingInfo, Iterator[tuple[Item, Entry]]]:
    """The rows of ``checklist`` as the follow-up meeting holds them: what it shows of the round,
    and each activity's ``Item`` and ``Entry`` in the checklist's order, made while the rows are
    read from the driver's cursor (consume them inside the session).

    Nothing in between: a round of 50,000 activities is not held as rows and then as items.
    """
    info, sql, params, _ = _checklist_query(round_id, session=session, units=units)
    return info, _meeting_pairs(fetch_iter(session, sql.replace(ONE_UNIT_MARK, ""), params))


def meeting_head(
    round_id: int, *, session: Session, limit: int, units: Collection[str] | None = None
) -> tuple[MeetingInfo, list[tuple[Item, Entry]]]:
    """The first ``limit`` rows of ``meeting_rows``, read unit by unit in the plan's order (the plan
    as a whole first): sorting a unit's activities, not the whole round's, before the first row."""
    info, sql, params, limited = _checklist_query(round_id, session=session, units=units)
    units_sql = "SELECT id, name FROM unit WHERE plan_id = ? ORDER BY position, id"
    units_in_order = [] if limited is not None else [None]  # a manager's rows are of their units only
    for unit_id, name in fetch_all(session, units_sql, (info.plan_id,)):
        if limited is None or name in limited:
            units_in_order.append(unit_id)
    pairs: list[tuple[Item, Entry]] = []
    for unit_id in units_in_order:
        where = "AND a.unit_id IS NULL" if unit_id is None else f"AND a.unit_id = {int(unit_id)}"
        one = f"{sql.replace(ONE_UNIT_MARK, where)} LIMIT {limit - len(pairs)}"
        pairs += _meeting_pairs(fetch_iter(session, one, params))
        if len(pairs) >= limit:
            break
    return info, pairs


def _meeting_pairs(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Item, Entry]]:
    # Values that repeat from row to row are kept once (see ``checklist``). Every field is given, in
    # the fields' order, so the named tuples are made as tuples of their class: the constructor's
    # Python frame would cost a third of this loop's time for 50,000 rows.
    texts: dict[str | None, str | None] = {}
    dates: dict[object, dt.date] = {}
    once = texts.setdefault
    make = tuple.__new__
    for (aid, number, unit_id, unit, area, goal, description, target_text, target_date, ongoing,
         responsible, status, comment, reviewed, previous_status, previous_comment, resources,
         version) in rows:  # fmt: skip
        if target_date is not None:
            day = dates.get(target_date)
            if day is None:
                day = dates[target_date] = _as_date(target_date)
        else:
            day = None
        item = make(Item, (aid, number, unit_id if unit_id is not None else WHOLE_PLAN, once(unit, unit),
                           once(area, area), goal, description, once(target_text, target_text), day,
                           bool(ongoing), once(responsible, responsible), resources or "",
                           once(previous_status, previous_status), previous_comment or ""))  # fmt: skip
        yield item, make(Entry, (once(status, status), comment or "", bool(reviewed), version or 0))


def status_counts(
    round_id: int, *, session: Session, units: Collection[str] | None = None
) -> tuple[StatusCount, ...]:
    """The round's entries counted per unit (in the plan's order), status and review mark, by the
    rule of ``checklist``: what the progress header needs, without reading every row."""
    followup, _previous = _round_and_previous(round_id, session=session)
    check_plan_readable(session, followup.plan_id)
    limited = visible_units(session, units)

    def rows(sql: str) -> list[tuple]:
        params = {"plan": followup.plan_id, **as_of_params(followup.date, followup.id)}
        return fetch_all(session, _limited_to(sql, limited, params), params)

    counts: dict[tuple[int | None, str, bool], int] = {}
    for unit_id, status, reviewed, n in rows(ENTRY_COUNTS_SQL):
        key = (unit_id, status, bool(reviewed))
        counts[key] = counts.get(key, 0) + n
    if sum(counts.values()) < rows(ACTIVITY_COUNT_SQL)[0][0]:
        for unit_id, status, n in rows(UNENTERED_COUNTS_SQL):
            counts[(unit_id, status, False)] = counts.get((unit_id, status, False), 0) + n
    plan = (followup.plan_id,)
    unit_rows = fetch_all(session, "SELECT id, name, position FROM unit WHERE plan_id = ?", plan)
    units_of_plan = {r[0]: (r[1], r[2]) for r in unit_rows}

    def place(key: tuple[int | None, str, bool]) -> tuple[int, int]:  # the plan as a whole first
        unit_id = key[0]
        return (-1, -1) if unit_id is None else (units_of_plan[unit_id][1], unit_id)

    return tuple(
        StatusCount(unit_id, units_of_plan[unit_id][0] if unit_id is not None else None, status, reviewed, n)
        for (unit_id, status, reviewed), n in sorted(counts.items(), key=lambda kv: place(kv[0]))
    )


def compare_rounds(older_id: int, newer_id: int, *, session: Session) -> RoundComparison:
    """What changed status between two rounds of a plan, and which comments are new."""
    older, newer = get_round(older_id, session=session), get_round(newer_id, session=session)
    if older.plan_id != newer.plan_id:
        raise InvalidInputError(field=newer.name, reason=older.name)
    if (older.date, older.id) > (newer.date, newer.id):
        older, newer = newer, older
    result = session.execute(
        text(
            """
            SELECT a.id, u.name, CASE WHEN trim(a.description) = '' THEN a.goal ELSE a.description END,
                   o.status, o.comment, n.status, n.comment
            FROM followup_entry n
            JOIN activity a ON a.id = n.activity_id
            LEFT JOIN unit u ON u.id = a.unit_id
            LEFT JOIN followup_entry o ON o.activity_id = n.activity_id AND o.round_id = :older
            WHERE n.round_id = :newer
            ORDER BY CASE WHEN a.unit_id IS NULL THEN -1 ELSE u.position END, a.position, a.id
            """
        ),
        {"older": older.id, "newer": newer.id},
    ).all()
    from db.queries.actors import entry_actors

    actors = entry_actors([newer.id], session=session)
    changes = tuple(
        StatusChange(activity_id=r[0], unit=r[1], goal=r[2], before=r[3], after=r[5],
                     by=actors.get((newer.id, r[0]), ""))  # fmt: skip
        for r in result
        if r[3] != r[5]
    )
    comments = tuple(
        NewComment(activity_id=r[0], unit=r[1], goal=r[2], comment=r[6])
        for r in result
        if r[6].strip() and r[6].strip() != (r[4] or "").strip()
    )
    return RoundComparison(older=older, newer=newer, status_changes=changes, new_comments=comments)


def activity_history(activity_id: int, *, session: Session) -> ActivityHistory:
    """The activity's status and comment in every round of its plan, newest first."""
    activity = session.get(Activity, activity_id)
    if activity is None:
        from i18n import t

        raise NotFoundError(what=t("what.activity"), name=str(activity_id))
    unit = None
    if activity.unit_id is not None:
        unit = session.execute(text("SELECT name FROM unit WHERE id = :u"), {"u": activity.unit_id}).scalar()
    area = session.execute(text("SELECT name FROM area WHERE id = :a"), {"a": activity.area_id}).scalar()
    rows = session.execute(
        select(FollowUpRound, FollowUpEntry)
        .join(FollowUpEntry, FollowUpEntry.round_id == FollowUpRound.id)
        .where(FollowUpEntry.activity_id == activity_id)
        .order_by(FollowUpRound.date.desc(), FollowUpRound.id.desc())
    ).all()
    from db.queries.actors import entry_actors

    actors = entry_actors([r.id for r, _ in rows], session=session, activity_id=activity_id)
    items = tuple(
        HistoryItem(
            round_id=r.id, round_name=r.name, date=r.date, closed=r.closed, status=str(e.status),
            comment=e.comment, reviewed=e.reviewed, by=actors.get((r.id, activity_id), ""),
        )  # fmt: skip
        for r, e in rows
    )
    return ActivityHistory(
        activity_id=activity.id, plan_id=activity.plan_id, unit=unit, area=area or "",
        goal=activity.goal, description=activity.description, items=items,
    )  # fmt: skip



# ---- a manager's rounds ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MyRound:
    """An open round of a plan that holds some of a person's units, counted over those units only."""

    round_id: int
    plan_id: int
    plan_title: str
    name: str
    date: dt.date
    activities: int
    done: int
    reviewed: int


MY_ROUNDS_SQL = """
SELECT DISTINCT r.id, r.plan_id, pl.title, r.name, r.date
FROM followup_round r
JOIN plan pl ON pl.id = r.plan_id
JOIN unit u ON u.plan_id = r.plan_id AND u.name IN :unit_names
WHERE r.closed = :no
ORDER BY r.date DESC, r.id DESC
"""


def open_rounds_for_units(*, session: Session, units: Collection[str] | None = None) -> tuple[MyRound, ...]:
    """The open rounds of the plans holding these units (a manager's own, whatever is asked), counted
    over those units by the checklist's own rule (``status_counts``)."""
    names = visible_units(session, units)
    if not names:
        return ()
    query = text(MY_ROUNDS_SQL).bindparams(bindparam("unit_names", expanding=True))
    found = []
    rows = session.execute(query, {"unit_names": sorted(names), "no": False}).all()
    for round_id, plan_id, title, name, day in rows:
        counts = status_counts(round_id, session=session, units=names)
        found.append(
            MyRound(round_id=round_id, plan_id=plan_id, plan_title=title, name=name, date=_as_date(day),
                    activities=sum(c.count for c in counts),
                    done=sum(c.count for c in counts if c.status == Status.DONE.value),
                    reviewed=sum(c.count for c in counts if c.reviewed))  # fmt: skip
        )
    return tuple(found)
