"""Writing an imported plan: the plan, its areas (the UBARA set first, then the plan's own), its
units and activities, key figures, the units' narrative sections (``db.queries.sections``) and the
first follow-up round when the file had a status column, all in one ``ChangeSet``, so that the
import is one undo step.

``write_into`` adds a department's file to a plan that exists (see ``importers.into``), the same
way: new areas and units after the plan's own, activities after the ones already there.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from db.changes import ChangeSet
from importers.document import in_show_order
from importers.model import ImportedPlan
from models.activity import Activity
from models.area import Area
from models.base import now
from models.followup import FollowUpEntry, FollowUpRound
from models.keyfigure import KeyFigure
from models.limits import SECTION_MAX
from models.plan import Cadence, Plan, PlanKind, PlanStatus
from models.status import Status
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
    _write_contents(changes, plan.id, imported, areas={}, units={}, round_id=None)
    return plan.id


def write_into(into, *, session: Session) -> int:  # noqa: ANN001 - an importers.into.IntoPlan
    """Add the fitted file to its plan, re-reading the plan's units, areas and open round under the
    write lock; returns the number of activities added."""
    from db.queries.ordering import lock_plan
    from db.queries.plans import resolve_plan

    plan = resolve_plan(into.target.plan_id, session=session)
    lock_plan(plan.id, session=session)  # positions follow what is there: nobody adds meanwhile
    changes = ChangeSet(session, plan_id=plan.id)
    areas = {a.name: a for a in session.execute(select(Area).where(Area.plan_id == plan.id)).scalars()}
    units = {u.name: u for u in session.execute(select(Unit).where(Unit.plan_id == plan.id)).scalars()}
    round_id = None
    imported = into.imported
    if imported.round_name is not None:
        rounds = dict(session.execute(select(FollowUpRound.name, FollowUpRound.id)
                                      .where(FollowUpRound.plan_id == plan.id)).all())  # fmt: skip
        if into.round_is_new:
            # A round may have been started meanwhile: the name stays unique.
            from dataclasses import replace

            from models.rounds import unique_round_name

            imported = replace(imported, round_name=unique_round_name(imported.round_name, rounds))
        else:
            round_id = rounds.get(imported.round_name)
    _write_contents(changes, plan.id, imported, areas=areas, units=units, round_id=round_id)
    return len(into.imported.activities)


def _write_contents(
    changes: ChangeSet, plan_id: int, imported: ImportedPlan, *, areas: dict[str, Area],
    units: dict[str, Unit], round_id: int | None,
) -> None:  # fmt: skip
    session = changes.session
    area_ids = {name: area.id for name, area in areas.items()}
    base = max((a.position for a in areas.values()), default=-1) + 1
    for name in imported.areas:
        if name not in area_ids:
            area_ids[name] = changes.insert(Area(plan_id=plan_id, name=name, position=base)).id
            base += 1
    unit_ids: dict[str | None, int | None] = {None: None, **{n: u.id for n, u in units.items()}}
    base = max((u.position for u in units.values()), default=-1) + 1
    for unit in imported.units:
        if unit.name in units:
            continue
        row = Unit(plan_id=plan_id, name=unit.name, manager=unit.manager, date=unit.date, position=base)
        unit_ids[unit.name] = changes.insert(row).id
        base += 1
    _write_narrative(changes, plan_id, imported, unit_ids)
    positions: dict[tuple[int | None, int], int] = {}
    if units:
        ends = session.execute(
            select(Activity.unit_id, Activity.area_id, func.max(Activity.position))
            .where(Activity.plan_id == plan_id).group_by(Activity.unit_id, Activity.area_id)
        ).all()  # fmt: skip
        positions = {(unit_id, area_id): end for unit_id, area_id, end in ends}
    rows = []
    ordered = in_show_order(imported)
    for a in ordered:
        key = (unit_ids[a.unit], area_ids[a.area])
        positions[key] = positions.get(key, -1) + 1
        rows.append(
            Activity(plan_id=plan_id, unit_id=key[0], area_id=key[1], number=a.number,
                     goal=a.goal, description=a.description, target_text=a.target_text,
                     target_date=a.target_date, ongoing=a.ongoing, responsible=a.responsible,
                     resources=a.resources, follow_up=a.follow_up, position=positions[key])
        )  # fmt: skip
    changes.insert_all(rows)
    figures = [KeyFigure(plan_id=plan_id, unit_id=unit_ids[k.unit], name=k.name, period_label=k.period,
                         count=k.count, share=k.share, position=i)
               for i, k in enumerate(imported.key_figures)]  # fmt: skip
    if figures:
        changes.insert_all(figures)
    if imported.round_name is not None:
        _first_round(changes, plan_id, imported.round_name, round_id, list(zip(ordered, rows, strict=True)))


def _write_narrative(
    changes: ChangeSet, plan_id: int, imported: ImportedPlan, unit_ids: dict[str | None, int | None]
) -> None:
    """The sections of ``importers.narrative_sections``; a section the unit already has gets the
    file's text after its own."""
    from db.queries.sections import sections_of, write_section
    from importers.narrative_sections import narrative_sections
    from models.section import SectionKind

    session = changes.session
    for (unit, kind, heading), text in narrative_sections(imported).items():
        unit_id = unit_ids[unit]
        if kind != SectionKind.FREE.value:
            owned = sections_of(plan_id, unit_id, session=session)
            existing = next((s for s in owned if s.kind == kind), None)
            if existing is not None and existing.body:
                text = f"{existing.body}\n\n{text}"
        write_section(plan_id, session=session, kind=kind, body=text[:SECTION_MAX], unit_id=unit_id,
                      title=heading or None, changes=changes)  # fmt: skip


def _first_round(changes: ChangeSet, plan_id: int, name: str, round_id: int | None, pairs: list) -> None:
    """The statuses and comments of a follow-up column: in the plan's open round, or in a new round
    that every activity of the plan gets an entry in (as a round started in the app)."""
    session = changes.session
    ids = [row.id for _, row in pairs]
    if round_id is None:
        round_id = changes.insert(FollowUpRound(plan_id=plan_id, name=name, date=date.today())).id
        ids_of_plan = session.execute(select(Activity.id).where(Activity.plan_id == plan_id)).scalars().all()
        from db.queries.status import statuses_as_of

        # As of the new round, which has no entries yet: each activity's status in the round before.
        carried = statuses_as_of(plan_id, date.today(), round_id, session=session)
        new = set(ids)
        others = [i for i in ids_of_plan if i not in new]
    else:
        carried, others = {}, []
    stamp = now()
    entries = [
        {"round_id": round_id, "activity_id": row.id, "status": a.status or Status.NOT_STARTED.value,
         "comment": a.comment, "reviewed": a.status is not None or bool(a.comment), "updated_at": stamp,
         "version": 1}
        for a, row in pairs
    ] + [
        {"round_id": round_id, "activity_id": i, "status": str(carried.get(i, Status.NOT_STARTED.value)),
         "comment": "", "reviewed": False, "updated_at": stamp, "version": 1}
        for i in others
    ]  # fmt: skip
    changes.insert_rows(FollowUpEntry.__table__, entries)
