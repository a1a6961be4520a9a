"""Narrative sections of a plan and its units: listing, writing, renaming, reordering and removing.

Every write goes through a ``ChangeSet`` (versioned, in the change log, one undo step). Pass
``changes`` to make a write part of a larger change, such as an import of a whole plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.changes import ChangeSet
from db.errors import InvalidInputError, NotFoundError
from db.queries.ordering import check_version, refuse, refuse_invalid, shift_within
from models.limits import NAME_MAX, SECTION_MAX
from models.section import PLAN_KINDS, UNIT_KINDS, Section, SectionKind, kind_rank
from models.unit import Unit
from models.validation import Invalid, clean_text


@dataclass(frozen=True, slots=True)
class SectionRow:
    id: int
    plan_id: int
    unit_id: int | None
    kind: str
    title: str  # as stored: empty while the section keeps its kind's name
    body: str
    position: int
    version: int

    @property
    def heading(self) -> str:
        """The title to show: the stored one, else the kind's name in the current language."""
        return section_heading(self.kind, self.title)


def section_heading(kind: str, title: str = "") -> str:
    from i18n import t

    return title or t(f"section.{kind}")


def kinds_for(unit_id: int | None) -> tuple[SectionKind, ...]:
    """The standard sections of the plan (``unit_id`` None) or of a unit, in their order."""
    return PLAN_KINDS if unit_id is None else UNIT_KINDS


def _row(s: Section) -> SectionRow:
    return SectionRow(id=s.id, plan_id=s.plan_id, unit_id=s.unit_id, kind=str(s.kind), title=s.title,
                      body=s.body, position=s.position, version=s.version)  # fmt: skip


def list_sections(plan_id: int, *, session: Session) -> list[SectionRow]:
    """Every section of the plan: the plan's own first, then each unit's in the units' order."""
    rows = session.execute(
        select(Section, Unit.position)
        .outerjoin(Unit, Unit.id == Section.unit_id)
        .where(Section.plan_id == plan_id)
    ).all()
    rows.sort(key=lambda r: (r[0].unit_id is not None, r[1] or 0, r[0].unit_id or 0, r[0].position, r[0].id))
    return [_row(s) for s, _ in rows]


def sections_of(plan_id: int, unit_id: int | None, *, session: Session) -> list[SectionRow]:
    """The sections of the plan itself (``unit_id`` None) or of one unit, in order."""
    owner = Section.unit_id.is_(None) if unit_id is None else Section.unit_id == unit_id
    found = session.execute(
        select(Section).where(Section.plan_id == plan_id, owner).order_by(Section.position, Section.id)
    ).scalars()
    return [_row(s) for s in found]


def get_section(section_id: int, *, session: Session) -> SectionRow:
    return _row(_load(section_id, session))


def check_section(kind: str, title: str, body: str) -> tuple[str, str, dict[str, Invalid]]:
    """The title and body as stored, and the refusals by field (``title``, ``body``); for the editor."""
    errors: dict[str, Invalid] = {}
    try:
        clean_title = clean_text(title, limit=NAME_MAX, required=kind == SectionKind.FREE, multiline=False)
    except Invalid as exc:
        errors["title"], clean_title = exc, title
    try:
        clean_body = clean_text(body, limit=SECTION_MAX, multiline=True)
    except Invalid as exc:
        errors["body"], clean_body = exc, body
    return clean_title, clean_body, errors


_LABELS = {"title": "section.field_title", "body": "section.field_body"}


def _checked(kind: str, title: str, body: str) -> tuple[str, str]:
    clean_title, clean_body, errors = check_section(kind, title, body)
    if errors:
        name, error = next(iter(errors.items()))
        raise refuse_invalid(_LABELS[name], error)
    return clean_title, clean_body


def _load(section_id: int, session: Session) -> Section:
    section = session.get(Section, section_id)
    if section is None:
        from i18n import t

        raise NotFoundError(what=t("what.section"), name=str(section_id))
    return section


def _owner_sections(session: Session, plan_id: int, unit_id: int | None) -> list[Section]:
    owner = Section.unit_id.is_(None) if unit_id is None else Section.unit_id == unit_id
    return list(
        session.execute(
            select(Section).where(Section.plan_id == plan_id, owner).order_by(Section.position, Section.id)
        ).scalars()
    )


def add_section(
    plan_id: int,
    *,
    session: Session,
    kind: str = SectionKind.FREE,
    title: str = "",
    body: str = "",
    unit_id: int | None = None,
    changes: ChangeSet | None = None,
) -> int:
    """A new section of the plan (``unit_id`` None) or of a unit; returns its id.

    A standard kind takes its place among the owner's sections (Analys after Uppgifter, before
    Riskanalys), a free section goes last. Refused: a kind that does not belong to the owner, a
    standard kind the owner already has, a free section without a title.
    """
    try:
        kind = SectionKind(kind)
    except ValueError:
        raise refuse("section.field_kind", "invalid.choice", choices=", ".join(SectionKind)) from None
    if kind != SectionKind.FREE and kind not in kinds_for(unit_id):
        raise refuse("section.field_kind", "invalid.choice",
                     choices=", ".join([*kinds_for(unit_id), SectionKind.FREE]))  # fmt: skip
    if unit_id is not None:
        unit = session.get(Unit, unit_id)
        if unit is None or unit.plan_id != plan_id:
            from i18n import t

            raise NotFoundError(what=t("what.unit"), name=str(unit_id))
    clean_title, clean_body = _checked(kind, title, body)
    siblings = _owner_sections(session, plan_id, unit_id)
    if kind != SectionKind.FREE and any(s.kind == kind for s in siblings):
        raise InvalidInputError("section.exists", name=section_heading(kind, clean_title))
    for_unit = unit_id is not None
    rank = kind_rank(kind, for_unit=for_unit)
    later = (i for i, s in enumerate(siblings) if kind_rank(s.kind, for_unit=for_unit) > rank)
    index = next(later, len(siblings))
    changes = changes or ChangeSet(session, plan_id=plan_id)
    for position, sibling in enumerate(siblings):
        wanted = position if position < index else position + 1
        if sibling.position != wanted:
            changes.update(sibling, {"position": wanted})
    section = Section(plan_id=plan_id, unit_id=unit_id, kind=kind, title=clean_title, body=clean_body,
                      position=index)  # fmt: skip
    return changes.insert(section).id


def update_section(
    section_id: int,
    *,
    session: Session,
    title: str | None = None,
    body: str | None = None,
    expected_version: int | None = None,
    changes: ChangeSet | None = None,
) -> bool:
    """Rename and/or rewrite a section; None leaves a field as it is. True when something changed.

    ``expected_version`` (the version the editor read) refuses an edit made meanwhile elsewhere.
    An empty title gives a standard section its kind's name back.
    """
    section = _load(section_id, session)
    check_version(section, expected_version, "what.section")
    clean_title, clean_body = _checked(
        section.kind, section.title if title is None else title, section.body if body is None else body
    )
    changes = changes or ChangeSet(session, plan_id=section.plan_id)
    return bool(changes.update(section, {"title": clean_title, "body": clean_body},
                               expected_version=expected_version))  # fmt: skip


def write_section(
    plan_id: int,
    *,
    session: Session,
    kind: str,
    body: str,
    unit_id: int | None = None,
    title: str | None = None,
    changes: ChangeSet | None = None,
) -> int:
    """The body of the owner's standard section of ``kind``: written into it, or a new one made.

    For a door that knows the section by kind, not id (the unit editor's risk analysis, an import).
    """
    existing = next((s for s in _owner_sections(session, plan_id, unit_id) if s.kind == kind), None)
    if existing is None or kind == SectionKind.FREE:
        return add_section(plan_id, session=session, kind=kind, title=title or "", body=body,
                           unit_id=unit_id, changes=changes)  # fmt: skip
    update_section(existing.id, session=session, title=title, body=body, changes=changes)
    return existing.id


def shift_section(section_id: int, step: int, *, session: Session) -> bool:
    """One place down (1) or up (-1) among its owner's sections. False at either end."""
    section = _load(section_id, session)
    siblings = _owner_sections(session, section.plan_id, section.unit_id)
    return shift_within(ChangeSet(session, plan_id=section.plan_id), siblings, section_id, step)


def delete_section(section_id: int, *, session: Session, expected_version: int | None = None) -> None:
    """Remove a section (undoable: the change log keeps its text)."""
    section = _load(section_id, session)
    check_version(section, expected_version, "what.section")
    ChangeSet(session, plan_id=section.plan_id).delete(section)


def unit_risk_texts(plan_id: int, *, session: Any) -> dict[int, str]:
    """Each unit's Riskanalys section's text, by unit id (units without one are left out).

    ``session``: an SQLAlchemy session or a plain sqlite3 connection (``hrplan show`` reads plainly).
    """
    from db.queries.plain import fetch_all

    found = fetch_all(
        session,
        "SELECT unit_id, body FROM section WHERE plan_id = ? AND kind = ? AND unit_id IS NOT NULL",
        (plan_id, SectionKind.RISKS.value),
    )
    return {unit_id: body for unit_id, body in found}


def copy_sections(from_plan: int, to_plan: int, unit_ids: dict[int, int], *, changes: ChangeSet) -> None:
    """Every section of ``from_plan`` into ``to_plan`` (a copy to the next period); ``unit_ids`` maps
    the old units' ids to the new ones'."""
    for s in changes.session.execute(select(Section).where(Section.plan_id == from_plan)).scalars().all():
        if s.unit_id is not None and s.unit_id not in unit_ids:
            continue
        changes.insert(Section(plan_id=to_plan, unit_id=unit_ids.get(s.unit_id) if s.unit_id else None,
                               kind=s.kind, title=s.title, body=s.body, position=s.position))  # fmt: skip
