"""One plan in full, as plain data: the shape of ``hrplan show --json``.

Later parts (export, import's dry run) rely on this shape: extend it, never break it.

Read with plain SQL, so that ``session`` may be a plain sqlite3 connection (``hrplan show``) or an
SQLAlchemy session. ``plan_stream`` gives the activities and each round's entries as iterators over
the database cursor, for a writer that streams them (memory flat in the plan's size);
``plan_document`` is the same with every list read in full.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator
from typing import Any

from db.queries.plain import fetch_all, fetch_iter
from db.queries.status import LATEST_ENTRY_JOIN, STATUS_FROM_LATEST_SQL, latest_round_id


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else value.isoformat()


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
        "ongoing": bool(a.ongoing),
        "responsible": a.responsible,
        "resources": a.resources,
        "follow_up": a.follow_up,
        "status": status,
    }


_FIELDS = "number goal description target_text target_date ongoing responsible resources follow_up"
_Fields = namedtuple("_Fields", _FIELDS)

# The plan's order: the plan as a whole first, then units, areas and activities by position.
_ACTIVITIES_SQL = f"""
SELECT a.id, u.name, ar.name, {STATUS_FROM_LATEST_SQL} AS status,
       a.number, a.goal, a.description, a.target_text, a.target_date, a.ongoing, a.responsible,
       a.resources, a.follow_up
FROM activity a
JOIN area ar ON ar.id = a.area_id
LEFT JOIN unit u ON u.id = a.unit_id
{LATEST_ENTRY_JOIN.format(latest="?")}
WHERE a.plan_id = ?
ORDER BY CASE WHEN a.unit_id IS NULL THEN -1 ELSE u.position END, u.id, ar.position, ar.id, a.position, a.id
"""


def _activities(plan_id: int, session: Any) -> Iterator[dict]:
    latest = latest_round_id(plan_id, session=session)
    for row in fetch_iter(session, _ACTIVITIES_SQL, (latest, plan_id)):
        yield activity_json(_Fields._make(row[4:]), id=row[0], unit=row[1], area=row[2], status=row[3])


def _entries(round_id: int, session: Any) -> Iterator[dict]:
    sql = ("SELECT activity_id, status, comment, reviewed FROM followup_entry WHERE round_id = ? "
           "ORDER BY activity_id")  # fmt: skip
    for activity_id, status, comment, reviewed in fetch_iter(session, sql, (round_id,)):
        yield {"activity_id": activity_id, "status": status, "comment": comment, "reviewed": bool(reviewed)}


def _plan_row(plan: Any, session: Any) -> tuple:
    from db.errors import NotFoundError

    plan_id = plan if isinstance(plan, int) else plan.id
    rows = fetch_all(
        session,
        "SELECT id, title, kind, organisation, period_start, period_end, decision_body, decision_date, "
        "decision_paragraph, diary_number, cadence, status, notes FROM plan WHERE id = ?",
        (plan_id,),
    )
    if not rows:
        from i18n import t

        raise NotFoundError(what=t("what.plan"), name=str(plan_id))
    return rows[0]


# ``models.section.SectionKind.RISKS``, not imported: that module builds the table model, which a
# plain read does without.
RISKS = "risks"


def _sections(plan_id: int, session: Any) -> dict[int | None, list[dict]]:
    """The plan's narrative sections in their order, by owner: None for the plan's own, else the
    unit's id."""
    rows = fetch_all(session, "SELECT unit_id, kind, title, body FROM section WHERE plan_id = ? "
                              "ORDER BY position, id", (plan_id,))  # fmt: skip
    owners: dict[int | None, list[dict]] = {}
    for unit_id, kind, title, body in rows:
        owners.setdefault(unit_id, []).append({"kind": kind, "title": title, "body": body})
    return owners


def plan_stream(plan: Any, *, session: Any, with_entries: bool = True) -> dict[str, Any]:
    """The plan in full, its activities and each round's entries as iterators (read while written).

    ``plan``: its id, or an object with ``id``. The iterators read from ``session`` when consumed,
    so consume them (in order) while it is open. ``with_entries=False`` leaves every round's
    ``entries`` empty, for callers that read only the entry columns they need.
    """
    (plan_id, title, kind, organisation, start, end, body, decided, paragraph, diary, cadence, status,
     notes) = _plan_row(plan, session)  # fmt: skip
    sql = "SELECT id, name, manager, date FROM unit WHERE plan_id = ? ORDER BY position, id"
    units = fetch_all(session, sql, (plan_id,))
    sections = _sections(plan_id, session)
    areas = fetch_all(session, "SELECT name FROM area WHERE plan_id = ? ORDER BY position, id", (plan_id,))
    figures = fetch_all(
        session,
        "SELECT k.id, u.name, k.name, k.period_label, k.count, k.share FROM key_figure k "
        "LEFT JOIN unit u ON u.id = k.unit_id WHERE k.plan_id = ? ORDER BY k.position, k.id",
        (plan_id,),
    )
    rounds = fetch_all(session, "SELECT id, name, date, closed, notes FROM followup_round WHERE plan_id = ? "
                                "ORDER BY date, id", (plan_id,))  # fmt: skip
    return {
        "id": plan_id,
        "title": title,
        "kind": kind,
        "organisation": organisation,
        "period": [start, end],
        "decision": {"body": body, "date": _iso(decided), "paragraph": paragraph, "diary_number": diary},
        "cadence": cadence,
        "status": status,
        "notes": notes,
        "sections": sections.get(None, []),
        "units": [
            {"id": u[0], "name": u[1], "manager": u[2], "date": _iso(u[3]),
             "risk_analysis": next((x["body"] for x in sections.get(u[0], ()) if x["kind"] == RISKS), ""),
             "sections": sections.get(u[0], [])}
            for u in units
        ],
        "areas": [a[0] for a in areas],
        "activities": _activities(plan_id, session),
        "key_figures": [
            {"id": k[0], "unit": k[1], "name": k[2], "period": k[3], "count": k[4], "share": k[5]}
            for k in figures
        ],
        "rounds": [
            {"id": r[0], "name": r[1], "date": _iso(r[2]), "closed": bool(r[3]), "notes": r[4],
             "entries": _entries(r[0], session) if with_entries else iter(())}
            for r in rounds
        ],  # fmt: skip
    }


def plan_document(plan: Any, *, session: Any, with_entries: bool = True) -> dict[str, Any]:
    """The plan in full, every list read. ``with_entries=False`` leaves each round's ``entries``
    empty, for callers that read only the few entry columns they need (an export of 5,000
    activities in 12 rounds)."""
    document = plan_stream(plan, session=session, with_entries=with_entries)
    document["activities"] = list(document["activities"])
    for r in document["rounds"]:
        r["entries"] = list(r["entries"])
    return document



