"""Snapshots: several a day; changes name their snapshot

A list republished within a day gives a second snapshot of that date (issue 11 item 9), so
the date no longer identifies a snapshot: `uq_snapshot_date` goes, and each change row names
its snapshot by id. Until now a date named exactly one snapshot, so existing rows are filled
from it.

Revision ID: 0007
Revises: 0006
Created: 2026-12-05 08:48:48.945736
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('snapshot_id', sa.Integer(), nullable=True))
    op.execute(
        "UPDATE changes SET snapshot_id = (SELECT s.id FROM snapshots s "
        "WHERE s.source = changes.source AND s.published = changes.snapshot)"
    )
    op.execute("DELETE FROM changes WHERE snapshot_id IS NULL")  # none: derived, rederivable
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.alter_column('snapshot_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key('fk_changes_snapshot', 'snapshots', ['snapshot_id'], ['id'])

    with op.batch_alter_table('snapshots', schema=None) as batch_op:
        batch_op.drop_constraint('uq_snapshot_date', type_='unique')
        batch_op.create_index(
            'ix_snapshots_source_published', ['source', 'published'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('snapshots', schema=None) as batch_op:
        batch_op.drop_index('ix_snapshots_source_published')
        batch_op.create_unique_constraint('uq_snapshot_date', ['source', 'published'])

    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_constraint('fk_changes_snapshot', type_='foreignkey')
        batch_op.drop_column('snapshot_id')
