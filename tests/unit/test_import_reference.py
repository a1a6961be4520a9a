"""The published plan in ../shared/reference imports as three units with every activity in its area.

The counts below were made by hand from the reference text: rows split by a page break count once,
the cell listing three activities with three target dates counts three.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from importers.files import read_plan_file

ROOT = Path(__file__).resolve().parents[2]
NAME = "kompetensforsorjningsplan-2024-2026.txt"
# ../shared beside the repository; for a worktree kept one folder deeper, beside that folder.
CANDIDATES = [ROOT.parent / "shared" / "reference" / NAME, ROOT.parent.parent / "shared" / "reference" / NAME]
REFERENCE = next((p for p in CANDIDATES if p.exists()), CANDIDATES[0])

FORSKOLA = "Förskoleavdelningen"
ALDRE = "Äldreomsorgsavdelningen, Södermalms sdf"
SOCIALA = "Sociala avdelningen"
BY_HAND = {
    (FORSKOLA, "Utveckla"): 6, (FORSKOLA, "Behålla"): 5, (FORSKOLA, "Attrahera"): 1,
    (FORSKOLA, "Rekrytera"): 1, (FORSKOLA, "Avsluta/Avveckla"): 1, (FORSKOLA, "Övrigt"): 1,
    (ALDRE, "Utveckla"): 3, (ALDRE, "Behålla"): 2, (ALDRE, "Attrahera"): 1, (ALDRE, "Rekrytera"): 1,
    (ALDRE, "Avsluta/Avveckla"): 1,
    (SOCIALA, "Utveckla"): 4, (SOCIALA, "Behålla"): 4, (SOCIALA, "Attrahera"): 2,
    (SOCIALA, "Rekrytera"): 2, (SOCIALA, "Introducera"): 1, (SOCIALA, "Avsluta/Avveckla"): 1,
}  # fmt: skip

pytestmark = pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference plan is not here")


def test_reference_plan_units_and_areas() -> None:
    plan = read_plan_file(REFERENCE)
    assert [(u.name, u.manager, u.date) for u in plan.units] == [
        (FORSKOLA, "Lena Kullberg Boman", date(2023, 10, 25)),
        (ALDRE, "Odini Nzeribe", date(2023, 10, 30)),
        (SOCIALA, "Maria Klemets Hellberg", None),
    ]
    assert dict(Counter((a.unit, a.area) for a in plan.activities)) == BY_HAND
    assert len(plan.activities) == 37
    assert (plan.details.period_start, plan.details.period_end) == (2024, 2026)


def test_reference_split_rows_are_joined() -> None:
    plan = read_plan_file(REFERENCE)
    kockar = next(a for a in plan.activities if a.goal == "Kompetenshöjande insatser för kockar.")
    assert kockar.description.endswith(
        "bland annat ekologiska livsmedel, vegetarisk mat, näringsberäkning och matsvinn."
    )
    intro = next(a for a in plan.activities if a.goal == "Introduktion för nyanställda")
    assert intro.responsible == "Avdelningschef, rektorer, biträdande rektorer och enhetschef"
    assert not any("<" in a.description or "<" in a.target_text for a in plan.activities)
