"""Opening the large plan's checklist, and key presses in it, measured inside the running app.

Hooks, not Pilot's waits, give the times: the moment the app receives a key event (``on_event``),
the moment a frame is composed and turned into terminal output (``_display``, rendered the same way a
real terminal driver would), and the moment the write thread has committed the change.
Pilot only paces the presses.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from benchmarks.paint import open_round, time_to_first_paint
from benchmarks.report import Result, median, p95

PRESSES = int(__import__("os").environ.get("BENCH_PRESSES", 500))
KEYS = ("2", "3", "4", "1", "5")
CODES = {"1": "not_started", "2": "in_progress", "3": "done", "4": "delayed", "5": "cancelled"}
LABELS = {"1": "Ej påbörjad", "2": "Pågår", "3": "Klar", "4": "Försenad", "5": "Avbruten"}


class Marks:
    def __init__(self) -> None:
        self.key_at: float | None = None
        self.frames: list[tuple[float, str]] = []
        self.stored_at: float | None = None


def _install_hooks(app, marks: Marks) -> None:  # noqa: ANN001
    from textual import events

    original_on_event = app.on_event

    async def on_event(event):  # noqa: ANN001, ANN202
        if isinstance(event, events.Key):
            marks.key_at = time.perf_counter()
            marks.frames.clear()
            marks.stored_at = None
        return await original_on_event(event)

    app.on_event = on_event
    original_display = app._display

    def display(screen, renderable):  # noqa: ANN001, ANN202
        if renderable is not None and marks.key_at is not None:
            render = getattr(renderable, "render_segments", None)
            text = render(app.console) if render else ""
            marks.frames.append((time.perf_counter(), text))
        return original_display(screen, renderable)

    app._display = display

    from db.engine import Database

    original_write = Database.write

    from contextlib import contextmanager

    @contextmanager
    def write(self):  # noqa: ANN001, ANN202
        with original_write(self) as session:
            yield session
        marks.stored_at = time.perf_counter()

    Database.write = write


async def _measure(db: Path, plan_id: int) -> tuple[list[float], float, float]:
    from db.engine import Database
    from tui.factory import make_app
    from tui.screens.checklist import ChecklistScreen

    round_id = open_round(db, plan_id)
    app = make_app(db_path=db, lang="sv")
    marks = Marks()
    original_write = Database.write
    try:
        return await _presses(app, marks, ChecklistScreen(plan_id, round_id))
    finally:
        Database.write = original_write  # the hook must not outlive this benchmark


async def _presses(app, marks: Marks, screen) -> tuple[list[float], float, tuple]:  # noqa: ANN001
    from tui.widgets.row_list import RowList

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        open_time = await time_to_first_paint(app, screen)
        rows = screen.query_one(RowList)
        await pilot.pause()
        _install_hooks(app, marks)
        times: list[float] = []
        drawn: list[float] = []
        stored: list[float] = []
        for i in range(PRESSES):
            # Every press must change the row under the cursor, or nothing would be drawn or stored.
            current = screen.meeting.shown(rows.cursor_key).status
            key = next(k for k in KEYS[i % len(KEYS):] + KEYS if CODES[k] != current)
            await pilot.press(key)
            deadline = time.perf_counter() + 5
            while marks.stored_at is None and time.perf_counter() < deadline:
                await asyncio.sleep(0.0005)
            shown = next((at for at, text in marks.frames if LABELS[key] in text), None)
            if shown is None or marks.stored_at is None or marks.key_at is None:
                raise RuntimeError(f"press {i}: no frame with {LABELS[key]!r} or nothing stored")
            times.append(max(shown, marks.stored_at) - marks.key_at)
            drawn.append(shown - marks.key_at)
            stored.append(marks.stored_at - marks.key_at)
            if i % len(KEYS) == len(KEYS) - 1:
                await pilot.press("down")
                await app.workers.wait_for_complete()
        await app.workers.wait_for_complete()
    return times, open_time, (drawn, stored)


def sqlite_floor(db: Path, runs: int = PRESSES) -> list[float]:
    """A raw UPDATE + COMMIT of one entry on the same file, as the app's connections are set up."""
    from db.engine import configure_connection

    conn = sqlite3.connect(db)
    configure_connection(conn)
    entry_id = conn.execute("SELECT id FROM followup_entry LIMIT 1").fetchone()[0]
    times = []
    for i in range(runs):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        status = ("done", "delayed")[i % 2]
        conn.execute("UPDATE followup_entry SET status = ? WHERE id = ?", (status, entry_id))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return times


def run(large_db: Path) -> list[Result]:
    times, open_time, (drawn, stored) = asyncio.run(_measure(large_db, 1))
    floor = sqlite_floor(large_db)
    ms = [t * 1000 for t in times]
    floor_ms = [t * 1000 for t in floor]
    return [
        Result("open checklist, 5,000 activities", "ms", open_time * 1000, "one run", 150, 1,
               "push to first paint with rows"),
        Result("key press in checklist, p95", "ms", p95(ms),
               f"median {median(ms):.1f} ms", 16, len(ms),
               f"drawn: median {median(drawn) * 1000:.1f}, p95 {p95(drawn) * 1000:.1f} ms; "
               f"stored: median {median(stored) * 1000:.1f}, p95 {p95(stored) * 1000:.1f} ms; "
               f"floor: raw UPDATE+COMMIT median {median(floor_ms):.2f} ms, p95 {p95(floor_ms):.2f} ms"),
    ]  # fmt: skip
