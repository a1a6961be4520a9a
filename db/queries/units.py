"""Units (Avdelning/Enhet) of a plan: listing, adding, editing, reordering and removing.

A unit's risk analysis is its Riskanalys section (``db.queries.sections``); the unit editor reads and
writes it here as one of the unit's fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from db.changes import ChangeSet
from db.errors import NotFoundError
from db.queries.ordering import check_version, next_in_plan, refuse, refuse_invalid, shift_in_plan
from db.queries.sections import unit_risk_texts
from models.activity import Activity
from models.limits import NAME_MAX, SECTION_MAX
from models.unit import Unit
from models.validation import Invalid, clean_text


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: int
    plan_id: int
    name: str
    manager: str
    date: date | None
    risk_analysis: str
    position: int
    version: int
    activity_count: int


@dataclass(frozen=True, slots=True)
class UnitFields:
    """What the unit editor saves."""

    name: str
    manager: str = ""
    date: date | None = None
    risk_analysis: str | None = None  # None: the Riskanalys section stays as it is


def check_unit(data: UnitFields) -> tuple[UnitFields, dict[str, Invalid]]:
    """The fields as stored, and the refusals per field name."""
    errors: dict[str, Invalid] = {}
    values = {}
    for name, limit, required, multiline in (
        ("name", NAME_MAX, True, False),
        ("manager", NAME_MAX, False, False),
        ("risk_analysis", SECTION_MAX, False, True),
    ):
        if getattr(data, name) is None:
            values[name] = None
            continue
        try:
            values[name] = clean_text(
                getattr(data, name), limit=limit, required=required, multiline=multiline
            )
        except Invalid as exc:
            errors[name] = exc
            values[name] = getattr(data, name)
    return UnitFields(date=data.date, **values), errors


_LABELS = {"name": "plan.unit_name", "manager": "plan.unit_manager", "risk_analysis": "plan.unit_risks"}


def list_units(plan_id: int, *, session: Session,
               activity_counts: Mapping[int | None, int] | None = None) -> list[UnitRow]:  # fmt: skip
    """The plan's units in order. ``activity_counts``: unit id → its activities, when the caller has
    counted them already (``db.queries.activities.place_counts``)."""
    if activity_counts is None:
        from db.queries.activities import place_counts
        from models.plan_activities import PlaceCounts

        activity_counts = PlaceCounts(place_counts(plan_id, session=session)).by_unit
    counts = activity_counts
    units = session.execute(
        select(Unit).where(Unit.plan_id == plan_id).order_by(Unit.position, Unit.id)
    ).scalars()
    risks = unit_risk_texts(plan_id, session=session)
    return [
        UnitRow(id=u.id, plan_id=u.plan_id, name=u.name, manager=u.manager, date=u.date,
                risk_analysis=risks.get(u.id, ""), position=u.position, version=u.version,
                activity_count=counts.get(u.id, 0))
        for u in units
    ]  # fmt: skip


def _load(unit_id: int, session: Session) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        from i18n import t

        raise NotFoundError(what=t("what.unit"), name=str(unit_id))
    return unit


def _checked(plan_id: int, data: UnitFields, session: Session, *, unit_id: int | None = None) -> dict:
    cleaned, errors = check_unit(data)
    if errors:
        name, error = next(iter(errors.items()))
        raise refuse_invalid(_LABELS[name], error)
    same_name = select(Unit.id).where(Unit.plan_id == plan_id, func.lower(Unit.name) == cleaned.name.lower())
    if unit_id is not None:
        same_name = same_name.where(Unit.id != unit_id)
    if session.execute(same_name).first() is not None:
        raise refuse("plan.unit_name", "invalid.duplicate")
    return {"name": cleaned.name, "manager": cleaned.manager, "date": cleaned.date,
            "risk_analysis": cleaned.risk_analysis}  # fmt: skip


def _write_risks(changes: ChangeSet, unit: Unit, text: str | None) -> bool:
    """The unit's Riskanalys section gets ``text`` (made when missing and ``text`` is not empty)."""
    from db.queries.sections import write_section
    from models.section import Section, SectionKind

    if text is None:
        return False
    current = changes.session.execute(
        select(Section.body).where(Section.unit_id == unit.id, Section.kind == SectionKind.RISKS)
    ).first()
    if (current is None and not text) or (current is not None and current[0] == text):
        return False
    write_section(unit.plan_id, session=changes.session, kind=SectionKind.RISKS, body=text,
                  unit_id=unit.id, changes=changes)  # fmt: skip
    return True


def add_unit(plan_id: int, data: UnitFields, *, session: Session) -> int:
    """A new unit, last in the plan's order."""
    values = _checked(plan_id, data, session)
    risks = values.pop("risk_analysis")
    position = next_in_plan(Unit.position, Unit.plan_id == plan_id, plan_id=plan_id, session=session)
    changes = ChangeSet(session, plan_id=plan_id)
    unit = changes.insert(Unit(plan_id=plan_id, position=position, **values))
    _write_risks(changes, unit, risks)
    return unit.id


def update_unit(
    unit_id: int, data: UnitFields, *, session: Session, expected_version: int | None = None
) -> bool:
    unit = _load(unit_id, session)
    values = _checked(unit.plan_id, data, session, unit_id=unit_id)
    risks = values.pop("risk_analysis")
    changes = ChangeSet(session, plan_id=unit.plan_id)
    changed = bool(changes.update(unit, values, expected_version=expected_version))
    return _write_risks(changes, unit, risks) or changed


def shift_unit(unit_id: int, step: int, *, session: Session) -> bool:
    """One place down (1) or up (-1) in the plan's order of units. False at either end."""
    return shift_in_plan(session, _load(unit_id, session), step)


def unit_activity_titles(unit_id: int, *, session: Session) -> list[str]:
    """The activities that go when the unit goes: their goal (or description when the goal is empty)."""
    rows = session.execute(
        select(Activity.goal, Activity.description)
        .where(Activity.unit_id == unit_id)
        .order_by(Activity.area_id, Activity.position, Activity.id)
    ).all()
    return [(goal or description).split("\n")[0] for goal, description in rows]


def delete_unit(unit_id: int, *, session: Session, expected_version: int | None = None) -> None:
    """Remove the unit with its activities, key figures and follow-up entries: one undoable change."""
    unit = _load(unit_id, session)
    check_version(unit, expected_version, "what.unit")
    ChangeSet(session, plan_id=unit.plan_id).delete(unit)
