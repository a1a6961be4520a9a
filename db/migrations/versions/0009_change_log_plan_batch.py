"""an index on change_log (plan_id, batch) in place of the one on plan_id: undo and redo find a plan's
latest batch from the newest end instead of reading every change the plan ever had

Revision ID: 0009_change_log_plan_batch
Revises: 0008_status_tally
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009_change_log_plan_batch"
down_revision: str | None = "0008_status_tally"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The new index serves every lookup by plan_id alone too (its first column).
    op.create_index("ix_change_log_plan_batch", "change_log", ["plan_id", "batch"], unique=False)
    op.drop_index("ix_change_log_plan_id", table_name="change_log")


def downgrade() -> None:
    op.create_index("ix_change_log_plan_id", "change_log", ["plan_id"], unique=False)
    op.drop_index("ix_change_log_plan_batch", table_name="change_log")
