"""Plans for the export tests, written through ChangeSet like the app writes them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from db.changes import ChangeSet
from db.queries.plans import create_plan
from models.activity import Activity
from models.area import Area
from models.dates import read_target
from models.followup import FollowUpEntry, FollowUpRound
from models.plan import PlanCreate
from models.unit import Unit

FORMULA_COMMENT = '=HYPERLINK("http://example.invalid","klicka")'
MARKUP_COMMENT = "<script>alert('x')</script> & <b>fet</b> | *inte fet*"
MINUS_RESPONSIBLE = "-Rektor"
SWEDISH = "Förskoleavdelningen på Åsgården"


def add_plan(
    session: Session, title: str = "Kompetensförsörjningsplan 2024–2026"
) -> tuple[int, dict[str, int]]:
    plan = create_plan(
        PlanCreate(title=title, organisation="Barn- och utbildningsförvaltningen", period_start=2024,
                   period_end=2026, decision_body="Barn- och utbildningsnämnden",
                   decision_date=date(2023, 12, 14), decision_paragraph="§ 88"),
        session=session,
    )  # fmt: skip
    areas = {a.name: a.id for a in session.execute(select(Area).where(Area.plan_id == plan.id)).scalars()}
    return plan.id, areas


def add_activity(
    changes: ChangeSet, plan_id: int, unit_id: int | None, area_id: int, **values: object
) -> int:
    target = str(values.pop("target_text", ""))
    reading = read_target(target)
    activity = Activity(plan_id=plan_id, unit_id=unit_id, area_id=area_id, target_text=target,
                        target_date=reading.due_date, ongoing=reading.ongoing, **values)  # fmt: skip
    return changes.insert(activity).id


def add_round(
    changes: ChangeSet, plan_id: int, name: str, day: date, entries: dict[int, tuple[str, str]]
) -> int:
    followup = changes.insert(FollowUpRound(plan_id=plan_id, name=name, date=day))
    for activity_id, (status, comment) in entries.items():
        changes.insert(
            FollowUpEntry(round_id=followup.id, activity_id=activity_id, status=status, comment=comment,
                          reviewed=True)  # set in the meeting: gone through
        )
    return followup.id


def add_tricky_plan(session: Session) -> dict[str, int]:
    """Two units (one with å/ä/ö), a whole-plan activity, risky comments, two rounds and an empty third.

    Returns ids by name: plan, the activities a1..a4.
    """
    plan_id, areas = add_plan(session)
    changes = ChangeSet(session, plan_id=plan_id)
    first = changes.insert(Unit(plan_id=plan_id, name=SWEDISH, manager="Åsa Öberg", date=date(2023, 10, 25)))
    second = changes.insert(Unit(plan_id=plan_id, name="Socialavdelningen", manager="Per Ek", position=1))
    ids = {"plan": plan_id}
    ids["a1"] = add_activity(
        changes,
        plan_id,
        first.id,
        areas["Utveckla"],
        number=1,
        goal="Språkutvecklande arbetssätt",
        description="Kompetensutveckling för alla",
        target_text="År 2024",
        responsible=MINUS_RESPONSIBLE,
        resources="10 timmar",
    )
    ids["a2"] = add_activity(
        changes,
        plan_id,
        first.id,
        areas["Behålla"],
        number=2,
        goal="Färre slutar",
        description="Stay interviews",
        target_text="Löpande",
        responsible="Rektor",
        follow_up="@uppföljning varje termin",
    )
    ids["a3"] = add_activity(
        changes,
        plan_id,
        second.id,
        areas["Rekrytera"],
        number=3,
        goal="Fler socionomer",
        description="Praktikplatser",
        target_text="våren 2024",
        responsible="Enhetschef",
    )
    ids["a4"] = add_activity(changes, plan_id, None, areas["Utveckla"], number=4,
                             goal="Ledarskap", description="Ledarutvecklingsprogram", target_text="2026",
                             responsible="HR-chef")  # fmt: skip
    add_round(changes, plan_id, "T1 2024", date(2024, 4, 20), {
        ids["a1"]: ("in_progress", ""), ids["a2"]: ("in_progress", ""), ids["a3"]: ("not_started", ""),
    })  # fmt: skip
    add_round(changes, plan_id, "T2 2024", date(2024, 8, 28), {
        ids["a1"]: ("done", FORMULA_COMMENT), ids["a2"]: ("in_progress", MARKUP_COMMENT),
        ids["a3"]: ("delayed", "Väntar på högskolan"), ids["a4"]: ("in_progress", ""),
    })  # fmt: skip
    add_round(changes, plan_id, "T3 2024", date(2024, 12, 10), {})
    return ids


def add_big_plan(session: Session, activities: int = 5000, units: int = 10) -> int:
    """A plan with ``activities`` activities over ``units`` units and two rounds with an entry for each."""
    plan_id, areas = add_plan(session, title=f"Stor plan med {activities} aktiviteter")
    changes = ChangeSet(session, plan_id=plan_id)
    area_ids = list(areas.values())
    unit_ids = [changes.insert(Unit(plan_id=plan_id, name=f"Enhet {n}", manager=f"Chef {n}", position=n)).id
                for n in range(units)]  # fmt: skip
    rows = []
    for n in range(activities):
        target = ("År 2025", "våren 2024", "Löpande", "T2 2025")[n % 4]
        reading = read_target(target)
        rows.append(Activity(
            plan_id=plan_id, unit_id=unit_ids[n % units], area_id=area_ids[(n // units) % len(area_ids)],
            number=n + 1, goal=f"Mål {n} för kompetensförsörjningen", target_text=target,
            target_date=reading.due_date, ongoing=reading.ongoing,
            description=f"Aktivitet {n}: utbildning, handledning och uppföljning på arbetsplatsträffar.",
            responsible="Enhetschef, HR-konsult", resources="20 timmar", position=n,
        ))  # fmt: skip
    session.add_all(rows)
    session.flush()
    statuses = ("not_started", "in_progress", "done", "delayed", "cancelled")
    for r, (name, day) in enumerate((("T1 2025", date(2025, 4, 30)), ("T2 2025", date(2025, 8, 31)))):
        followup = changes.insert(FollowUpRound(plan_id=plan_id, name=name, date=day))
        session.add_all(
            FollowUpEntry(round_id=followup.id, activity_id=a.id, status=statuses[(i + r) % 5],
                          comment=f"Kommentar {i}: läget är som väntat, åtgärder planerade." if i % 3 else "")
            for i, a in enumerate(rows)
        )  # fmt: skip
    return plan_id
