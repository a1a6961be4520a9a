"""an index on followup_entry (round_id, status), so status counts read no table rows

Revision ID: 0007_status_count_index
Revises: 0005_users_roles
Create Date: 2026-12-03 15:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0007_status_count_index'
down_revision: str | None = '0005_users_roles'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_followup_entry_round_status', 'followup_entry', ['round_id', 'status'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_followup_entry_round_status', table_name='followup_entry')
