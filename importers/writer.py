"""Writing an imported plan: the plan, its areas (the UBARA set first, then the plan's own), its
units and activities, all in one ``ChangeSet``, so that the import is one undo step."""

from __future__ import annotations

from sqlmodel import Session

from db.changes import ChangeSet
from importers.model import ImportedPlan
from models.activity import Activity
from models.area import Area
from models.plan import Cadence, Plan, PlanKind, PlanStatus
from models.unit import Unit


def write_plan(imported: ImportedPlan, *, session: Session) -> int:
    """Insert the plan; returns its id. Call inside ``database.write()``: all or nothing."""
    d = imported.details
    changes = ChangeSet(session, plan_id=None)
    plan = changes.insert(
        Plan(title=d.title, kind=PlanKind(d.kind), organisation=d.organisation,
             period_start=d.period_start, period_end=d.period_end, decision_body=d.decision_body,
             decision_date=d.decision_date, decision_paragraph=d.decision_paragraph,
             diary_number=d.diary_number, cadence=Cadence(d.cadence), status=PlanStatus.ACTIVE)
    )  # fmt: skip
    changes.plan_id = plan.id
    area_ids = {}
    for position, name in enumerate(imported.areas):
        area_ids[name] = changes.insert(Area(plan_id=plan.id, name=name, position=position)).id
    unit_ids: dict[str | None, int | None] = {None: None}
    for position, unit in enumerate(imported.units):
        row = Unit(plan_id=plan.id, name=unit.name, manager=unit.manager, date=unit.date, position=position)
        unit_ids[unit.name] = changes.insert(row).id
    positions: dict[tuple[str | None, str], int] = {}
    rows = []
    for a in imported.activities:
        key = (a.unit, a.area)
        positions[key] = positions.get(key, -1) + 1
        rows.append(
            Activity(plan_id=plan.id, unit_id=unit_ids[a.unit], area_id=area_ids[a.area], number=a.number,
                     goal=a.goal, description=a.description, target_text=a.target_text,
                     target_date=a.target_date, ongoing=a.ongoing, responsible=a.responsible,
                     resources=a.resources, follow_up=a.follow_up, position=positions[key])
        )  # fmt: skip
    changes.insert_all(rows)
    return plan.id
