"""who made each change, undo batches from the database, notifications on a server

Revision ID: 0004_change_actor
Revises: 0003_narrative_sections
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004_change_actor"
down_revision: str | None = "0003_narrative_sections"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables whose changes another instance must see, as of this revision.
WATCHED = (
    "plan", "unit", "area", "activity", "key_figure", "followup_round", "followup_entry", "section", "change_log",
)


def upgrade() -> None:
    op.create_table(
        "change_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False, server_default="")
        )
        batch_op.create_index("ix_change_log_entity", ["entity", "entity_id"], unique=False)
    # Every batch already used gets its row, so the database hands out only higher ones.
    op.execute("INSERT INTO change_batch (id, actor, at) SELECT batch, '', min(at) FROM change_log GROUP BY batch")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "SELECT setval(pg_get_serial_sequence('change_batch', 'id'), "
            "coalesce((SELECT max(id) FROM change_batch), 0) + 1, false)"
        )
        op.execute(
            "CREATE FUNCTION hrplan_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN PERFORM pg_notify('hrplan_changes', TG_TABLE_NAME); RETURN NULL; END $$"
        )
        for table in WATCHED:
            op.execute(
                f'CREATE TRIGGER hrplan_notify_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
                f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION hrplan_notify()'
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in WATCHED:
            op.execute(f'DROP TRIGGER IF EXISTS hrplan_notify_{table} ON "{table}"')
        op.execute("DROP FUNCTION IF EXISTS hrplan_notify()")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_entity")
        batch_op.drop_column("actor")
    op.drop_table("change_batch")
