"""How an import's narrative becomes the plan's sections: one rule for the writer and for the dry
run's preview (which shows them in ``hrplan show --json``'s shape before anything is written).

Each unit's sections go by kind (two "Riskanalys" of one unit are one section, their texts joined);
a section of the whole plan of a plan's own kind is that section; any other section outside a unit
becomes a section of the plan's own, titled as the document heads it.
"""

from __future__ import annotations

from importers.model import ImportedPlan
from models.limits import NAME_MAX, SECTION_MAX
from models.section import PLAN_KINDS, SectionKind, kind_rank
from models.validation import Invalid, clean_text

# (unit name or None for the plan, kind, title) → the text
Sections = dict[tuple[str | None, str, str], str]


def narrative_sections(imported: ImportedPlan) -> Sections:
    texts: Sections = {}
    for n in imported.narrative:
        if n.unit is not None or n.kind in PLAN_KINDS:
            key = (n.unit, n.kind, "")
        else:
            key = (None, SectionKind.FREE.value, n.heading[:NAME_MAX])
        texts[key] = "\n\n".join(x for x in (texts.get(key), n.text) if x)
    return texts


def preview_sections(imported: ImportedPlan) -> dict[str | None, list[dict[str, str]]]:
    """The sections a new plan gets, per owner (unit name, None for the plan) in the order it keeps
    them: standard kinds in their order, then the plan's own sections as they came."""
    owners: dict[str | None, list[dict[str, str]]] = {}
    for (unit, kind, title), text in narrative_sections(imported).items():
        section = {"kind": kind, "title": _clean(title, NAME_MAX, False),
                   "body": _clean(text[:SECTION_MAX], SECTION_MAX, True)}  # fmt: skip
        owners.setdefault(unit, []).append(section)
    for unit, sections in owners.items():
        sections.sort(key=lambda s: kind_rank(s["kind"], for_unit=unit is not None))
    return owners


def _clean(text: str, limit: int, multiline: bool) -> str:
    try:
        return clean_text(text, limit=limit, multiline=multiline)
    except Invalid:
        return text
