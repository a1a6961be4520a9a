"""Shared by the benchmarks that open a screen: from pushing it to its first paint, and to every row ready.

A paint is a frame Textual composes (``App._display``, the hook a real terminal driver is fed from).
"First paint": the first frame after the screen's list holds rows, so the figure covers loading,
building the rows and drawing them, not only the moment the data arrived. "Every row ready": the
first frame after the list holds a row for every activity of the plan and the screen's own workers
are done (search, filters and next-not-reviewed work on every row from then on).
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT_S = 120.0
QUIET_S = 0.3  # no frame this long after every row is ready: nothing was left to draw


def open_round(db: Path, plan_id: int) -> int:
    """The plan's latest round, reopened so that the checklist takes key presses."""
    with sqlite3.connect(db) as conn:
        round_id = conn.execute(
            "SELECT id FROM followup_round WHERE plan_id = ? ORDER BY date DESC, id DESC LIMIT 1", (plan_id,)
        ).fetchone()[0]
        conn.execute("UPDATE followup_round SET closed = 0 WHERE id = ?", (round_id,))
    return round_id


async def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"gave up after {TIMEOUT_S:.0f} s waiting for {what}")
        await asyncio.sleep(0.001)


def has_rows(screen: Any) -> bool:
    """True once a row list on ``screen`` (the checklist's, the plan's activity table) holds rows."""
    from tui.widgets.row_list import RowList

    return any(rows.rows for rows in screen.query(RowList))


def item_count(screen: Any) -> int:
    """Rows of activities (not headings) in the screen's row list."""
    from tui.widgets.row_list import RowList

    return max((sum(1 for row in rows.rows if not row.group) for rows in screen.query(RowList)), default=0)


def screen_busy(app: Any, screen: Any) -> bool:
    """Whether a worker of the screen itself (loading, building a view) still runs."""
    return any(worker.node is screen and not worker.is_finished for worker in app.workers)


def activity_count(db: Path, plan_id: int) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM activity WHERE plan_id = ?", (plan_id,)).fetchone()[0]


async def time_to_paints(app: Any, screen: Any, total: int) -> tuple[float, float]:
    """Seconds from ``push_screen(screen)`` to the first paint with rows, and to the first paint with
    all ``total`` rows ready."""
    frames: list[float] = []
    original = app._display

    def display(shown: Any, renderable: Any) -> Any:
        if renderable is not None:
            frames.append(time.perf_counter())
        return original(shown, renderable)

    def frame_after(moment: float) -> float | None:
        return next((at for at in frames if at >= moment), None)

    app._display = display
    try:
        pushed = time.perf_counter()
        await app.push_screen(screen)
        await _wait_for(lambda: has_rows(screen), "rows")
        filled = time.perf_counter()
        await _wait_for(lambda: frame_after(filled) is not None, "a frame with rows")
        # Workers first: counting the rows walks every one of them on the event loop (13 ms at 50,000),
        # which would delay the screen it measures if done on every poll.
        await _wait_for(lambda: not screen_busy(app, screen) and item_count(screen) >= total, "every row")
        ready = time.perf_counter()
        # The rest of the rows may change nothing on screen (they are below it): then no frame comes.
        deadline = ready + QUIET_S
        while frame_after(ready) is None and time.perf_counter() < deadline:
            await asyncio.sleep(0.001)
    finally:
        app._display = original
    return frame_after(filled) - pushed, (frame_after(ready) or ready) - pushed


async def time_to_first_paint(app: Any, screen: Any) -> float:
    """Seconds from ``push_screen(screen)`` to the first frame composed once its row list has rows."""
    frames: list[float] = []
    original = app._display

    def display(shown: Any, renderable: Any) -> Any:
        if renderable is not None:
            frames.append(time.perf_counter())
        return original(shown, renderable)

    app._display = display
    try:
        pushed = time.perf_counter()
        await app.push_screen(screen)
        await _wait_for(lambda: has_rows(screen), "rows")
        filled = time.perf_counter()
        await _wait_for(lambda: any(at >= filled for at in frames), "a frame with rows")
    finally:
        app._display = original
    return next(at for at in frames if at >= filled) - pushed
