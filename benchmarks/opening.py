"""Opening the 5,000-activity plan (``PlanScreen``): push to the first frame that shows its rows.

Each run is a fresh app in the same process: the first run also pays for importing what the plan
screen needs, the later ones show the steady figure. The median is quoted, the first run beside it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from benchmarks.paint import time_to_first_paint
from benchmarks.report import Result, median, spread_of

RUNS = 5


async def _open_once(db: Path, plan_id: int) -> float:
    from tui.factory import make_app
    from tui.screens.plan import PlanScreen

    app = make_app(db_path=db, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        seconds = await time_to_first_paint(app, PlanScreen(plan_id))
        await app.workers.wait_for_complete()
    return seconds


def run(large_db: Path, *, runs: int = RUNS) -> list[Result]:
    ms = [asyncio.run(_open_once(large_db, 1)) * 1000 for _ in range(runs)]
    return [
        Result("open plan, 5,000 activities", "ms", median(ms), spread_of(ms, digits=0), 150, runs,
               f"push to first paint with rows; first run {ms[0]:.0f} ms")
    ]  # fmt: skip
