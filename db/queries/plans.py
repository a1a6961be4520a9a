"""Plans: listing, finding by id or title, creating with its areas."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlmodel import Session

from db.changes import ChangeSet
from db.errors import AmbiguousError, InvalidInputError, NotFoundError
from db.guard import refusal_from
from db.queries.status import status_counts_by_plan
from models.activity import Activity
from models.area import UBARA_AREAS, Area
from models.plan import Plan, PlanCreate
from models.progress import progress_of


@dataclass(frozen=True, slots=True)
class PlanSummary:
    id: int
    title: str
    kind: str
    organisation: str
    period_start: int
    period_end: int
    status: str
    activity_count: int
    done: int
    cancelled: int
    share_done: float


def list_plans(*, session: Session, include_archived: bool = True) -> list[PlanSummary]:
    counts = status_counts_by_plan(session=session)
    query = select(Plan).order_by(Plan.period_start.desc(), Plan.title)
    if not include_archived:
        query = query.where(Plan.status != "archived")
    result = []
    for plan in session.execute(query).scalars():
        by_status = counts.get(plan.id, {})
        progress = progress_of(s for s, n in by_status.items() for _ in range(n))
        result.append(
            PlanSummary(
                id=plan.id,
                title=plan.title,
                kind=str(plan.kind),
                organisation=plan.organisation,
                period_start=plan.period_start,
                period_end=plan.period_end,
                status=str(plan.status),
                activity_count=progress.total,
                done=progress.done,
                cancelled=progress.cancelled,
                share_done=progress.share_done,
            )
        )
    return result


def resolve_plan(ref: str | int, *, session: Session) -> Plan:
    """A plan by id, or by a title that only one plan has (case-insensitive)."""
    text = str(ref).strip()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes from the command line: no title has them
        from i18n import t

        raise NotFoundError(what=t("what.plan"), name=text) from None
    if text.isascii() and text.isdigit() and len(text) <= 18:  # an id SQLite can hold
        plan = session.get(Plan, int(text))
        if plan is not None:
            return plan
    matches = session.execute(select(Plan).where(func.lower(Plan.title) == text.lower())).scalars().all()
    if not matches:
        from i18n import t

        raise NotFoundError(what=t("what.plan"), name=text)
    if len(matches) > 1:
        raise AmbiguousError(name=text, ids=", ".join(str(p.id) for p in matches))
    return matches[0]


def create_plan(
    data: PlanCreate, *, session: Session, areas: tuple[str, ...] = UBARA_AREAS
) -> Plan:
    """A new plan with its areas (the UBARA set unless told otherwise), as one change."""
    if data.period_start > data.period_end:
        raise InvalidInputError(field="col.period", reason="invalid.period_order")
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise refusal_from(exc) from None
    changes = ChangeSet(session, plan_id=None)
    changes.insert(plan)
    changes.plan_id = plan.id
    for position, name in enumerate(areas):
        changes.insert(Area(plan_id=plan.id, name=name, position=position))
    return plan


def next_activity_number(plan_id: int, *, session: Session) -> int:
    highest = session.execute(
        select(func.max(Activity.number)).where(Activity.plan_id == plan_id)
    ).scalar()
    return (highest or 0) + 1
