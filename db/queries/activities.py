"""Activities of a plan: the rows the plan screen shows, and every edit the screen makes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlmodel import Session

from db.changes import ChangeSet
from db.errors import NotFoundError
from db.queries.ordering import check_version, next_in_plan, refuse, refuse_invalid, shift_within
from db.queries.plain import fetch_all
from db.queries.plans import next_activity_number
from db.queries.status import LATEST_ENTRY_JOIN, STATUS_FROM_LATEST_SQL, latest_round_id
from models.activity import Activity
from models.activity_rules import FIELD_LABELS, ActivityFields, check_activity
from models.area import Area
from models.dates import read_target
from models.plan_activities import ActivityRow
from models.unit import Unit

_ROWS_SQL = f"""
SELECT a.id, a.plan_id, a.unit_id, u.name, a.area_id, ar.name, a.number, a.goal, a.description,
       a.target_text, a.target_date, a.ongoing, a.responsible, a.resources, a.follow_up,
       {STATUS_FROM_LATEST_SQL} AS status, a.position, a.version, COALESCE(u.position, -1), ar.position
FROM activity a
JOIN area ar ON ar.id = a.area_id
LEFT JOIN unit u ON u.id = a.unit_id
{LATEST_ENTRY_JOIN.format(latest="?")}
WHERE a.plan_id = ? {{extra}}
ORDER BY COALESCE(u.position, -1), a.unit_id IS NOT NULL, u.id, ar.position, ar.id, a.position, a.id
{{limit}}
"""


def activity_values(plan_id: int, *, session: Session, limit: int | None = None,
                    after_execute: Callable[[], object] | None = None) -> list[tuple]:  # fmt: skip
    """Every activity of the plan as plain tuples in the order of ``ActivityRow``'s fields, sorted as
    ``list_activities`` sorts them, read on the driver's cursor (no per-row object on the way).
    The target date comes as the driver gives it (ISO text on SQLite): ``ActivityRow.from_values``
    and ``PlanActivities`` read it. ``limit``: only the first ones (a first screenful).
    ``after_execute``: see ``fetch_all``."""
    sql = _ROWS_SQL.format(extra="", limit="LIMIT ?" if limit is not None else "")
    params = [latest_round_id(plan_id, session=session), plan_id]
    return fetch_all(session, sql, params if limit is None else [*params, limit], after_execute)


def first_activity_values(plan_id: int, owners: Sequence[int | None], *, session: Session,
                          limit: int) -> list[tuple]:  # fmt: skip
    """The first ``limit`` of ``activity_values``, read owner by owner: ``owners`` are the plan as a
    whole (None) and the units that have activities, in the plan's order (``owners_in_order``).

    Each owner's activities are found on the index of ``unit_id`` (the unary plus keeps SQLite
    from reading every activity of the plan by its ``plan_id`` index instead), so a first screenful
    of a plan of 50,000 activities sorts a few hundred, not all of them."""
    latest = latest_round_id(plan_id, session=session)
    found: list[tuple] = []
    for owner in owners:
        extra = "AND a.unit_id IS NULL" if owner is None else "AND a.unit_id = ?"
        sql = _ROWS_SQL.replace("WHERE a.plan_id = ?", "WHERE +a.plan_id = ?").format(extra=extra,
                                                                                      limit="LIMIT ?")
        params = [latest, plan_id] + ([] if owner is None else [owner]) + [limit - len(found)]
        found += fetch_all(session, sql, params)
        if len(found) >= limit:
            break
    return found


def list_activities(plan_id: int, *, session: Session, limit: int | None = None) -> list[ActivityRow]:
    """Every activity of the plan, units in order (the plan as a whole first), then areas, then position.

    ``limit``: only the first ones (a first screenful)."""
    return [ActivityRow.from_values(v) for v in activity_values(plan_id, session=session, limit=limit)]


def place_counts(plan_id: int, *, session: Session) -> dict[tuple[int | None, int], int]:
    """(unit id or None for the plan as a whole, area id) → how many activities are there: every
    count the plan screen shows, in one pass over the plan's activities (``PlaceCounts`` sums them)."""
    sql = "SELECT unit_id, area_id, count(*) FROM activity WHERE plan_id = ? GROUP BY unit_id, area_id"
    return {(unit, area): n for unit, area, n in fetch_all(session, sql, (plan_id,))}


def get_activity(activity_id: int, *, session: Session) -> ActivityRow:
    plan_id = _plan_of(activity_id, session=session)
    sql = _ROWS_SQL.format(extra="AND a.id = ?", limit="")
    rows = fetch_all(session, sql, (latest_round_id(plan_id, session=session), plan_id, activity_id))
    if not rows:
        raise _missing(activity_id)
    return ActivityRow.from_values(rows[0])


def _missing(activity_id: int) -> NotFoundError:
    from i18n import t

    return NotFoundError(what=t("what.activity"), name=str(activity_id))


def _plan_of(activity_id: int, *, session: Session) -> int:
    plan_id = session.execute(select(Activity.plan_id).where(Activity.id == activity_id)).scalar()
    if plan_id is None:
        raise _missing(activity_id)
    return plan_id


def _load(activity_id: int, session: Session) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise _missing(activity_id)
    return activity


def _checked(plan_id: int, data: ActivityFields, session: Session) -> dict:
    """The values to store, after checking every field and that unit and area are the plan's."""
    cleaned, errors = check_activity(data)
    if errors:
        name, error = next(iter(errors.items()))
        raise refuse_invalid(FIELD_LABELS[name], error)
    area = session.get(Area, cleaned.area_id)
    if area is None or area.plan_id != plan_id:
        raise refuse("col.area", "plan.invalid_area")
    if cleaned.unit_id is not None:
        unit = session.get(Unit, cleaned.unit_id)
        if unit is None or unit.plan_id != plan_id:
            raise refuse("col.unit", "plan.invalid_unit")
    reading = read_target(cleaned.target_text)
    return {
        "unit_id": cleaned.unit_id,
        "area_id": cleaned.area_id,
        "goal": cleaned.goal,
        "description": cleaned.description,
        "target_text": cleaned.target_text,
        "target_date": reading.due_date,
        "ongoing": reading.ongoing,
        "responsible": cleaned.responsible,
        "resources": cleaned.resources,
        "follow_up": cleaned.follow_up,
        "number": cleaned.number,
    }


def _end_position(plan_id: int, unit_id: int | None, area_id: int, session: Session) -> int:
    same_unit = Activity.unit_id.is_(None) if unit_id is None else Activity.unit_id == unit_id
    where = (Activity.plan_id == plan_id, Activity.area_id == area_id, same_unit)
    return next_in_plan(Activity.position, *where, plan_id=plan_id, session=session)


def add_activity(plan_id: int, data: ActivityFields, *, session: Session) -> int:
    """A new activity last in its unit and area; it gets the next number when none is given."""
    values = _checked(plan_id, data, session)
    if values["number"] is None:
        values["number"] = next_activity_number(plan_id, session=session)
    values["position"] = _end_position(plan_id, values["unit_id"], values["area_id"], session)
    activity = ChangeSet(session, plan_id=plan_id).insert(Activity(plan_id=plan_id, **values))
    return activity.id


def update_activity(
    activity_id: int, data: ActivityFields, *, session: Session, expected_version: int | None = None
) -> bool:
    """Save the editor's fields. Moving to another unit or area puts it last there. True: changed."""
    activity = _load(activity_id, session)
    values = _checked(activity.plan_id, data, session)
    if (values["unit_id"], values["area_id"]) != (activity.unit_id, activity.area_id):
        values["position"] = _end_position(activity.plan_id, values["unit_id"], values["area_id"], session)
    changes = ChangeSet(session, plan_id=activity.plan_id)
    return bool(changes.update(activity, values, expected_version=expected_version))


def move_activity(
    activity_id: int,
    *,
    unit_id: int | None,
    area_id: int,
    session: Session,
    expected_version: int | None = None,
) -> bool:
    """Move to another unit and/or area, last in its new place. False: it was already there."""
    activity = _load(activity_id, session)
    if (unit_id, area_id) == (activity.unit_id, activity.area_id):
        return False
    data = replace(get_activity(activity_id, session=session).fields(), unit_id=unit_id, area_id=area_id)
    return update_activity(activity_id, data, session=session, expected_version=expected_version)


def shift_activity(
    activity_id: int, step: int, *, session: Session, expected_version: int | None = None
) -> bool:
    """Move one place down (step 1) or up (-1) within its unit and area. False at either end."""
    activity = _load(activity_id, session)
    check_version(activity, expected_version, "what.activity")
    query = select(Activity).where(Activity.plan_id == activity.plan_id, Activity.area_id == activity.area_id)
    query = query.where(
        Activity.unit_id.is_(None) if activity.unit_id is None else Activity.unit_id == activity.unit_id
    )
    siblings = session.execute(query.order_by(Activity.position, Activity.id)).scalars().all()
    return shift_within(ChangeSet(session, plan_id=activity.plan_id), siblings, activity_id, step)


def delete_activity(activity_id: int, *, session: Session, expected_version: int | None = None) -> None:
    """Delete the activity and its follow-up entries, as one change that undo puts back."""
    activity = _load(activity_id, session)
    check_version(activity, expected_version, "what.activity")
    ChangeSet(session, plan_id=activity.plan_id).delete(activity)
