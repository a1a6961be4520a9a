"""The large plan's checklist at every size: opening it, and key presses in it.

Opening: five fresh apps (after one that pays for the imports), each measured to its first paint and
to every row ready (``benchmarks.paint``). Then one status key is pressed, "first press after
opening": 50 ms after the frame that shows every row ready (typing speed, as in the bursts below;
nobody presses a key in the same frame they first see the screen). Five more fresh apps press in
that very frame, for reference: such a press waits for Textual's next frame slot (at most 60 frames
a second, so up to 16.7 ms) whatever the app does.

Key presses, timed by hooks inside the app, not by Pilot's waits: from the moment the app receives
the key event (``on_event``) to the later of the first composed frame in which the pressed row's own
line (its place on screen, worked out when the key arrives) shows the new status, and the commit of
that change by the write thread. Frames are turned into terminal output as a real driver would.
- one at a time: each press waits for its write before the next;
- bursts: 20 presses at typing speed (one every 50 ms, the cursor moving down in between) without
  waiting for the writes, so that queueing is measured.
Goal: p95 ≤ 16 ms for each, at each size.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.context import Bench
from benchmarks.opening import opening_results
from benchmarks.paint import activity_count, open_round, time_to_paints
from benchmarks.report import Result, median, p95, size_label

RUNS = 5
PRESSES = int(os.environ.get("BENCH_PRESSES", 300))
BURSTS, BURST_KEYS, BURST_GAP_S = 5, 20, 0.05
GOAL_MS = 16
KEYS = ("2", "3", "4", "1", "5")
CODES = {"1": "not_started", "2": "in_progress", "3": "done", "4": "delayed", "5": "cancelled"}
LABELS = {"1": "Ej påbörjad", "2": "Pågår", "3": "Klar", "4": "Försenad", "5": "Avbruten"}


@dataclass
class Press:
    key_at: float
    y: int  # the pressed row's line on the screen
    label: str
    shown_at: float | None = None
    stored_at: float | None = None

    @property
    def done(self) -> bool:
        return self.shown_at is not None and self.stored_at is not None

    @property
    def seconds(self) -> float:
        return max(self.shown_at, self.stored_at) - self.key_at


def frame_lines(update: Any) -> dict[int, str]:
    """Screen line → the text a compositor update writes on it (whole lines or changed parts)."""
    strips = getattr(update, "strips", None)
    if strips is not None and hasattr(update, "region"):  # a layout update: whole lines
        return {update.region.y + i: "".join(s.text for s in line) for i, line in enumerate(strips)}
    chops = getattr(update, "chops", None)
    if chops is not None:  # changed parts of lines
        return {y: "".join(s.text for s in chops[y].values() if s is not None) for y, _, _ in update.spans}
    return {}


class Recorder:
    """Hooks on the app and the database that time every status key press."""

    def __init__(self, app: Any, screen: Any) -> None:
        self.app, self.screen = app, screen
        self.presses: list[Press] = []
        self.commits: list[float] = []
        self.label: str | None = None  # the status the next key press sets

    def _row_line(self) -> int:
        from tui.widgets.row_list import RowList

        rows = self.screen.query_one(RowList)
        return rows.content_region.y + 1 + rows.cursor_index - round(rows.scroll_offset.y)

    @contextmanager
    def installed(self):  # noqa: ANN201
        from textual import events

        from db.engine import Database

        app, original_event, original_display = self.app, self.app.on_event, self.app._display
        original_write = Database.write

        async def on_event(event):  # noqa: ANN001, ANN202
            if isinstance(event, events.Key) and event.key in CODES and self.label is not None:
                self.presses.append(Press(time.perf_counter(), self._row_line(), self.label))
                self.label = None
            return await original_event(event)

        def display(screen, renderable):  # noqa: ANN001, ANN202
            if renderable is not None and any(p.shown_at is None for p in self.presses):
                renderable.render_segments(app.console)  # as a terminal driver would
                at, lines = time.perf_counter(), frame_lines(renderable)
                for press in self.presses:
                    if press.shown_at is None and press.label in lines.get(press.y, ""):
                        press.shown_at = at
            return original_display(screen, renderable)

        @contextmanager
        def write(database):  # noqa: ANN001, ANN202
            with original_write(database) as session:
                yield session
            self.commits.append(time.perf_counter())
            stored = [p for p in self.presses if p.stored_at is None]
            if stored:
                stored[0].stored_at = self.commits[-1]  # writes are queued: the oldest press first

        app.on_event, app._display, Database.write = on_event, display, write
        try:
            yield self
        finally:
            app.on_event, app._display, Database.write = original_event, original_display, original_write

    def choose_key(self, index: int) -> str:
        """A status key that changes the row under the cursor to a status its line does not show yet."""
        from tui.widgets.row_list import RowList

        aid = self.screen.query_one(RowList).cursor_key
        meeting = self.screen.meeting
        shown, previous = meeting.shown(aid).status, meeting.items[aid].previous_status
        key = next(k for k in KEYS[index % len(KEYS):] + KEYS if CODES[k] not in (shown, previous))
        self.label = LABELS[key]
        return key

    async def settle(self, what: str, timeout: float = 10) -> None:
        deadline = time.perf_counter() + timeout
        while not all(p.done for p in self.presses):
            if time.perf_counter() > deadline:
                missing = [p for p in self.presses if not p.done]
                raise RuntimeError(f"{what}: {len(missing)} presses without a frame showing them or a write")
            await asyncio.sleep(0.0005)


async def _session(db: Path, round_id: int, total: int, presses: int,
                   first_after: float = BURST_GAP_S) -> dict[str, Any]:  # fmt: skip
    from tui.factory import make_app
    from tui.screens.checklist import ChecklistScreen

    app = make_app(db_path=db, lang="sv")
    measured: dict[str, Any] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = ChecklistScreen(1, round_id)
        measured["open"] = await time_to_paints(app, screen, total)
        if first_after:
            await asyncio.sleep(first_after)
        recorder = Recorder(app, screen)
        with recorder.installed():
            await pilot.press(recorder.choose_key(0))
            await recorder.settle("first press")
            measured["first"] = recorder.presses[-1].seconds
            if presses:
                await pilot.press("down")
                one: list[Press] = []
                for i in range(presses):
                    await pilot.press(recorder.choose_key(i))
                    await recorder.settle("a press")
                    one.append(recorder.presses[-1])
                    if i % len(KEYS) == len(KEYS) - 1:
                        await pilot.press("down")
                burst: list[Press] = []
                for _ in range(BURSTS):
                    started = len(recorder.presses)
                    for i in range(BURST_KEYS):
                        await pilot.press(recorder.choose_key(i))
                        await asyncio.sleep(BURST_GAP_S)
                        await pilot.press("down")
                    await recorder.settle("a burst")
                    burst += recorder.presses[started:]
                measured["one"] = [p.seconds for p in one]
                measured["drawn"] = [p.shown_at - p.key_at for p in one]
                measured["stored"] = [p.stored_at - p.key_at for p in one]
                measured["burst"] = [p.seconds for p in burst]
        await app.workers.wait_for_complete()
    return measured


def sqlite_floor(db: Path, runs: int = 200) -> list[float]:
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


def _press_result(name: str, seconds: list[float], note: str) -> Result:
    ms = [s * 1000 for s in seconds]
    return Result(name, "ms", p95(ms), f"median {median(ms):.1f}, max {max(ms):.1f}", GOAL_MS, len(ms), note)


def run(bench: Bench, *, runs: int = RUNS, presses: int = PRESSES) -> list[Result]:
    opened: dict[int, list[tuple[float, float]]] = {}
    results: list[Result] = []
    for size, db in bench.databases.items():
        round_id, total = open_round(db, 1), activity_count(db, 1)
        asyncio.run(_session(db, round_id, total, 0))  # imports the screen's modules: not measured
        sessions = [asyncio.run(_session(db, round_id, total, presses if i == runs - 1 else 0))
                    for i in range(runs)]  # fmt: skip
        at_once = [asyncio.run(_session(db, round_id, total, 0, first_after=0))["first"] * 1000
                   for _ in range(runs)]  # fmt: skip
        opened[size] = [s["open"] for s in sessions]
        last, label = sessions[-1], size_label(size)
        floor = [t * 1000 for t in sqlite_floor(db)]
        drawn, stored = [s * 1000 for s in last["drawn"]], [s * 1000 for s in last["stored"]]
        results += [
            _press_result(f"key press p95, {label} activities, one at a time", last["one"],
                          f"drawn p95 {p95(drawn):.1f} ms, stored p95 {p95(stored):.1f} ms; floor: raw "
                          f"UPDATE+COMMIT median {median(floor):.2f} ms"),
            _press_result(f"key press p95, {label} activities, first after opening",
                          [s["first"] for s in sessions],
                          f"{BURST_GAP_S * 1000:.0f} ms after the frame showing every row ready, a fresh app "
                          f"each; pressed in that very frame: median {median(at_once):.1f} ms, max "
                          f"{max(at_once):.1f} (Textual's next frame slot)"),
            _press_result(f"key press p95, {label} activities, in bursts", last["burst"],
                          f"{BURSTS} × {BURST_KEYS} presses, one every {BURST_GAP_S * 1000:.0f} ms"),
        ]  # fmt: skip
    note = "push to the first frame with rows / with every row"
    return opening_results("checklist", opened, note) + results
