"""What a database file at the newest revision must hold: its tables, their columns, and the triggers
that keep the database's own counts.

Checked with plain sqlite3 each time a file is opened or restored, so that a table that lost a
column, or a file whose revision record is gone, is refused with one line instead of failing in the
middle of a command. Kept here as plain data, not read from the models: importing the models costs
start-up time. A unit test checks this list against the models and against a database built by the
migrations; when a migration adds a table or a column, add it here too.
"""

from __future__ import annotations

import re
import sqlite3

# Tables and columns at HEAD_REVISION (db/migrate.py).
TABLES: dict[str, tuple[str, ...]] = {
    "alembic_version": ("version_num",),
    "change_batch": ("id", "actor", "at"),
    "change_log": ("id", "batch", "plan_id", "entity", "entity_id", "field", "old_value", "new_value", "at",
                   "undone", "actor"),  # fmt: skip
    "plan": ("title", "kind", "organisation", "period_start", "period_end", "decision_body", "decision_date",
             "decision_paragraph", "diary_number", "cadence", "status", "notes", "id", "created_at",
             "updated_at", "version"),  # fmt: skip
    "area": ("name", "id", "plan_id", "position"),
    "followup_round": ("name", "date", "notes", "closed", "id", "plan_id", "created_at", "version"),
    "unit": ("name", "manager", "date", "id", "plan_id", "position", "version"),
    "activity": ("number", "goal", "description", "target_text", "target_date", "ongoing", "responsible",
                 "resources", "follow_up", "id", "plan_id", "unit_id", "area_id", "position", "created_at",
                 "updated_at", "version"),  # fmt: skip
    "key_figure": ("name", "period_label", "count", "share", "id", "plan_id", "unit_id", "position"),
    "section": ("kind", "title", "body", "id", "plan_id", "unit_id", "position", "version"),
    "followup_entry": ("status", "comment", "reviewed", "id", "round_id", "activity_id", "updated_at",
                       "version"),  # fmt: skip
    "app_user": ("id", "name", "role", "password_hash", "created_at", "version"),
    "app_user_unit": ("id", "user_id", "unit_name"),
    # Counts the database keeps itself (no model: only its triggers write them).
    "round_tally": ("round_id", "status", "reviewed", "due", "n"),
    "plan_tally": ("plan_id", "due", "n"),
}

# Tables no model writes: the triggers below keep them.
KEPT_BY_TRIGGERS = ("round_tally", "plan_tally")

# The triggers that keep them (migration 0008): without them the counts would drift in silence.
TRIGGERS: dict[str, str] = {
    "followup_entry_tally_insert": "followup_entry",
    "followup_entry_tally_update": "followup_entry",
    "followup_entry_tally_delete": "followup_entry",
    "activity_tally_insert": "activity",
    "activity_tally_update": "activity",
    "activity_tally_delete": "activity",
}

_REVISION_NUMBER = re.compile(r"^(\d{4})(?:_\w*)?$")


def missing_parts(conn: sqlite3.Connection) -> list[str]:
    """What the file lacks of the schema at head: "table activity", "activity.responsible"; [] when whole."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing: list[str] = []
    for table, columns in TABLES.items():
        if table not in present:
            missing.append(table)
            continue
        have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        missing += [f"{table}.{column}" for column in columns if column not in have]
    if missing:  # a table rebuilt without a column lost its triggers too: the column is what to name
        return missing
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [f"trigger {name}" for name in TRIGGERS if name not in triggers]


def revision_number(revision: str) -> int | None:
    """The number a revision id starts with ("0003_narrative" → 3), None when it has none."""
    match = _REVISION_NUMBER.match(revision)
    return int(match.group(1)) if match else None


def is_newer(revision: str, head: str) -> bool:
    """Whether ``revision`` looks like one a later hrplan made: numbered, and beyond head's number."""
    number, head_number = revision_number(revision), revision_number(head)
    return number is not None and head_number is not None and number > head_number
