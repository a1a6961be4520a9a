"""What the child process of the meeting kill test does: the real app, in a follow-up meeting.

The app (``make_app``, run headless by Pilot) opens the plan's follow-up, then presses status keys
on rows up and down the checklist, now and then waiting a frame, for ever: the test kills it. Its
writes are slowed as on a busy disk (``slow_disk``). It reports, through ``report``:

- ``press AID STATUS`` before a key that sets STATUS on activity AID is pressed;
- ``shown AID STATUS stored`` or ``shown AID STATUS pending`` whenever what the screen shows for a
  row it has changed (its status, and whether it is marked as not yet stored) is new.

Every status shown without the pending mark must be in the database; the test checks that.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

KEYS = {"1": "not_started", "2": "in_progress", "3": "done", "4": "delayed", "5": "cancelled"}


def shown_state(screen, aid: int) -> tuple[str, bool]:  # noqa: ANN001
    """What the checklist shows for the row: its status, and whether it shows it as stored (the row
    has no pending mark). Read from the screen's meeting model, which the row is drawn from."""
    return screen.meeting.shown(aid).status, not screen.meeting.is_pending(aid)


def slow_disk(seed: int) -> None:
    """Every write transaction takes 0-150 ms more before its commit, as on a slow or busy disk, so
    that kills land while writes are under way as they do in real meetings."""
    import time
    from contextlib import contextmanager

    from db import engine

    rng = random.Random(seed)
    write = engine.Database.write

    @contextmanager
    def slow_write(self):  # noqa: ANN001, ANN202
        with write(self) as session:
            yield session
            time.sleep(rng.uniform(0, 0.15))

    engine.Database.write = slow_write


async def meeting(path: Path, seed: int, report: Callable[[str], None]) -> None:
    from tui.factory import make_app
    from tui.screens.checklist import ChecklistScreen
    from tui.widgets.row_list import RowList

    rng = random.Random(seed)
    slow_disk(seed)
    app = make_app(db_path=path, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f")
        while not (isinstance(app.screen, ChecklistScreen) and app.screen.meeting.complete):
            await pilot.pause()
        screen = app.screen
        rows = screen.query_one(RowList)
        last: dict[int, tuple[str, bool]] = {}

        def look() -> None:
            for aid in list(last):
                now = shown_state(screen, aid)
                if now != last[aid]:
                    last[aid] = now
                    report(f"shown {aid} {now[0]} {'stored' if now[1] else 'pending'}")

        report("ready")
        while True:
            roll = rng.random()
            if roll < 0.7 and isinstance(rows.cursor_key, int):
                aid = rows.cursor_key
                key = rng.choice(sorted(KEYS))
                last.setdefault(aid, ("", True))
                report(f"press {aid} {KEYS[key]}")
                await pilot.press(key)
            elif roll < 0.85:
                await pilot.press(rng.choice(["down", "down", "up"]))
            else:
                await pilot.pause()
            look()
