"""Peak RSS with the large database open in the checklist, beside a bare Textual app's."""

from __future__ import annotations

import subprocess
import sys

from benchmarks.context import Bench
from benchmarks.paint import open_round
from benchmarks.report import Result, median, size_label, spread_of

RUNS = 3


def peak_mb(*args: str) -> float:
    """Peak resident memory in MB of one ``benchmarks.memory_child`` process."""
    out = subprocess.run([sys.executable, "-m", "benchmarks.memory_child", *args], capture_output=True,
                         text=True, timeout=120, check=False)  # fmt: skip
    words = out.stdout.split()
    if out.returncode != 0 or len(words) != 2 or words[0] != "PEAK":
        raise RuntimeError(f"memory child failed ({out.returncode}): {out.stderr[-2000:] or out.stdout!r}")
    return float(words[1])


def run(bench: Bench, *, runs: int = RUNS) -> list[Result]:
    bare = [peak_mb("bare", str(bench.empty)) for _ in range(runs)]
    results = [Result("peak memory, bare Textual app", "MB", median(bare), spread_of(bare, digits=1),
                      float("inf"), runs, "reference")]  # fmt: skip
    for size, db in bench.databases.items():
        round_id = open_round(db, 1)
        app = [peak_mb("checklist", str(db), "1", str(round_id)) for _ in range(runs)]
        results.append(Result(f"peak memory, checklist of {size_label(size)} activities", "MB", median(app),
                              spread_of(app, digits=1), 150, runs,
                              f"{median(app) - median(bare):.1f} MB more than the bare app"))  # fmt: skip
    return results
