"""Opening the large plan (``PlanScreen``) at every size: first paint and every row ready.

Each run is a fresh app in the same process: the first run also pays for importing what the plan
screen needs, so it is left out of the median (and shown beside it); five runs are measured.
Goals: first paint ≤ 150 ms and every row ready ≤ 300 ms at 5,000 activities, each ≤ 3 × its 5,000
figure at 50,000 (what the screen shows does not grow with the plan).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from benchmarks.context import Bench
from benchmarks.paint import activity_count, time_to_paints
from benchmarks.report import Result, median, size_label, spread_ms

RUNS = 5
GOALS_MS = {"first paint": 150, "every row ready": 300}
GROWTH = 3


async def _open_once(db: Path, plan_id: int, total: int) -> tuple[float, float]:
    from tui.factory import make_app
    from tui.screens.plan import PlanScreen

    app = make_app(db_path=db, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        paints = await time_to_paints(app, PlanScreen(plan_id), total)
        await app.workers.wait_for_complete()
    return paints


def opening_results(what: str, measured: dict[int, list[tuple[float, float]]], note: str) -> list[Result]:
    """Rows for first paint and every row ready at each size; the smallest size sets the others' goals."""
    results = []
    small = min(measured)
    base: dict[str, float] = {}
    for size, runs in sorted(measured.items()):
        for i, phase in enumerate(GOALS_MS):
            ms = [run[i] * 1000 for run in runs]
            figure = median(ms)
            if size == small:
                base[phase], goal, goal_text = figure, GOALS_MS[phase], ""
            else:
                goal = GROWTH * base[phase]
                goal_text = f"≤ {GROWTH} × {size_label(small)} ({goal:.0f} ms)"
            name = f"open {what}, {size_label(size)} activities, {phase}"
            spread = spread_ms([m / 1000 for m in ms])
            results.append(Result(name, "ms", figure, spread, goal, len(ms), note, goal_text))
    return results


def run(bench: Bench, *, runs: int = RUNS) -> list[Result]:
    measured = {}
    for size, db in bench.databases.items():
        total = activity_count(db, 1)
        asyncio.run(_open_once(db, 1, total))  # imports the screen's modules: not measured
        measured[size] = [asyncio.run(_open_once(db, 1, total)) for _ in range(runs)]
    return opening_results("plan", measured, "push to the first frame with rows / with every row, fresh app")
