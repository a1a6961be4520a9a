"""counts the database keeps itself: a round's entries by status, reviewed and due date, a plan's
activities by due date (the plans list reads them instead of every activity)

Revision ID: 0008_status_tally
Revises: 0007_status_count_index

``round_tally`` holds, per round, how many of its entries have a status, a reviewed flag and an
activity due on a date; ``plan_tally`` how many activities of a plan are due on a date. Both are
kept by triggers on ``followup_entry`` and ``activity`` (written for each engine, same rules), so
every way of writing (the app, a script, an undo, a restore, a cascade) keeps them exact. An
activity without a target date counts under ``NO_DUE`` (9999-12-31), which is never past.

An activity's entries are deleted by its own BEFORE DELETE trigger (before the cascade would), so
that each entry's trigger still finds the activity's due date. A count whose round or plan is being
deleted (its rows go with it by cascade) is left alone: PostgreSQL would check its foreign key.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_status_tally"
down_revision: str | None = "0007_status_count_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_DUE = "9999-12-31"

# The statements of the triggers, the same on both engines but for how the due date is written.
# {due} becomes the activity's due date expression ({old}/{new} its row).
_ENTRY_OUT = """
UPDATE round_tally SET n = n - 1
WHERE round_id = OLD.round_id AND status = OLD.status AND reviewed = OLD.reviewed
  AND due = (SELECT COALESCE(a.target_date, {no_due}) FROM activity a WHERE a.id = OLD.activity_id)
  AND EXISTS (SELECT 1 FROM followup_round r WHERE r.id = OLD.round_id);
"""
# PostgreSQL only (SQLite writes one transaction at a time): the two counts an entry's update moves
# are locked in one order, whatever the statuses, so that ticks at the same moment (one from in
# progress to done, another from done to delayed, ...) wait for each other instead of deadlocking.
_ENTRY_LOCK = """
PERFORM 1 FROM round_tally t
WHERE (t.round_id, t.status, t.reviewed, t.due) IN (
    (OLD.round_id, OLD.status, OLD.reviewed,
     (SELECT COALESCE(a.target_date, {no_due}) FROM activity a WHERE a.id = OLD.activity_id)),
    (NEW.round_id, NEW.status, NEW.reviewed,
     (SELECT COALESCE(a.target_date, {no_due}) FROM activity a WHERE a.id = NEW.activity_id)))
ORDER BY t.round_id, t.status, t.reviewed, t.due
FOR UPDATE;
"""
_ENTRY_IN = """
INSERT INTO round_tally (round_id, status, reviewed, due, n)
SELECT NEW.round_id, NEW.status, NEW.reviewed, COALESCE(a.target_date, {no_due}), 1
FROM activity a WHERE a.id = NEW.activity_id
ON CONFLICT (round_id, status, reviewed, due) DO UPDATE SET n = round_tally.n + 1;
"""
_ACTIVITY_IN = """
INSERT INTO plan_tally (plan_id, due, n) VALUES (NEW.plan_id, COALESCE(NEW.target_date, {no_due}), 1)
ON CONFLICT (plan_id, due) DO UPDATE SET n = plan_tally.n + 1;
"""
_ACTIVITY_OUT = """
UPDATE plan_tally SET n = n - 1 WHERE plan_id = OLD.plan_id AND due = COALESCE(OLD.target_date, {no_due})
  AND EXISTS (SELECT 1 FROM "plan" p WHERE p.id = OLD.plan_id);
"""
_ACTIVITY_ENTRIES_OUT = """
UPDATE round_tally SET n = n - (
    SELECT count(*) FROM followup_entry e
    WHERE e.activity_id = OLD.id AND e.round_id = round_tally.round_id
      AND e.status = round_tally.status AND e.reviewed = round_tally.reviewed
)
WHERE due = COALESCE(OLD.target_date, {no_due})
  AND round_id IN (SELECT e.round_id FROM followup_entry e JOIN followup_round r ON r.id = e.round_id
                   WHERE e.activity_id = OLD.id);
"""
_ACTIVITY_ENTRIES_IN = """
INSERT INTO round_tally (round_id, status, reviewed, due, n)
SELECT e.round_id, e.status, e.reviewed, COALESCE(NEW.target_date, {no_due}), count(*)
FROM followup_entry e WHERE e.activity_id = NEW.id GROUP BY e.round_id, e.status, e.reviewed
ON CONFLICT (round_id, status, reviewed, due) DO UPDATE SET n = round_tally.n + excluded.n;
"""
_ACTIVITY_DROP_ENTRIES = "DELETE FROM followup_entry WHERE activity_id = OLD.id;"

TRIGGERS = ("followup_entry_tally_insert", "followup_entry_tally_update", "followup_entry_tally_delete",
            "activity_tally_insert", "activity_tally_update", "activity_tally_delete")  # fmt: skip


def _sqlite() -> None:
    def sql(*parts: str) -> str:
        return "".join(parts).format(no_due=f"'{NO_DUE}'")

    entry_keys = "status, reviewed, round_id, activity_id"
    op.execute(f"CREATE TRIGGER followup_entry_tally_insert AFTER INSERT ON followup_entry "
               f"BEGIN {sql(_ENTRY_IN)} END")  # fmt: skip
    op.execute(f"CREATE TRIGGER followup_entry_tally_update AFTER UPDATE OF {entry_keys} ON followup_entry "
               f"BEGIN {sql(_ENTRY_OUT, _ENTRY_IN)} END")  # fmt: skip
    op.execute(f"CREATE TRIGGER followup_entry_tally_delete AFTER DELETE ON followup_entry "
               f"BEGIN {sql(_ENTRY_OUT)} END")  # fmt: skip
    op.execute(f"CREATE TRIGGER activity_tally_insert AFTER INSERT ON activity BEGIN {sql(_ACTIVITY_IN)} END")
    op.execute(
        "CREATE TRIGGER activity_tally_update AFTER UPDATE OF target_date, plan_id ON activity "
        f"BEGIN {sql(_ACTIVITY_OUT, _ACTIVITY_IN, _ACTIVITY_ENTRIES_OUT, _ACTIVITY_ENTRIES_IN)} END"
    )
    op.execute(f"CREATE TRIGGER activity_tally_delete BEFORE DELETE ON activity "
               f"BEGIN {sql(_ACTIVITY_DROP_ENTRIES, _ACTIVITY_OUT)} END")  # fmt: skip


def _postgresql() -> None:
    def function(name: str, *parts: str, returns: str = "NULL") -> None:
        body = "".join(parts).format(no_due=f"DATE '{NO_DUE}'")
        op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {body} RETURN {returns}; END $$")  # fmt: skip

    function("hrplan_entry_tally_insert", _ENTRY_IN)
    function("hrplan_entry_tally_update", _ENTRY_LOCK, _ENTRY_OUT, _ENTRY_IN)
    function("hrplan_entry_tally_delete", _ENTRY_OUT)
    function("hrplan_activity_tally_insert", _ACTIVITY_IN)
    function("hrplan_activity_tally_update", _ACTIVITY_OUT, _ACTIVITY_IN, _ACTIVITY_ENTRIES_OUT,
             _ACTIVITY_ENTRIES_IN)  # fmt: skip
    function("hrplan_activity_tally_delete", _ACTIVITY_DROP_ENTRIES, _ACTIVITY_OUT, returns="OLD")
    for name, when, event, table in (
        ("followup_entry_tally_insert", "AFTER", "INSERT", "followup_entry"),
        ("followup_entry_tally_update", "AFTER", "UPDATE OF status, reviewed, round_id, activity_id",
         "followup_entry"),
        ("followup_entry_tally_delete", "AFTER", "DELETE", "followup_entry"),
        ("activity_tally_insert", "AFTER", "INSERT", "activity"),
        ("activity_tally_update", "AFTER", "UPDATE OF target_date, plan_id", "activity"),
        ("activity_tally_delete", "BEFORE", "DELETE", "activity"),
    ):  # fmt: skip
        op.execute(f"CREATE TRIGGER {name} {when} {event} ON {table} FOR EACH ROW "
                   f"EXECUTE FUNCTION hrplan_{name.replace('followup_entry', 'entry')}()")  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "round_tally",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["followup_round.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("round_id", "status", "reviewed", "due"),
    )
    op.create_table(
        "plan_tally",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("plan_id", "due"),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    no_due = f"DATE '{NO_DUE}'" if postgresql else f"'{NO_DUE}'"
    op.execute(
        "INSERT INTO round_tally (round_id, status, reviewed, due, n) "
        f"SELECT e.round_id, e.status, e.reviewed, COALESCE(a.target_date, {no_due}), count(*) "
        "FROM followup_entry e JOIN activity a ON a.id = e.activity_id "
        f"GROUP BY e.round_id, e.status, e.reviewed, COALESCE(a.target_date, {no_due})"
    )
    op.execute(
        f"INSERT INTO plan_tally (plan_id, due, n) SELECT plan_id, COALESCE(target_date, {no_due}), count(*) "
        f"FROM activity GROUP BY plan_id, COALESCE(target_date, {no_due})"
    )
    if postgresql:
        _postgresql()
    else:
        _sqlite()


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name in TRIGGERS:
        table = "followup_entry" if name.startswith("followup_entry") else "activity"
        op.execute(
            f"DROP TRIGGER IF EXISTS {name} ON {table}" if postgresql else f"DROP TRIGGER IF EXISTS {name}"
        )
        if postgresql:
            op.execute(f"DROP FUNCTION IF EXISTS hrplan_{name.replace('followup_entry', 'entry')}()")
    op.drop_table("plan_tally")
    op.drop_table("round_tally")
