"""Memberships without a rowid (SQLite)

A membership row is its key, (snapshot, version): stored as a WITHOUT ROWID table SQLite
keeps one B-tree for it instead of a rowid table plus its primary-key index, so each of the
hundreds of thousands of rows an ingest of the history writes costs one insert less (a third
of the CPU of writing them; issue 11, bench/ingest.py). PostgreSQL tables have no rowid:
nothing changes there. The rows are copied as they are.

Revision ID: 0010
Revises: 0009
Created: 2026-12-06 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def _rebuild(with_rowid: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_table(
        "memberships_rebuilt",
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["snapshot_id"], ["snapshots.id"]),
        sa.ForeignKeyConstraint(["version_id"], ["versions.id"]),
        sa.PrimaryKeyConstraint("snapshot_id", "version_id"),
        sqlite_with_rowid=with_rowid,
    )
    op.execute("INSERT INTO memberships_rebuilt (snapshot_id, version_id) "
               "SELECT snapshot_id, version_id FROM memberships ORDER BY snapshot_id, version_id")
    op.drop_index("ix_memberships_version", table_name="memberships")
    op.drop_table("memberships")
    op.rename_table("memberships_rebuilt", "memberships")
    op.create_index("ix_memberships_version", "memberships", ["version_id"], unique=False)


def upgrade() -> None:
    _rebuild(with_rowid=False)


def downgrade() -> None:
    _rebuild(with_rowid=True)
