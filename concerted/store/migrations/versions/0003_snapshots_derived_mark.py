"""Snapshots: derived mark

Every snapshot already held starts "not derived", so the first ingest after the upgrade
derives each source's changes and listings once more: that also repairs a store left wrong
by an ingest interrupted before this revision (issue 15 item 4).

Revision ID: 0003
Revises: 0002
Created: 2026-12-05 08:35:42.428638
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('snapshots', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('derived', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table('snapshots', schema=None) as batch_op:
        batch_op.drop_column('derived')
