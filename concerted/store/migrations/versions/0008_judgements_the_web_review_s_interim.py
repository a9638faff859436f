"""Judgements: the web review's interim table review_judgements carried into judgements and
dropped (issue 12 item 4).

Every row of it becomes a row of `judgements` (the pair in its order-free form, a row citing
one listing twice left out, as the journal always read them), unless `judgements` already
holds the same decision; `concerted.resolve.journal` orders judgements by their time, so
the carried rows count where they were made. A backup taken before this revision restores
at its own revision and is brought here by the same step.

Revision ID: 0008
Revises: 0007
Created: 2026-12-05 09:15:40.133251
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


_COLUMNS = ("left_ref", "right_ref", "judgement", "score", "user", "created_at")
_interim = sa.table("review_judgements", sa.column("id", sa.Integer),
                    *(sa.column(name) for name in _COLUMNS))
_journal = sa.table("judgements", sa.column("note", sa.Text),
                    *(sa.column(name) for name in _COLUMNS))


def _carry_over() -> None:
    conn = op.get_bind()
    held = {tuple(row) for row in conn.execute(sa.select(
        _journal.c.left_ref, _journal.c.right_ref, _journal.c.judgement, _journal.c.user,
        _journal.c.created_at))}
    rows = []
    for row in conn.execute(sa.select(_interim).order_by(_interim.c.id)).mappings():
        left, right = sorted((row["left_ref"], row["right_ref"]))
        key = (left, right, row["judgement"], row["user"], row["created_at"])
        if left != right and key not in held:
            held.add(key)
            rows.append({"left_ref": left, "right_ref": right, "judgement": row["judgement"],
                         "score": row["score"], "user": row["user"],
                         "created_at": row["created_at"], "note": None})
    if rows:
        op.bulk_insert(_journal, rows)


def upgrade() -> None:
    _carry_over()
    with op.batch_alter_table('review_judgements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_judgements_pair'))

    op.drop_table('review_judgements')


def downgrade() -> None:
    # The table comes back empty: its rows live on in `judgements`.
    op.create_table('review_judgements',
    sa.Column('id', sa.INTEGER(), nullable=False),
    sa.Column('left_ref', sa.VARCHAR(length=300), nullable=False),
    sa.Column('right_ref', sa.VARCHAR(length=300), nullable=False),
    sa.Column('judgement', sa.VARCHAR(length=16), nullable=False),
    sa.Column('score', sa.FLOAT(), nullable=True),
    sa.Column('user', sa.VARCHAR(length=320), nullable=False),
    sa.Column('created_at', sa.VARCHAR(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('review_judgements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_judgements_pair'), ['left_ref', 'right_ref'],
                              unique=False)
