"""A large database for the benchmarks: 10 plans, the largest with 5,000 (or 50,000) activities.

Rows are written with SQLAlchemy Core in bulk (this is test data, not user edits, so it skips the
change log); the schema comes from the real migrations.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import insert

from db.engine import Database
from db.migrate import upgrade
from models.area import UBARA_AREAS
from models.status import STATUS_CODES

LARGE_ACTIVITIES = 5_000
LARGE_UNITS = 20
LARGE_ROUNDS = 12
SMALL_PLANS = 9
SMALL_ACTIVITIES = 60

TARGETS = ("År 2025", "2026", "2025-2026", "våren 2026", "hösten 2025", "T1 2026", "T2 2025",
           "Q3 2026", "oktober 2025", "2026-03-31", "Löpande", "Om budget medges")  # fmt: skip
GOALS = ("Kompetenshöjande insatser för {u}", "Fler medarbetare stannar inom {u}",
         "Kortare rekryteringstid i {u}", "Trygg introduktion för nyanställda i {u}")  # fmt: skip
DESCRIPTIONS = (
    "Utbildning på arbetsplatsträffar med stöd av vårdpedagog och uppföljning i ledningsgruppen.",
    "Strukturerade intervjuer, gemensam kravprofil och snabbare referenstagning tillsammans med HR.",
    "Avslutningssamtal och avgångsenkät för alla som slutar; sammanställning en gång per år.",
)


def generate(path: Path, *, activities: int = LARGE_ACTIVITIES, seed: int = 7) -> Path:
    """Create (or replace) the large database at ``path``: its first plan has ``activities`` activities."""
    from models.dates import read_target
    from models.tables import Activity, Area, FollowUpEntry, FollowUpRound, KeyFigure, Plan, Unit

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(seed)
    database = Database(path)
    upgrade(database)
    now = datetime.now(UTC).replace(microsecond=0)
    plan_sizes = [(activities, LARGE_UNITS, LARGE_ROUNDS)] + [(SMALL_ACTIVITIES, 3, 2)] * SMALL_PLANS
    with database.write() as session:
        conn = session.connection()
        for p, (n_activities, n_units, n_rounds) in enumerate(plan_sizes, start=1):
            start = 2020 + p % 5
            conn.execute(insert(Plan), [dict(
                id=p, title=f"Kompetensförsörjningsplan {start}–{start + 2} ({'stor' if p == 1 else p})",
                kind="competence_supply", organisation=f"Förvaltning {p}", period_start=start,
                period_end=start + 2, decision_body="Nämnden", decision_date=None, decision_paragraph="",
                diary_number="", cadence="tertial", status="active", notes="", created_at=now,
                updated_at=now, version=1)])  # fmt: skip
            area_ids = []
            for i, name in enumerate(UBARA_AREAS):
                area_id = p * 100 + i
                conn.execute(insert(Area), [dict(id=area_id, plan_id=p, name=name, position=i)])
                area_ids.append(area_id)
            unit_ids = []
            for u in range(n_units):
                unit_id = p * 1000 + u
                conn.execute(insert(Unit), [dict(
                    id=unit_id, plan_id=p, name=f"Enhet {u + 1:02d}", manager=f"Chef {u + 1}",
                    date=date(start - 1, 10, 1), position=u, version=1)])  # fmt: skip
                unit_ids.append(unit_id)
            activities = []
            for a in range(n_activities):
                unit_id = unit_ids[a % n_units] if a % 25 else None
                target = TARGETS[a % len(TARGETS)]
                reading = read_target(target)
                activities.append(dict(
                    id=p * 100_000 + a, plan_id=p, unit_id=unit_id, area_id=area_ids[a % len(area_ids)],
                    number=a + 1, goal=GOALS[a % len(GOALS)].format(u=f"enhet {a % n_units + 1}"),
                    description=DESCRIPTIONS[a % len(DESCRIPTIONS)], target_text=target,
                    target_date=reading.due_date, ongoing=reading.ongoing,
                    responsible=("Enhetschef", "HR-konsult", "Verksamhetschef")[a % 3],
                    resources="", follow_up="", position=a, created_at=now, updated_at=now,
                    version=1))  # fmt: skip
            conn.execute(insert(Activity), activities)
            for r in range(n_rounds):
                round_id = p * 100 + r
                year, tertial = start + r // 3, r % 3 + 1
                conn.execute(insert(FollowUpRound), [dict(
                    id=round_id, plan_id=p, name=f"T{tertial} {year}",
                    date=date(year, (4, 8, 12)[tertial - 1], 20), notes="",
                    closed=r < n_rounds - 1, created_at=now, version=1)])  # fmt: skip
                conn.execute(insert(FollowUpEntry), [dict(
                    round_id=round_id, activity_id=act["id"], status=rng.choice(STATUS_CODES),
                    comment="Pågår enligt plan." if rng.random() < 0.2 else "", reviewed=True,
                    updated_at=now, version=1) for act in activities])  # fmt: skip
            figures = []
            for unit_id in unit_ids:
                for year in range(start, start + 3):
                    figures.append(dict(plan_id=p, unit_id=unit_id, name="personalomsättning",
                                        period_label=str(year), count=rng.randint(2, 60),
                                        share=round(rng.uniform(5, 25), 1),
                                        position=len(figures)))  # fmt: skip
            conn.execute(insert(KeyFigure), figures)
    database.dispose()
    return path


if __name__ == "__main__":
    import sys

    size = int(sys.argv[2]) if len(sys.argv) > 2 else LARGE_ACTIVITIES
    print(generate(Path(sys.argv[1] if len(sys.argv) > 1 else "bench-large.db"), activities=size))
