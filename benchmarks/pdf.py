"""PDF of the large plan: its follow-up summary (goal: at most 2 s for 5,000 activities), the plan
document and the annual report, each gathered from the database and written as ``hrplan export`` does."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.context import Bench
from benchmarks.report import Result, median, spread_of

RUNS = 3
GOAL_S = 2.0


def pdf_once(db: Path, what: str, out: Path, plan_id: int = 1) -> tuple[float, float]:
    """Seconds of wall clock and of this process's CPU (the machine may be shared) for one export."""
    from db.engine import Database
    from db.queries.export import gather_export, gather_report
    from exporters import write_export

    database = Database(db)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        with database.read() as session:
            if what == "report":
                data = gather_report(plan_id, session=session)
            else:
                data = gather_export(plan_id, session=session)
        write_export(data, what=what, fmt="pdf", path=out, lang="sv", overwrite=True)
        return time.perf_counter() - start, time.process_time() - cpu
    finally:
        database.dispose()


def run(bench: Bench, *, runs: int = RUNS) -> list[Result]:
    """The PDFs of the large plan at the smallest size (the goal is set for 5,000 activities)."""
    large_db = bench.databases[bench.smallest]
    results = []
    with tempfile.TemporaryDirectory(prefix="hrplan-pdf-") as tmp:
        for what, label in (("summary", "follow-up summary"), ("plan", "plan document"),
                            ("report", "annual report")):  # fmt: skip
            out = Path(tmp) / f"{what}.pdf"
            pdf_once(large_db, what, out)  # fonts registered, modules imported: as in a running app
            measured = [pdf_once(large_db, what, out) for _ in range(runs)]
            times = [wall for wall, _ in measured]
            cpu = median([c for _, c in measured])
            from pypdf import PdfReader

            pages = len(PdfReader(out).pages)
            results.append(Result(f"PDF {label}", "s", median(times), spread_of(times), GOAL_S, runs,
                                  f"{bench.smallest:,} activities; {pages:,} pages; CPU {cpu:.2f} s"),
                           )  # fmt: skip
    return results
