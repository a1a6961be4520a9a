"""The large plan on a PostgreSQL server on this machine: key presses in its checklist, and opening it.

A throwaway server is started for the run (as for the tests), the large SQLite database is moved
into it with ``hrplan transfer``'s code, and the same measurements as on SQLite are taken through it.
Where no server can be started, the results are skipped with the reason printed.
"""

from __future__ import annotations

import asyncio
import time

from benchmarks import interactive, opening
from benchmarks.context import Bench
from benchmarks.paint import activity_count
from benchmarks.report import Result, median, p95, spread_of


def _open_round(url: str, plan_id: int) -> int:
    import psycopg

    from db.server import conninfo

    with psycopg.connect(conninfo(url), autocommit=True) as conn:
        round_id = conn.execute(
            "SELECT id FROM followup_round WHERE plan_id = %s ORDER BY date DESC, id DESC LIMIT 1", (plan_id,)
        ).fetchone()[0]
        conn.execute("UPDATE followup_round SET closed = false WHERE id = %s", (round_id,))
    return round_id


def _keypresses(url: str, plan_id: int, total: int) -> dict:
    from db.engine import Database

    round_id = _open_round(url, plan_id)
    original_write = Database.write
    try:
        return asyncio.run(interactive._session(url, round_id, total, interactive.PRESSES))
    finally:
        Database.write = original_write  # the hook must not outlive this benchmark


def _floor(url: str, runs: int) -> list[float]:
    """A raw UPDATE + COMMIT of one entry through psycopg: what the server itself costs."""
    import psycopg

    from db.server import conninfo

    times = []
    with psycopg.connect(conninfo(url)) as conn:
        entry_id = conn.execute("SELECT id FROM followup_entry LIMIT 1").fetchone()[0]
        conn.commit()
        for i in range(runs):
            start = time.perf_counter()
            status = ("done", "delayed")[i % 2]
            conn.execute("UPDATE followup_entry SET status = %s WHERE id = %s", (status, entry_id))
            conn.commit()
            times.append(time.perf_counter() - start)
    return times


def run(bench: Bench) -> list[Result]:
    from db.engine import Database
    from db.migrate import upgrade
    from db.paths import server_url
    from db.transfer import transfer
    from tests.pg_server import Cluster, ServerUnavailable

    large_db = bench.databases[bench.smallest]
    total = activity_count(large_db, 1)
    try:
        cluster = Cluster().start()
    except (ServerUnavailable, OSError) as exc:
        print(f"PostgreSQL benchmarks skipped: {exc}", flush=True)
        return []
    try:
        cluster.admin("CREATE DATABASE bench")
        url = server_url(cluster.url("bench"))
        source, target = Database(large_db), Database(url)
        upgrade(target)
        began = time.perf_counter()
        transfer(source, target)
        moved = time.perf_counter() - began
        source.dispose()
        target.dispose()
        measured = _keypresses(url, 1, total)
        times, drawn, stored = measured["one"], measured["drawn"], measured["stored"]
        open_checklist = measured["open"][0]
        floor_ms = [t * 1000 for t in _floor(url, interactive.PRESSES)]
        ms = [t * 1000 for t in times]
        runs = range(opening.RUNS)
        pg_open = [asyncio.run(opening._open_once(url, 1, total))[0] * 1000 for _ in runs]
        file_open = [asyncio.run(opening._open_once(large_db, 1, total))[0] * 1000 for _ in runs]
    finally:
        cluster.stop()
    ratio = median(pg_open) / median(file_open)
    return [
        Result(f"PostgreSQL: key press p95, {total:,} activities, one at a time", "ms", p95(ms),
               f"median {median(ms):.1f} ms", 16, len(ms),
               f"drawn: p95 {p95(drawn) * 1000:.1f} ms; stored: median {median(stored) * 1000:.1f}, "
               f"p95 {p95(stored) * 1000:.1f} ms; floor: raw UPDATE+COMMIT median {median(floor_ms):.2f} ms; "
               f"checklist opened in {open_checklist * 1000:.0f} ms; transfer of the large database "
               f"{moved:.1f} s"),
        Result(f"PostgreSQL: open plan, {total:,} activities, first paint, ratio to SQLite", "x", ratio,
               spread_of(pg_open, digits=0), 1.5, len(pg_open),
               f"median {median(pg_open):.0f} ms on PostgreSQL, {median(file_open):.0f} ms on SQLite"),
    ]  # fmt: skip
