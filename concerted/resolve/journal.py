"""The judgements and the review queue in the store (SQLite or PostgreSQL).

Adapter. Judgements are only ever appended (`append`); `load` returns them in the order
they were made (rows carried over from the web review's former interim table, revision
0008, count at the time they were made). The queue is replaced by
each `concerted resolve` run (`replace_queue`); `queue` lists what is still undecided.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from concerted.resolve.judgements import JudgementRecord, QueueItem
from concerted.store.tables import judgements, resolve_queue

__all__ = ["QueueItem", "append", "load", "of_pairs", "queue", "replace_queue",
           "since"]


def _row(record: JudgementRecord) -> dict[str, Any]:
    return {"left_ref": record.left, "right_ref": record.right,
            "judgement": record.judgement.value, "user": record.user,
            "created_at": record.created_at, "score": record.score, "note": record.note}


def append(engine: Engine, records: Iterable[JudgementRecord]) -> int:
    rows = [_row(r) for r in records]
    if rows:
        with engine.begin() as conn:
            conn.execute(insert(judgements), rows)
    return len(rows)


def load(engine: Engine) -> list[JudgementRecord]:
    """Every judgement, oldest first."""
    return since(engine, 0)[0]


def since(engine: Engine, position: int) -> tuple[list[JudgementRecord], int]:
    """The judgements recorded after `position` (0: all), oldest first, and the position
    after them (the last row's id), to ask from next time."""
    query = select(judgements).where(judgements.c.id > position).order_by(judgements.c.id)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return _records(rows), max((r.id for r in rows), default=position)


def of_pairs(engine: Engine, pairs: Collection[tuple[str, str]]) -> list[JudgementRecord]:
    """Every judgement of these pairs (`pair_key` order), oldest first."""
    found: list[Any] = []
    with engine.connect() as conn:
        for left, right in pairs:
            found += conn.execute(select(judgements).where(
                judgements.c.left_ref == left, judgements.c.right_ref == right)).all()
    return _records(sorted(found, key=lambda r: r.id))


def _records(rows: Sequence[Any]) -> list[JudgementRecord]:
    found = [JudgementRecord.make(r.left_ref, r.right_ref, r.judgement, r.user, r.created_at,
                                  r.score, r.note) for r in rows]
    return sorted(found, key=lambda r: r.created_at)  # stable: same-time rows keep their order


def replace_queue(engine: Engine, items: Sequence[QueueItem]) -> None:
    rows = [{"left_ref": i.left, "right_ref": i.right, "score": i.score,
             "features": json.dumps(i.features, ensure_ascii=False), "reason": i.reason,
             "created_at": i.created_at} for i in items]
    with engine.begin() as conn:
        conn.execute(delete(resolve_queue))
        if rows:
            conn.execute(insert(resolve_queue), rows)


def queue(engine: Engine, decided: set[tuple[str, str]] | None = None) -> list[QueueItem]:
    """The queue, highest score first, without the pairs in `decided`."""
    query = select(resolve_queue).order_by(resolve_queue.c.score.desc(),
                                           resolve_queue.c.left_ref, resolve_queue.c.right_ref)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [QueueItem(r.left_ref, r.right_ref, r.score, json.loads(r.features), r.reason,
                      r.created_at)
            for r in rows if (r.left_ref, r.right_ref) not in (decided or set())]
