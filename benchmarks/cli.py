"""The ``hrplan`` command as whole processes, against ``python -c pass`` and ``python -c "import
sqlmodel"`` started in the same rounds (interleaved), at every size.

- ``list``: a plain read, no SQLAlchemy: goal ≤ 5 × ``python -c pass``.
- ``tick``: one status through the checked SQLModel write path: goal ≤ 1.15 × ``import sqlmodel``.
- ``tick --from FILE``: 1,000 ticks in one process and one transaction: goal ≤ 3 × one tick.
- ``show --json``: streamed; its own work (minus ``python -c pass``) ≤ 1 s at 5,000 activities, peak
  memory flat in the plan's size.
- ``list`` and ``tick`` flat from the smallest plan to the largest: ≤ 1.15 × (paired, same round).

Every ratio is paired: each process is divided by the reference started in the same round.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.context import Bench
from benchmarks.report import Result, median, size_label

RUNS = 10
SHOW_EVERY = 2  # show --json of the largest plan takes seconds: every other round
TICKS = 1_000
STATUSES = ("in_progress", "done", "delayed", "cancelled", "not_started")
FIRST_ACTIVITY = 100_000  # plan 1's activities are numbered from here (benchmarks.generate)


def _hrplan() -> list[str]:
    script = Path(sys.executable).with_name("hrplan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


def timed(argv: list[str], *, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[-4:])} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return seconds


def shown_with_peak(db: Path, peak_file: Path) -> tuple[float, float]:
    """Seconds of ``hrplan show 1 --json`` and its peak memory in MB."""
    env = {**os.environ, "HRPLAN_BENCH_PEAK": str(peak_file)}
    argv = [sys.executable, "-m", "benchmarks.peak_child", "--db", str(db), "show", "1", "--json"]
    seconds = timed(argv, env=env)
    return seconds, int(peak_file.read_text()) / 1024


def _tick_file(folder: Path, size: int, run: int) -> Path:
    path = folder / f"ticks-{size}-{run}.txt"
    lines = (f"{FIRST_ACTIVITY + i}\t{STATUSES[(i + run) % len(STATUSES)]}\tRunda {run}\n"
             for i in range(min(TICKS, size)))  # fmt: skip
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _ratio(name: str, values: list[float], goal: float, note: str) -> Result:
    spread = f"paired {min(values):.2f} – {max(values):.2f}"
    return Result(name, "x", median(values), spread, goal, len(values), note)


def _spread(values: list[float], digits: int = 2) -> str:
    return f"min {min(values):.{digits}f} – max {max(values):.{digits}f}"


def run(bench: Bench, *, runs: int = RUNS) -> list[Result]:
    hrplan = _hrplan()
    python = sys.executable
    floor_pass = [python, "-c", "pass"]
    floor_sqlmodel = [python, "-c", "import sqlmodel"]
    sizes = bench.sizes
    times: dict[str, list[float]] = {}
    ratios: dict[str, list[float]] = {}
    peaks: dict[int, list[float]] = {size: [] for size in sizes}

    def add(store: dict[str, list[float]], key: str, value: float) -> None:
        store.setdefault(key, []).append(value)

    for db in bench.databases.values():  # warm the file cache, make the day's backup
        timed([*hrplan, "--db", str(db), "list"])
    for r in range(runs):
        base, floor = timed(floor_pass), timed(floor_sqlmodel)
        add(times, "pass", base)
        add(times, "sqlmodel", floor)
        listed: dict[int, float] = {}
        ticked: dict[int, float] = {}
        for size, db in bench.databases.items():
            listed[size] = timed([*hrplan, "--db", str(db), "list"])
            status = STATUSES[r % len(STATUSES)]
            ticked[size] = timed([*hrplan, "--db", str(db), "tick", "1", str(FIRST_ACTIVITY + 1), status])
            source = _tick_file(bench.tmp, size, r)
            many = timed([*hrplan, "--db", str(db), "tick", "1", "--from", str(source)])
            add(times, f"list {size}", listed[size])
            add(times, f"tick {size}", ticked[size])
            add(times, f"many {size}", many)
            add(ratios, f"list {size}", listed[size] / base)
            add(ratios, f"tick {size}", ticked[size] / floor)
            add(ratios, f"many {size}", many / ticked[size])
            if r % SHOW_EVERY == 0:
                seconds, peak = shown_with_peak(db, bench.tmp / "peak.txt")
                add(times, f"show {size}", seconds)
                add(ratios, f"show {size}", seconds - base)
                peaks[size].append(peak)
        for size in sizes[1:]:
            add(ratios, f"list flat {size}", listed[size] / listed[sizes[0]])
            add(ratios, f"tick flat {size}", ticked[size] / ticked[sizes[0]])
    ms = {key: median(values) * 1000 for key, values in times.items()}
    results = [
        Result("CLI python -c pass", "ms", ms["pass"], _spread([t * 1000 for t in times["pass"]], 0),
               float("inf"), runs),
        Result('CLI python -c "import sqlmodel"', "ms", ms["sqlmodel"],
               _spread([t * 1000 for t in times["sqlmodel"]], 0), float("inf"), runs),
    ]  # fmt: skip
    small = sizes[0]
    for size in sizes:
        label = f"{size_label(size)} activities"
        results += [
            _ratio(f"CLI list, {label}, ÷ python -c pass", ratios[f"list {size}"], 5,
                   f"median {ms[f'list {size}']:.0f} ms"),
            _ratio(f"CLI tick, {label}, ÷ import sqlmodel", ratios[f"tick {size}"], 1.15,
                   f"median {ms[f'tick {size}']:.0f} ms"),
            _ratio(f"CLI tick --from (1,000 ticks), {label}, ÷ one tick", ratios[f"many {size}"], 3,
                   f"median {ms[f'many {size}']:.0f} ms; one process, one transaction"),
        ]  # fmt: skip
        own, peak = ratios[f"show {size}"], peaks[size]
        if size == small:
            goal, goal_text, peak_goal, peak_text = 1.0, "", float("inf"), ""
        else:
            goal = 10 * median(ratios[f"show {small}"])
            goal_text = f"≤ 10 × {size_label(small)} ({goal:.2f} s)"
            peak_goal = 1.25 * median(peaks[small])
            peak_text = f"≤ 1.25 × {size_label(small)} ({peak_goal:.1f} MB)"
        note = f"process median {ms[f'show {size}']:.0f} ms minus python -c pass"
        results += [
            Result(f"CLI show --json, {label}, own work", "s", median(own), _spread(own), goal, len(own),
                   note, goal_text),
            Result(f"CLI show --json, {label}, peak memory", "MB", median(peak), _spread(peak, 1), peak_goal,
                   len(peak), "streamed: flat in the plan's size", peak_text),
        ]  # fmt: skip
    for size in sizes[1:]:
        label = f"{size_label(size)} ÷ {size_label(small)} activities"
        results += [
            _ratio(f"CLI list, {label}", ratios[f"list flat {size}"], 1.15, "flat: no full scan"),
            _ratio(f"CLI tick, {label}", ratios[f"tick flat {size}"], 1.15, "flat: no full scan"),
        ]
    return results
