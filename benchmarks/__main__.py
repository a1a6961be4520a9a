"""``python -m benchmarks``: run every benchmark, print the table, update BENCHMARKS.md.

The last line printed is ``ratio startup=X.XX tick_p95_ms=Y.Y export_max_s=Z.ZZ``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import exporting, hostile_imports, importing, interactive, memory, opening, server, startup
from benchmarks.generate import generate
from benchmarks.report import machine, table, write_markdown


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min), {five:.2f} (5 min)"


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    began = time.perf_counter()
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="hrplan-bench-") as tmp:
        tmpdir = Path(tmp)
        empty = tmpdir / "empty.db"
        large = generate(tmpdir / "large.db")
        print(f"{machine()}; load average {load_before}; large database generated in "
              f"{time.perf_counter() - began:.1f} s", flush=True)  # fmt: skip
        results = []
        for name, bench in (("start-up", lambda: startup.run(empty, large)),
                            ("opening the plan", lambda: opening.run(large)),
                            ("checklist and key presses", lambda: interactive.run(large)),
                            ("export", lambda: exporting.run(large)),
                            ("import", importing.run),
                            ("hostile imports", hostile_imports.run),
                            ("memory", lambda: memory.run(empty, large)),
                            ("PostgreSQL", lambda: server.run(large))):  # fmt: skip
            results += bench()
            print(f"{name}: done after {time.perf_counter() - began:.0f} s", flush=True)
    load_after = _load()
    elapsed = time.perf_counter() - began
    print(table(results))
    print(f"Load average before {load_before}, after {load_after}; {elapsed:.0f} s in all.")
    write_markdown(root / "BENCHMARKS.md", results, extra=(
        f"\nLoad average before the run {load_before}, after it {load_after} (the machine is shared "
        f"with other engineers' test runs); the whole run took {elapsed:.0f} s.\n"))  # fmt: skip
    ratio = max(r.median for r in results if r.name.startswith("start-up ratio"))
    tick = next((r.median for r in results if r.name.startswith("key press")), float("nan"))
    export = max((r.median for r in results if r.name.startswith("export")), default=float("nan"))
    print(f"ratio startup={ratio:.2f} tick_p95_ms={tick:.1f} export_max_s={export:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
