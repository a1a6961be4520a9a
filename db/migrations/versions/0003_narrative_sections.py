"""narrative sections on the plan and its units; the unit's risk text becomes its Riskanalys section

Revision ID: 0003_narrative_sections
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0003_narrative_sections'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('section',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(length=100000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('introduction', 'challenges', 'conclusion', 'tasks', 'follow_up', 'analysis', 'future_needs', 'risks', 'free')", name='ck_kind_set'),
    sa.CheckConstraint('length(body) <= 100000', name='ck_body_len'),
    sa.CheckConstraint('length(title) <= 200', name='ck_title_len'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_section_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_section_unit_id'), ['unit_id'], unique=False)

    # The risk text of every unit that has one becomes its Riskanalys section (the fifth of a unit's).
    op.execute(
        "INSERT INTO section (kind, title, body, plan_id, unit_id, position, version) "
        "SELECT 'risks', '', risk_analysis, plan_id, id, 4, 1 FROM unit "
        "WHERE length(trim(risk_analysis)) > 0"
    )
    # SQLite rebuilds the table to drop a column; db.migrate runs migrations with foreign keys off so
    # that the rebuild does not take the unit's activities along.
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_constraint('ck_risk_analysis_len', type_='check')
        batch_op.drop_column('risk_analysis')


def downgrade() -> None:
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('risk_analysis', sqlmodel.sql.sqltypes.AutoString(length=20000),
                                      nullable=False, server_default=''))
        batch_op.create_check_constraint('ck_risk_analysis_len', 'length(risk_analysis) <= 20000')
    op.execute(
        "UPDATE unit SET risk_analysis = (SELECT substr(s.body, 1, 20000) FROM section AS s "
        "WHERE s.unit_id = unit.id AND s.kind = 'risks') "
        "WHERE EXISTS (SELECT 1 FROM section AS s WHERE s.unit_id = unit.id AND s.kind = 'risks')"
    )
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_section_unit_id'))
        batch_op.drop_index(batch_op.f('ix_section_plan_id'))
    op.drop_table('section')
