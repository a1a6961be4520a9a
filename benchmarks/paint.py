"""Shared by the benchmarks that open a screen: the time from pushing it to its first full paint.

"Full paint" is the first frame Textual composes (``App._display``, the hook a real terminal driver
is fed from) after the screen's list holds its rows, so the figure covers loading, building the rows
and drawing them, not only the moment the data arrived.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT_S = 60.0


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
