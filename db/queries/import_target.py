"""What a plan has that a department's file is fitted into (``hrplan import FILE --into PLAN``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from db.queries.plans import resolve_plan
from db.queries.rounds import latest_open_round
from importers.into import Target
from models.area import Area
from models.followup import FollowUpRound
from models.plan import Cadence
from models.unit import Unit


def import_target(ref: str | int, *, session: Session) -> Target:
    """The plan by id or unique title, with its units, areas and rounds by name."""
    plan = resolve_plan(ref, session=session)
    units = session.execute(
        select(Unit.name).where(Unit.plan_id == plan.id).order_by(Unit.position, Unit.id)
    ).scalars().all()
    areas = session.execute(
        select(Area.name).where(Area.plan_id == plan.id).order_by(Area.position, Area.id)
    ).scalars().all()
    names = session.execute(select(FollowUpRound.name).where(FollowUpRound.plan_id == plan.id)).scalars()
    latest = latest_open_round(plan.id, session=session)
    return Target(plan_id=plan.id, title=plan.title, cadence=Cadence(plan.cadence).value, units=tuple(units),
                  areas=tuple(areas), open_round=latest.name if latest else None,
                  round_names=tuple(names))  # fmt: skip
