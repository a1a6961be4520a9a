"""What an import would write, in the shape of ``hrplan show --json`` (``db.queries.document``).

Every key of that shape is here; ids are null because nothing has been written. An activity's
status is the one a status column gave it (the first round, under ``rounds``), else ``not_started``.
Keys added: ``source`` per activity (the rows, lines or paragraphs it was read from), ``narrative``
(each section per unit, or of the whole plan with the document's heading) and ``warnings``, each
with its message and where it was found.
"""

from __future__ import annotations

from typing import Any

from db.queries.document import activity_json
from importers.model import ImportedPlan


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def preview_document(imported: ImportedPlan) -> dict[str, Any]:
    from importers.narrative_sections import preview_sections

    d = imported.details
    sections = preview_sections(imported)
    return {
        "id": None,
        "title": d.title,
        "kind": d.kind,
        "organisation": d.organisation,
        "period": [d.period_start, d.period_end],
        "decision": {
            "body": d.decision_body,
            "date": _iso(d.decision_date),
            "paragraph": d.decision_paragraph,
            "diary_number": d.diary_number,
        },
        "cadence": d.cadence,
        "status": "active",
        "notes": "",
        "sections": sections.get(None, []),
        "units": [
            {"id": None, "name": u.name, "manager": u.manager, "date": _iso(u.date),
             "risk_analysis": risk_analysis_of(imported, u.name), "sections": sections.get(u.name, [])}
            for u in imported.units
        ],  # fmt: skip
        "areas": list(imported.areas),
        "activities": [
            {**activity_json(a, id=None, unit=a.unit, area=a.area, status=a.status or "not_started"),
             "source": [ref.describe() for ref in a.sources]}
            for a in in_show_order(imported)
        ],
        "key_figures": [
            {"id": None, "unit": k.unit, "name": k.name, "period": k.period, "count": k.count,
             "share": k.share}
            for k in imported.key_figures
        ],
        "rounds": _rounds(imported),
        "narrative": [
            {"unit": n.unit, "kind": n.kind, "heading": n.heading, "text": n.text,
             "source": n.where.describe()}
            for n in imported.narrative
        ],
        "warnings": warnings_list(imported),
    }  # fmt: skip


def _rounds(imported: ImportedPlan) -> list[dict[str, Any]]:
    if imported.round_name is None:
        return []
    from datetime import date

    entries = [
        {"activity_id": None, "status": a.status or "not_started", "comment": a.comment, "reviewed": True}
        for a in in_show_order(imported) if a.status is not None or a.comment
    ]  # fmt: skip
    return [{"id": None, "name": imported.round_name, "date": date.today().isoformat(), "closed": False,
             "notes": "", "entries": entries}]  # fmt: skip


def risk_analysis_of(imported: ImportedPlan, unit: str | None) -> str:
    """The unit's Riskanalys section as the import writes it (its risk analysis in ``show --json``)."""
    return "\n\n".join(n.text for n in imported.narrative if n.kind == "risks" and n.unit == unit)


def in_show_order(imported: ImportedPlan) -> list:
    """Activities ordered as ``hrplan show`` orders them: whole plan first, then unit by unit, each
    area in the plan's order, and the document's order within an area."""
    units = {u.name: i for i, u in enumerate(imported.units)}
    areas = {name: i for i, name in enumerate(imported.areas)}
    indexed = enumerate(imported.activities)
    ordered = sorted(indexed, key=lambda p: (-1 if p[1].unit is None else units.get(p[1].unit, 0),
                                             areas.get(p[1].area, 0), p[0]))  # fmt: skip
    return [a for _, a in ordered]


def warnings_list(imported: ImportedPlan) -> list[dict[str, str]]:
    from i18n import t

    return [
        {"where": w.where.describe(), "message": t(w.key, **dict(w.params))} for w in imported.warnings
    ]


def into_document(into) -> dict[str, Any]:  # noqa: ANN001 - an importers.into.IntoPlan
    """What ``--into`` would add, in the same shape: the plan's id and title, only the units, areas,
    activities, key figures and round entries the file adds, and under ``new`` what the plan does
    not have yet."""
    document = preview_document(into.imported)
    document["id"] = into.target.plan_id
    document["title"] = into.target.title
    document["new"] = {
        "units": list(into.new_units),
        "areas": list(into.new_areas),
        "activities": len(into.imported.activities),
        "round": into.imported.round_name if into.round_is_new else None,
    }
    return document
