"""Start-up: process start until the first screen takes input, hrplan against a bare Textual app."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from benchmarks.report import Result, median, spread_of


def one_start(which: str, db: Path) -> tuple[float, float | None]:
    """Seconds from spawning the process until it reports ready (and, for hrplan, list shown)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.startup_child", which, str(db)],
        stdout=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    ready = time.perf_counter() - start
    proc.wait(timeout=60)
    parts = line.split()
    if not parts or parts[0] != "READY":
        raise RuntimeError(f"start-up child said {line!r}")
    child_ready = float(parts[1])
    shown = ready - child_ready + float(parts[2]) if len(parts) > 2 else None
    return ready, shown


def run(empty_db: Path, large_db: Path, *, runs: int = 10) -> list[Result]:
    bare: list[float] = []
    app_empty: list[float] = []
    app_large: list[float] = []
    shown_large: list[float] = []
    for which, db in (("bare", empty_db), ("app", empty_db), ("app", large_db)):
        one_start(which, db)  # warm the file cache once
    for _ in range(runs):  # interleaved, so drift hits all three alike
        bare.append(one_start("bare", empty_db)[0])
        app_empty.append(one_start("app", empty_db)[0])
        ready, shown = one_start("app", large_db)
        app_large.append(ready)
        shown_large.append(shown or ready)
    base = median(bare)
    return [
        Result("start-up, bare Textual app", "s", base, spread_of(bare), float("inf"), runs, "reference"),
        Result("start-up ratio, empty database", "x", median(app_empty) / base,
               f"median {median(app_empty):.3f} s", 1.5, runs),
        Result("start-up ratio, large database", "x", median(app_large) / base,
               f"median {median(app_large):.3f} s", 1.5, runs,
               f"plans listed after {median(shown_large):.3f} s"),
    ]  # fmt: skip
