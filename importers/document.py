"""What an import would write, in the shape of ``hrplan show --json`` (``db.queries.document``).

Every key of that shape is here; ids are null because nothing has been written, every activity's
status is ``not_started``, and there are no key figures or follow-up rounds. One key is added:
``warnings``, each with its message and where it was found.
"""

from __future__ import annotations

from typing import Any

from db.queries.document import activity_json
from importers.model import ImportedPlan


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def preview_document(imported: ImportedPlan) -> dict[str, Any]:
    d = imported.details
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
        "units": [
            {"id": None, "name": u.name, "manager": u.manager, "date": _iso(u.date), "risk_analysis": ""}
            for u in imported.units
        ],
        "areas": list(imported.areas),
        "activities": [
            activity_json(a, id=None, unit=a.unit, area=a.area, status="not_started")
            for a in in_show_order(imported)
        ],
        "key_figures": [],
        "rounds": [],
        "warnings": warnings_list(imported),
    }


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
