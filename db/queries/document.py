"""One plan in full, as plain data: the shape of ``hrplan show --json``.

Later parts (export, import's dry run) rely on this shape: extend it, never break it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.queries.sections import unit_risk_texts
from db.queries.status import current_statuses
from models.activity import Activity
from models.area import Area
from models.followup import FollowUpEntry, FollowUpRound
from models.keyfigure import KeyFigure
from models.plan import Plan
from models.unit import Unit


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def activity_json(a: Any, *, id: int | None, unit: str | None, area: str | None, status: str) -> dict:  # noqa: A002
    """One activity in the ``show --json`` shape; ``a`` has the template's fields as attributes."""
    return {
        "id": id,
        "unit": unit,
        "area": area,
        "number": a.number,
        "goal": a.goal,
        "description": a.description,
        "target_text": a.target_text,
        "target_date": _iso(a.target_date),
        "ongoing": a.ongoing,
        "responsible": a.responsible,
        "resources": a.resources,
        "follow_up": a.follow_up,
        "status": status,
    }


def plan_document(plan: Plan, *, session: Session, with_entries: bool = True) -> dict[str, Any]:
    """The plan in full. ``with_entries=False`` leaves each round's ``entries`` empty, for callers that
    read only the few entry columns they need (an export of 5,000 activities in 12 rounds)."""
    units = session.execute(
        select(Unit).where(Unit.plan_id == plan.id).order_by(Unit.position, Unit.id)
    ).scalars().all()
    areas = session.execute(
        select(Area).where(Area.plan_id == plan.id).order_by(Area.position, Area.id)
    ).scalars().all()
    risks = unit_risk_texts(plan.id, session=session)
    unit_names = {u.id: u.name for u in units}
    area_names = {a.id: a.name for a in areas}
    unit_order = {u.id: i for i, u in enumerate(units)}
    area_order = {a.id: i for i, a in enumerate(areas)}
    activities = sorted(
        # Plain rows, not ORM objects: a plan can have thousands of activities and entries (export).
        session.execute(select(Activity.__table__).where(Activity.plan_id == plan.id)).all(),
        key=lambda a: (
            -1 if a.unit_id is None else unit_order.get(a.unit_id, 0),
            area_order.get(a.area_id, 0),
            a.position,
            a.id,
        ),
    )
    statuses = current_statuses(plan.id, session=session)
    figures = session.execute(
        select(KeyFigure).where(KeyFigure.plan_id == plan.id).order_by(KeyFigure.position, KeyFigure.id)
    ).scalars().all()
    rounds = session.execute(
        select(FollowUpRound)
        .where(FollowUpRound.plan_id == plan.id)
        .order_by(FollowUpRound.date, FollowUpRound.id)
    ).scalars().all()
    entries_by_round: dict[int, list[Any]] = {}
    if rounds and with_entries:
        for entry in session.execute(
            select(FollowUpEntry.__table__)
            .where(FollowUpEntry.round_id.in_([r.id for r in rounds]))
            .order_by(FollowUpEntry.activity_id)
        ):
            entries_by_round.setdefault(entry.round_id, []).append(entry)
    return {
        "id": plan.id,
        "title": plan.title,
        "kind": str(plan.kind),
        "organisation": plan.organisation,
        "period": [plan.period_start, plan.period_end],
        "decision": {
            "body": plan.decision_body,
            "date": _iso(plan.decision_date),
            "paragraph": plan.decision_paragraph,
            "diary_number": plan.diary_number,
        },
        "cadence": str(plan.cadence),
        "status": str(plan.status),
        "notes": plan.notes,
        "units": [
            {
                "id": u.id,
                "name": u.name,
                "manager": u.manager,
                "date": _iso(u.date),
                "risk_analysis": risks.get(u.id, ""),
            }
            for u in units
        ],
        "areas": [a.name for a in areas],
        "activities": [
            activity_json(
                a,
                id=a.id,
                unit=unit_names.get(a.unit_id) if a.unit_id is not None else None,
                area=area_names.get(a.area_id),
                status=statuses.get(a.id, "not_started"),
            )
            for a in activities
        ],
        "key_figures": [
            {
                "id": k.id,
                "unit": unit_names.get(k.unit_id) if k.unit_id is not None else None,
                "name": k.name,
                "period": k.period_label,
                "count": k.count,
                "share": k.share,
            }
            for k in figures
        ],
        "rounds": [
            {
                "id": r.id,
                "name": r.name,
                "date": _iso(r.date),
                "closed": r.closed,
                "notes": r.notes,
                "entries": [
                    {
                        "activity_id": e.activity_id,
                        "status": str(e.status),
                        "comment": e.comment,
                        "reviewed": e.reviewed,
                    }
                    for e in entries_by_round.get(r.id, [])
                ],
            }
            for r in rounds
        ],
    }
