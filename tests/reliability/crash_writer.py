"""What the child process of the crash test does: edits and ticks through the app's write path.

Even numbers edit an activity's follow-up text, odd numbers tick a follow-up entry (status,
comment, reviewed), each in its own ``database.write()`` with one ``ChangeSet`` (``update_row``),
as the editors and ``hrplan tick`` do. Each change is reported only after its transaction committed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from db.edits import update_row
from db.engine import Database
from models.activity import Activity
from models.followup import FollowUpEntry
from models.status import STATUS_CODES


def edit(database: Database, seq: int, activities: list[int], entries: list[int]) -> str:
    if seq % 2 == 0:
        row_id = activities[seq // 2 % len(activities)]
        with database.write() as session:
            update_row(session, Activity, row_id, {"follow_up": f"ändring {seq}"},
                       expected_version=None, plan_id=1)  # fmt: skip
        return f"activity {row_id} {seq} -"
    row_id = entries[seq // 2 % len(entries)]
    status = STATUS_CODES[seq % len(STATUS_CODES)]
    with database.write() as session:
        values = {"status": status, "comment": f"bock {seq}", "reviewed": True}
        update_row(session, FollowUpEntry, row_id, values, expected_version=None, plan_id=1)
    return f"entry {row_id} {seq} {status}"


def write_changes(path: Path, start: int, total: int, report: Callable[[str], None]) -> None:
    """Make changes ``start .. total-1`` on the database at ``path``, reporting each after commit."""
    database = Database(path)
    with database.read() as session:
        activities = list(session.execute(select(Activity.id).order_by(Activity.id)).scalars())
        entries = list(session.execute(select(FollowUpEntry.id).order_by(FollowUpEntry.id)).scalars())
    for seq in range(start, total):
        report(edit(database, seq, activities, entries))
    database.dispose()
