"""Export of the large plan's follow-up summary in every format, gathering the data included."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.report import Result, median, spread_of

RUNS = 3


def export_once(db: Path, fmt: str, out: Path, *, what: str = "summary", plan_id: int = 1) -> float:
    """Seconds to gather the plan's data and write it as ``fmt``, as ``hrplan export`` does."""
    from db.engine import Database
    from db.queries.export import gather_export
    from exporters import write_export

    database = Database(db)
    try:
        start = time.perf_counter()
        with database.read() as session:
            data = gather_export(plan_id, session=session)
        write_export(data, what=what, fmt=fmt, path=out, lang="sv", overwrite=True)
        return time.perf_counter() - start
    finally:
        database.dispose()


def run(large_db: Path, *, runs: int = RUNS) -> list[Result]:
    from exporters import FORMATS

    results = []
    with tempfile.TemporaryDirectory(prefix="hrplan-export-") as tmp:
        for fmt in FORMATS:
            out = Path(tmp) / f"summary.{fmt}"
            times = [export_once(large_db, fmt, out) for _ in range(runs)]
            size = out.stat().st_size / 1024
            results.append(Result(f"export summary, {fmt}", "s", median(times), spread_of(times), 2, runs,
                                  f"5,000 activities; {size:,.0f} KB"))  # fmt: skip
    return results
