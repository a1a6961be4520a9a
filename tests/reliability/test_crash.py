"""SIGKILL at random moments while a child edits and ticks: nothing reported is ever lost.

The child (``crash_writer.write_changes``) reports each change after its commit. The test kills it at random
moments, at least 20 times (5 under CI, with the same code), starting a new child after each kill
until 1,000 changes are made. After every kill the file passes ``PRAGMA integrity_check`` and every
change the child reported is in the data and in the change log.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from functools import partial
from pathlib import Path

from db.engine import Database
from tests.reliability.crash_writer import write_changes
from tests.reliability.forked import ForkedChild

TOTAL = 1000
KILLS = 5 if os.environ.get("CI", "").lower() == "true" else 22


def check(path: Path, reported: dict[tuple[str, int], tuple[int, str]], seqs: set[int], seed: int) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"seed {seed}"
        for (kind, row_id), (seq, status) in reported.items():
            if kind == "activity":
                text = conn.execute("SELECT follow_up FROM activity WHERE id = ?", (row_id,)).fetchone()[0]
                now, now_status = int(text.split()[-1]), "-"
            else:
                comment, now_status = conn.execute(
                    "SELECT comment, status FROM followup_entry WHERE id = ?", (row_id,)
                ).fetchone()
                now = int(comment.split()[-1])
            # A later change may have committed before the kill without being reported; never an older one.
            assert now >= seq, f"seed {seed}: {kind} {row_id} has change {now}, reported {seq}"
            if now == seq:
                assert now_status == status, f"seed {seed}: {kind} {row_id}"
        logged = {
            int(value.strip('"').split()[-1])
            for (value,) in conn.execute(
                "SELECT new_value FROM change_log WHERE field IN ('follow_up', 'comment')"
                " AND (new_value LIKE '\"ändring %' OR new_value LIKE '\"bock %')"
            )
        }
        missing = seqs - logged
        assert not missing, f"seed {seed}: reported but not in the change log: {sorted(missing)[:5]}"
    finally:
        conn.close()


def test_sigkill_at_random_moments_loses_nothing_reported(demo_database: Database) -> None:
    seed = int(os.environ.get("HRPLAN_CRASH_SEED", time.time_ns() % 2**32))
    rng = random.Random(seed)
    path = demo_database.path
    demo_database.dispose()
    # Like the open app (its database watcher holds a connection), keep the file open meanwhile: the
    # child's connections then do not checkpoint the WAL each time they close, as in real use.
    app_connection = sqlite3.connect(path)
    app_connection.execute("SELECT count(*) FROM plan").fetchone()
    reported: dict[tuple[str, int], tuple[int, str]] = {}
    seqs: set[int] = set()
    next_seq, kills = 0, 0
    while next_seq < TOTAL:
        child = ForkedChild(partial(write_changes, path, next_seq, TOTAL))
        lines: list[str] = []
        if kills < KILLS:
            if rng.random() < 0.3:  # a moment measured in time: start-up, mid-transaction, anywhere
                # Short: a write takes a millisecond or two, so a long wait would use up the
                # changes before every kill has had its turn.
                time.sleep(rng.uniform(0.0, 0.05))
            else:  # a moment measured in changes, then a little into the next transaction
                budget = rng.randint(1, 2 * (TOTAL - next_seq) // (KILLS - kills + 1) + 1)
                while len(lines) < budget and (line := child.stdout.readline()):
                    lines.append(line)
                time.sleep(rng.uniform(0.0, 0.003))
            child.kill()
            kills += 1
        rest, status = child.finish()
        lines += rest
        failed = [line for line in lines if line.startswith("error")]
        assert not failed and status in (0, signal.SIGKILL), f"seed {seed}: the child failed: {failed}"
        for line in lines:
            kind, row_id, seq, status = line.split()
            reported[(kind, int(row_id))] = (int(seq), status)
            seqs.add(int(seq))
            next_seq = max(next_seq, int(seq) + 1)
        check(path, reported, seqs, seed)
    app_connection.close()
    assert kills >= KILLS and len(seqs) == TOTAL, f"seed {seed}"
