"""What every benchmark module gets: the databases to measure, and a folder of its own.

A benchmark module has ``run(bench: Bench) -> list[Result]`` and is listed in
``benchmarks/registry.py``; nothing else is needed to take part in ``make bench``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# The plan sizes every benchmark runs at (the first plan of each database has this many activities).
# ``BENCH_SIZES=5000 make bench`` runs a quicker subset while working on one thing.
SIZES = tuple(int(size) for size in os.environ.get("BENCH_SIZES", "5000,50000").split(","))


@dataclass(frozen=True, slots=True)
class Bench:
    tmp: Path  # a temporary folder for files a benchmark writes
    empty: Path  # a database with the schema and no plans
    databases: dict[int, Path]  # activities of the large plan (plan 1) → database

    @property
    def sizes(self) -> list[int]:
        return sorted(self.databases)

    @property
    def smallest(self) -> int:
        return self.sizes[0]
