"""Areas (Område) of a plan: rename, reorder, add, remove an empty one, reset to the UBARA areas."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from db.changes import ChangeSet
from db.errors import ConflictError, InvalidInputError, NotFoundError
from db.queries.ordering import next_in_plan, refuse, refuse_invalid, shift_in_plan
from models.activity import Activity
from models.area import UBARA_AREAS, Area
from models.limits import NAME_MAX
from models.validation import Invalid, clean_text


@dataclass(frozen=True, slots=True)
class AreaRow:
    id: int
    plan_id: int
    name: str
    position: int
    activity_count: int


def list_areas(plan_id: int, *, session: Session,
               activity_counts: Mapping[int, int] | None = None) -> list[AreaRow]:  # fmt: skip
    """The plan's areas in order. ``activity_counts``: area id → its activities, when the caller has
    counted them already (``db.queries.activities.place_counts``)."""
    if activity_counts is None:
        from db.queries.activities import place_counts
        from models.plan_activities import PlaceCounts

        activity_counts = PlaceCounts(place_counts(plan_id, session=session)).by_area
    counts = activity_counts
    areas = session.execute(
        select(Area).where(Area.plan_id == plan_id).order_by(Area.position, Area.id)
    ).scalars()
    return [AreaRow(a.id, a.plan_id, a.name, a.position, counts.get(a.id, 0)) for a in areas]


def _load(area_id: int, session: Session) -> Area:
    area = session.get(Area, area_id)
    if area is None:
        from i18n import t

        raise NotFoundError(what=t("what.area"), name=str(area_id))
    return area


def check_area_name(name: str) -> str:
    """The name as stored; raises ``Invalid``."""
    return clean_text(name, limit=NAME_MAX, required=True, multiline=False)


def _clean_name(plan_id: int, name: str, session: Session, *, area_id: int | None = None) -> str:
    try:
        cleaned = check_area_name(name)
    except Invalid as exc:
        raise refuse_invalid("col.area", exc) from None
    same = select(Area.id).where(Area.plan_id == plan_id, func.lower(Area.name) == cleaned.lower())
    if area_id is not None:
        same = same.where(Area.id != area_id)
    if session.execute(same).first() is not None:
        raise refuse("col.area", "invalid.duplicate")
    return cleaned


def add_area(plan_id: int, name: str, *, session: Session) -> int:
    cleaned = _clean_name(plan_id, name, session)
    position = next_in_plan(Area.position, Area.plan_id == plan_id, plan_id=plan_id, session=session)
    area = Area(plan_id=plan_id, name=cleaned, position=position)
    return ChangeSet(session, plan_id=plan_id).insert(area).id


def rename_area(area_id: int, name: str, *, session: Session, expected_name: str | None = None) -> bool:
    """Rename; ``expected_name`` (the name the editor showed) refuses a rename made meanwhile elsewhere.

    Areas have no version column: the name is the only thing the editor changes, so comparing it
    inside the write transaction is the compare-and-set.
    """
    area = _load(area_id, session)
    if expected_name is not None and area.name != expected_name:
        from db.changes import row_snapshot
        from i18n import t

        error = ConflictError(what=t("what.area"))
        error.current = row_snapshot(Area.__table__, area)
        raise error
    cleaned = _clean_name(area.plan_id, name, session, area_id=area_id)
    return bool(ChangeSet(session, plan_id=area.plan_id).update(area, {"name": cleaned}))


def shift_area(area_id: int, step: int, *, session: Session) -> bool:
    return shift_in_plan(session, _load(area_id, session), step)


def _activity_count(area_id: int, session: Session) -> int:
    return session.execute(select(func.count()).where(Activity.area_id == area_id)).scalar() or 0


def delete_area(area_id: int, *, session: Session) -> None:
    """Remove an area that has no activities; one with activities is refused with their count."""
    area = _load(area_id, session)
    count = _activity_count(area_id, session)
    if count:
        raise InvalidInputError("plan.area_not_empty", name=area.name, n=count)
    if session.execute(select(func.count()).where(Area.plan_id == area.plan_id)).scalar() <= 1:
        raise InvalidInputError("plan.area_last", name=area.name)
    ChangeSet(session, plan_id=area.plan_id).delete(area)


def reset_blockers(plan_id: int, *, session: Session) -> list[AreaRow]:
    """The plan's own (non-UBARA) areas that hold activities: they stop a reset to UBARA."""
    return [a for a in list_areas(plan_id, session=session) if a.name not in UBARA_AREAS and a.activity_count]


def reset_to_ubara(plan_id: int, *, session: Session) -> None:
    """The UBARA areas in their order: missing ones added, empty others removed. One change.

    Refused (``InvalidInputError`` naming the areas) when an area outside UBARA holds activities,
    since removing it would take them along.
    """
    blockers = reset_blockers(plan_id, session=session)
    if blockers:
        names = ", ".join(f"{a.name} ({a.activity_count})" for a in blockers)
        raise InvalidInputError("plan.area_reset_blocked", names=names)
    changes = ChangeSet(session, plan_id=plan_id)
    existing = {a.name: a for a in session.execute(select(Area).where(Area.plan_id == plan_id)).scalars()}
    for name, area in existing.items():
        if name not in UBARA_AREAS:
            changes.delete(area)
    for position, name in enumerate(UBARA_AREAS):
        area = existing.get(name)
        if area is None:
            changes.insert(Area(plan_id=plan_id, name=name, position=position))
        elif area.position != position:
            changes.update(area, {"position": position})
