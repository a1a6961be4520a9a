"""Plans as a whole: listing, finding, creating, editing, archiving, deleting and copying."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlmodel import Session

from db.changes import ChangeSet
from db.errors import InvalidInputError, NotFoundError
from db.guard import refusal_from
from db.queries.sections import copy_sections
from db.queries.status import current_statuses
from models.activity import Activity
from models.area import UBARA_AREAS, Area
from models.followup import FollowUpEntry, FollowUpRound
from models.keyfigure import KeyFigure
from models.plan import Plan, PlanCreate, PlanStatus, PlanUpdate
from models.status import Status
from models.unit import Unit


def resolve_plan(ref: str | int, *, session: Session) -> Plan:
    """A plan by id, or by a title that only one plan has (case-insensitive)."""
    from db.queries.plan_ref import resolve_plan_id

    return session.get(Plan, resolve_plan_id(ref, session=session))


def create_plan(
    data: PlanCreate,
    *,
    session: Session,
    areas: tuple[str, ...] = UBARA_AREAS,
    changes: ChangeSet | None = None,
) -> Plan:
    """A new plan with its areas (the UBARA set unless told otherwise), as one change.

    Pass ``changes`` to make the plan part of a larger change (a copy); it must be a ChangeSet
    made with ``plan_id=None`` and gets the new plan's id.
    """
    if data.period_start > data.period_end:
        raise InvalidInputError(field="col.period", reason="invalid.period_order")
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise refusal_from(exc) from None
    changes = changes or ChangeSet(session, plan_id=None)
    changes.insert(plan)
    changes.plan_id = plan.id
    for position, name in enumerate(areas):
        changes.insert(Area(plan_id=plan.id, name=name, position=position))
    return plan


def next_activity_number(plan_id: int, *, session: Session) -> int:
    from db.queries.ordering import next_in_plan

    same_plan = Activity.plan_id == plan_id
    return next_in_plan(Activity.number, same_plan, plan_id=plan_id, session=session, first=1)


# The fields of a plan that its details editor shows, in the editor's order.
DETAIL_FIELDS: tuple[str, ...] = (
    "title",
    "kind",
    "organisation",
    "period_start",
    "period_end",
    "decision_body",
    "decision_date",
    "decision_paragraph",
    "diary_number",
    "cadence",
    "status",
)


@dataclass(frozen=True, slots=True)
class PlanDetails:
    """A plan's own fields as plain values, with the version they were read at."""

    id: int
    version: int
    title: str
    kind: str
    organisation: str
    period_start: int
    period_end: int
    decision_body: str
    decision_date: date | None
    decision_paragraph: str
    diary_number: str
    cadence: str
    status: str

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in DETAIL_FIELDS}


@dataclass(frozen=True, slots=True)
class PlanDependents:
    """What goes with a plan when it is deleted, or comes along when it is copied."""

    units: int
    areas: int
    activities: int
    unfinished: int  # neither done nor cancelled: these come along in a copy
    rounds: int
    entries: int
    key_figures: int


def _get_plan(plan_id: int, *, session: Session) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        from i18n import t

        raise NotFoundError(what=t("what.plan"), name=str(plan_id))
    return plan


def plan_details(plan_id: int, *, session: Session) -> PlanDetails:
    plan = _get_plan(plan_id, session=session)
    return PlanDetails(
        id=plan.id,
        version=plan.version,
        **{name: str(v) if name in ("kind", "cadence", "status") else v
           for name, v in ((n, getattr(plan, n)) for n in DETAIL_FIELDS)},
    )  # fmt: skip


def _checked_update(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` validated against the plan's rules; unknown fields are refused."""
    unknown = set(values) - set(DETAIL_FIELDS) - {"notes"}
    if unknown:
        raise ValueError(f"not plan details: {', '.join(sorted(unknown))}")
    try:
        checked = PlanUpdate.model_validate(values)
    except ValidationError as exc:  # a caller that skipped the form's check gets hrplan's refusal
        raise refusal_from(exc) from None
    return checked.model_dump(include=set(values))


def update_plan(
    plan_id: int, values: dict[str, Any], *, expected_version: int, session: Session
) -> dict[str, tuple[Any, Any]]:
    """Change a plan's details as one change; returns what really changed.

    Raises ``ConflictError`` when the plan changed since it was read at ``expected_version``.
    """
    plan = _get_plan(plan_id, session=session)
    checked = _checked_update(values)
    start = checked.get("period_start", plan.period_start)
    end = checked.get("period_end", plan.period_end)
    if start > end:
        raise InvalidInputError(field="col.period", reason="invalid.period_order")
    changes = ChangeSet(session, plan_id=plan_id)
    return changes.update(plan, checked, expected_version=expected_version)


def set_plan_status(
    plan_id: int, status: str, *, session: Session, expected_version: int | None = None
) -> bool:
    """Set a plan's status (archive, restore); False when it already had it."""
    plan = _get_plan(plan_id, session=session)
    changes = ChangeSet(session, plan_id=plan_id)
    return bool(changes.update(plan, {"status": PlanStatus(status)}, expected_version=expected_version))


def _count(model: type, *conditions: Any, session: Session) -> int:
    return session.execute(select(func.count()).select_from(model).where(*conditions)).scalar() or 0


def plan_dependents(plan_id: int, *, session: Session) -> PlanDependents:
    _get_plan(plan_id, session=session)
    statuses = current_statuses(plan_id, session=session)
    finished = (Status.DONE, Status.CANCELLED)
    round_ids = select(FollowUpRound.id).where(FollowUpRound.plan_id == plan_id)
    return PlanDependents(
        units=_count(Unit, Unit.plan_id == plan_id, session=session),
        areas=_count(Area, Area.plan_id == plan_id, session=session),
        activities=len(statuses),
        unfinished=sum(1 for s in statuses.values() if s not in finished),
        rounds=_count(FollowUpRound, FollowUpRound.plan_id == plan_id, session=session),
        entries=_count(FollowUpEntry, FollowUpEntry.round_id.in_(round_ids), session=session),
        key_figures=_count(KeyFigure, KeyFigure.plan_id == plan_id, session=session),
    )


def delete_plan(plan_id: int, *, session: Session, expected_version: int | None = None) -> PlanDependents:
    """Delete a plan and everything in it as one change (undo puts it all back)."""
    plan = _get_plan(plan_id, session=session)
    if expected_version is not None and plan.version != expected_version:
        from db.errors import ConflictError
        from i18n import t

        raise ConflictError(what=t("what.plan"))
    gone = plan_dependents(plan_id, session=session)
    ChangeSet(session, plan_id=plan_id).delete(plan)
    return gone


def next_period(period_start: int, period_end: int) -> tuple[int, int]:
    """The period right after the given one, of the same length: 2025–2027 gives 2028–2030."""
    length = period_end - period_start + 1
    return period_end + 1, period_end + length


def title_for_period(title: str, old: tuple[int, int], new: tuple[int, int]) -> str:
    """The title with the old period's years replaced by the new one's, where it names them."""
    span = re.compile(rf"\b{old[0]}(\s*[-–—/]\s*){old[1]}\b")
    result = span.sub(lambda m: f"{new[0]}{m[1]}{new[1]}", title)
    if result == title and old[0] == old[1] and new[0] == new[1]:
        result = re.sub(rf"\b{old[0]}\b", str(new[0]), title)
    return result


def copy_plan(
    plan_id: int, *, title: str, period_start: int, period_end: int, session: Session
) -> int:
    """A new plan for another period, as one change; returns its id.

    Units and areas come along, and the activities that are neither done nor cancelled. Statuses
    start over: no follow-up rounds come along, and the follow-up column is emptied, since it
    commented on the old period. The new plan is a draft until it is decided; its decision date,
    paragraph and diary number are left for that decision.
    """
    source = _get_plan(plan_id, session=session)
    statuses = current_statuses(plan_id, session=session)
    changes = ChangeSet(session, plan_id=None)
    plan = create_plan(
        PlanCreate(
            title=title,
            kind=source.kind,
            organisation=source.organisation,
            period_start=period_start,
            period_end=period_end,
            decision_body=source.decision_body,
            cadence=source.cadence,
            status=PlanStatus.DRAFT,
            notes=source.notes,
        ),
        session=session,
        areas=(),
        changes=changes,
    )
    area_ids: dict[int, int] = {}
    for area in session.execute(select(Area).where(Area.plan_id == plan_id)).scalars().all():
        copied = changes.insert(Area(plan_id=plan.id, name=area.name, position=area.position))
        area_ids[area.id] = copied.id
    unit_ids: dict[int, int] = {}
    for unit in session.execute(select(Unit).where(Unit.plan_id == plan_id)).scalars().all():
        copied = changes.insert(
            Unit(plan_id=plan.id, name=unit.name, manager=unit.manager, date=unit.date,
                 position=unit.position)
        )  # fmt: skip
        unit_ids[unit.id] = copied.id
    copy_sections(plan_id, plan.id, unit_ids, changes=changes)
    activities = session.execute(
        select(Activity).where(Activity.plan_id == plan_id).order_by(Activity.id)
    ).scalars().all()
    for a in activities:
        if statuses.get(a.id, Status.NOT_STARTED) in (Status.DONE, Status.CANCELLED):
            continue
        changes.insert(
            Activity(plan_id=plan.id, unit_id=unit_ids.get(a.unit_id) if a.unit_id else None,
                     area_id=area_ids[a.area_id], number=a.number, goal=a.goal,
                     description=a.description, target_text=a.target_text, target_date=a.target_date,
                     ongoing=a.ongoing, responsible=a.responsible, resources=a.resources,
                     follow_up="", position=a.position)
        )  # fmt: skip
    return plan.id
