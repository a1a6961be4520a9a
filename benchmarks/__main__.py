"""``python -m benchmarks``: run every benchmark, print the table, update BENCHMARKS.md.

The last line printed is ``ratio startup=X.XX tick_p95_ms=Y.Y export_max_s=Z.ZZ``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchmarks import startup
from benchmarks.generate import generate
from benchmarks.report import machine, table, write_markdown


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hrplan-bench-") as tmp:
        tmpdir = Path(tmp)
        empty = tmpdir / "empty.db"
        large = generate(tmpdir / "large.db")
        print(f"{machine()}; large database generated in {time.perf_counter() - began:.1f} s", flush=True)
        results = []
        results += startup.run(empty, large)
    print(table(results))
    write_markdown(root / "BENCHMARKS.md", results)
    ratio = max(r.median for r in results if r.name.startswith("start-up ratio"))
    tick = next((r.median for r in results if r.name.startswith("key press")), float("nan"))
    export = max((r.median for r in results if r.name.startswith("export")), default=float("nan"))
    print(f"ratio startup={ratio:.2f} tick_p95_ms={tick:.1f} export_max_s={export:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
