"""Where the time goes, for the benchmarks that miss their goal: cProfile summaries, not figures.

``python -m benchmarks.profiles open-plan|open-checklist|presses|loads|export FORMAT [DB]``
(DB: a database made by ``python -m benchmarks.generate``; one is made in a temporary folder when not
given). cProfile sees only the thread it runs in, so ``open-*`` and ``presses`` show the event loop's
share and ``loads`` runs the screens' worker queries on their own.
"""

from __future__ import annotations

import asyncio
import cProfile
import io
import pstats
import sys
import tempfile
from pathlib import Path

from benchmarks.paint import open_round, time_to_first_paint

TOP = 25


def _print(profile: cProfile.Profile, title: str) -> None:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(TOP)
    print(f"== {title}\n{out.getvalue()}")


async def _open(db: Path, which: str, presses: int = 0) -> None:
    from tui.factory import make_app
    from tui.screens.checklist import ChecklistScreen
    from tui.screens.plan import PlanScreen

    screen = PlanScreen(1) if which == "plan" else ChecklistScreen(1, open_round(db, 1))
    app = make_app(db_path=db, lang="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        profile = cProfile.Profile()
        profile.enable()
        seconds = await time_to_first_paint(app, screen)
        profile.disable()
        await app.workers.wait_for_complete()
        if not presses:
            _print(profile, f"opening the {which}: {seconds * 1000:.0f} ms, event loop thread")
            return
        profile = cProfile.Profile()
        profile.enable()
        for i in range(presses):
            await pilot.press("2345"[i % 4])
            await pilot.pause()
        profile.disable()
        await app.workers.wait_for_complete()
        _print(profile, f"{presses} key presses in the checklist, event loop thread (Pilot's waits included)")


def _loads(db: Path) -> None:
    from datetime import date

    from db.engine import Database
    from db.queries.activities import activity_values
    from db.queries.rounds import checklist
    from tui.widgets.activity_table import ActivityIndex

    database = Database(db)
    round_id = open_round(db, 1)
    profile = cProfile.Profile()
    profile.enable()
    with database.read() as session:
        ActivityIndex(activity_values(1, session=session), date.today())
        checklist(round_id, session=session)
    profile.disable()
    _print(profile, "the load workers of the plan (activity_values, ActivityIndex) and the checklist")


def _export(db: Path, fmt: str) -> None:
    from benchmarks.exporting import export_once

    with tempfile.TemporaryDirectory() as tmp:
        export_once(db, fmt, Path(tmp) / f"warm.{fmt}")
        profile = cProfile.Profile()
        profile.enable()
        export_once(db, fmt, Path(tmp) / f"summary.{fmt}")
        profile.disable()
    _print(profile, f"export summary as {fmt}")


def main(argv: list[str]) -> int:
    from benchmarks.generate import generate

    what, rest = argv[0], argv[1:]
    fmt = rest.pop(0) if what == "export" else ""
    with tempfile.TemporaryDirectory(prefix="hrplan-profile-") as tmp:
        db = Path(rest[0]) if rest else generate(Path(tmp) / "large.db")
        if what in ("open-plan", "open-checklist"):
            asyncio.run(_open(db, what.removeprefix("open-")))
        elif what == "presses":
            asyncio.run(_open(db, "checklist", presses=100))
        elif what == "loads":
            _loads(db)
        elif what == "export":
            _export(db, fmt)
        else:
            print(__doc__)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
