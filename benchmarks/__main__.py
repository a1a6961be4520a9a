"""``python -m benchmarks``: run every registered benchmark, print the table, update BENCHMARKS.md.

Every benchmark runs at each size of ``benchmarks.context.SIZES`` (5,000 and 50,000 activities).
The last line printed is ``ratio startup=X.XX tick_p95_ms=Y.Y export_max_s=Z.ZZ``.
"""

from __future__ import annotations

import compileall
import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.context import SIZES, Bench
from benchmarks.generate import generate
from benchmarks.registry import MODULES
from benchmarks.report import Result, machine, table, write_markdown

PACKAGES = ("tui", "db", "models", "i18n", "importers", "exporters", "benchmarks")


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min), {five:.2f} (5 min)"


def _compile(root: Path) -> None:
    """Bytecode for hrplan's own modules, as an installed hrplan has it (pip compiles on install).

    Without it, a process started with PYTHONDONTWRITEBYTECODE set compiles every module of hrplan
    again, and start-up figures would measure the compiler.
    """
    for package in PACKAGES:
        compileall.compile_dir(root / package, quiet=1)


def _selected() -> tuple[str, ...]:
    only = [name.strip() for name in os.environ.get("BENCH_ONLY", "").split(",") if name.strip()]
    return tuple(m for m in MODULES if not only or m.rsplit(".", 1)[-1] in only)


def summary_line(results: list[Result], smallest: int) -> str:
    def worst(prefix: str, size: str = "") -> float:
        found = [r.median for r in results if r.name.startswith(prefix) and size in r.name]
        return max(found, default=float("nan"))

    ratio = worst("start-up ratio")
    tick = worst("key press p95")
    export = worst("export ", f"{smallest:,}")
    return f"ratio startup={ratio:.2f} tick_p95_ms={tick:.1f} export_max_s={export:.2f}"


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    began = time.perf_counter()
    load_before = _load()
    _compile(root)
    with tempfile.TemporaryDirectory(prefix="hrplan-bench-") as tmp:
        tmpdir = Path(tmp)
        empty = tmpdir / "empty.db"
        from db.engine import Database
        from db.migrate import upgrade

        upgrade(Database(empty))
        databases = {size: generate(tmpdir / f"large-{size}.db", activities=size) for size in SIZES}
        bench = Bench(tmp=tmpdir, empty=empty, databases=databases)
        print(f"{machine()}; load average {load_before}; databases of {', '.join(f'{s:,}' for s in SIZES)} "
              f"activities generated in {time.perf_counter() - began:.1f} s", flush=True)  # fmt: skip
        results: list[Result] = []
        for name in _selected():
            started = time.perf_counter()
            module_results = importlib.import_module(name).run(bench)
            results += module_results
            print(table(module_results).split("\n", 2)[-1], flush=True)
            print(f"{name}: {time.perf_counter() - started:.0f} s (load {_load()})", flush=True)
    load_after = _load()
    elapsed = time.perf_counter() - began
    print(table(results))
    print(f"Load average before {load_before}, after {load_after}; {elapsed:.0f} s in all.")
    if len(_selected()) == len(MODULES) and tuple(SIZES) == (5_000, 50_000):
        write_markdown(root / "BENCHMARKS.md", results, extra=(
            f"\nLoad average before the run {load_before}, after it {load_after} (the machine is shared "
            f"with other engineers' test runs); the whole run took {elapsed:.0f} s.\n"))  # fmt: skip
    print(summary_line(results, min(SIZES)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
