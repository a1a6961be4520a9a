"""Start-up: process start until the first screen takes input, hrplan against a bare Textual app.

Paired: every round starts the bare app, then hrplan on the empty database and on each large one,
and each hrplan start is divided by the bare start of its own round, so that a change in the
machine's load hits both sides of a ratio alike. The median of the ratios is the figure.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from benchmarks.context import Bench
from benchmarks.report import Result, median, size_label

RUNS = 10


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
    listed = proc.stdout.readline() if which == "app" else ""
    proc.wait(timeout=60)
    parts, later = line.split(), listed.split()
    if not parts or parts[0] != "READY" or (which == "app" and (not later or later[0] != "LISTED")):
        raise RuntimeError(f"start-up child said {line!r} {listed!r}")
    # The child's own clock places "listed" after "ready"; the parent's clock places "ready".
    shown = ready + float(later[1]) - float(parts[1]) if later else None
    return ready, shown


def run(bench: Bench, *, runs: int = RUNS) -> list[Result]:
    targets = [("empty database", bench.empty)] + [
        (f"{size_label(size)} activities", db) for size, db in bench.databases.items()
    ]
    for db in [bench.empty, *bench.databases.values()]:
        one_start("app", db)  # warm the file cache once (and make the day's backup)
    one_start("bare", bench.empty)
    bare: list[float] = []
    ratios: dict[str, list[float]] = {name: [] for name, _ in targets}
    starts: dict[str, list[float]] = {name: [] for name, _ in targets}
    shown: dict[str, list[float]] = {name: [] for name, _ in targets}
    for _ in range(runs):
        base = one_start("bare", bench.empty)[0]
        bare.append(base)
        for name, db in targets:
            ready, listed = one_start("app", db)
            ratios[name].append(ready / base)
            starts[name].append(ready)
            shown[name].append(listed or ready)
    spread = f"min {min(bare):.3f} – max {max(bare):.3f}"
    results = [Result("start-up, bare Textual app", "s", median(bare), spread, float("inf"), runs)]
    for name, _ in targets:
        r = ratios[name]
        results.append(Result(
            f"start-up ratio, {name}", "x", median(r), f"paired {min(r):.2f} – {max(r):.2f}", 1.5, runs,
            f"hrplan median {median(starts[name]):.3f} s; plans listed after {median(shown[name]):.3f} s",
        ))  # fmt: skip
    return results
