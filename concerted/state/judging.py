"""Judgements from the review queue: record them (append-only, attributed) and read them.

A thin adapter: while `concerted.resolve` keeps no judgements of its own, they live in the
`review_judgements` table and `concerted.state.links` applies them; the surfaces call only
this module, so pointing it at the resolve package later changes nothing else.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, insert, select

from concerted.accounts.clock import iso, utcnow
from concerted.analysis.inputs import ListingKey
from concerted.state.links import Suggestion, parse_ref, ref
from concerted.state.model import State
from concerted.store.tables import review_judgements

__all__ = ["DECISIONS", "available", "decisions", "judgements", "parse_ref", "record",
           "review_queue"]

DECISIONS = ("positive", "negative", "unsure")


def available() -> bool:
    return True


def _pair(left: ListingKey, right: ListingKey) -> tuple[ListingKey, ListingKey]:
    return (left, right) if left <= right else (right, left)


def record(engine: Engine, left: ListingKey, right: ListingKey, decision: str, user: str,
           score: float | None = None) -> dict[str, Any]:
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
    if left == right:
        raise ValueError("a listing cannot be judged against itself")
    a, b = _pair(left, right)
    row = {"left_ref": ref(a), "right_ref": ref(b), "judgement": decision, "score": score,
           "user": user, "created_at": iso(utcnow())}
    with engine.begin() as conn:
        key = conn.execute(insert(review_judgements).values(**row)).inserted_primary_key
    return {"id": int(key[0]) if key else None, "left": row["left_ref"],
            "right": row["right_ref"], "judgement": decision, "score": score, "user": user,
            "created_at": row["created_at"]}


def judgements(engine: Engine, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Newest first, every row (superseded ones too: the record is append-only)."""
    query = (select(review_judgements).order_by(review_judgements.c.id.desc())
             .limit(limit).offset(offset))
    with engine.connect() as conn:
        return [{"id": r.id, "left": r.left_ref, "right": r.right_ref, "judgement": r.judgement,
                 "score": r.score, "user": r.user, "created_at": r.created_at}
                for r in conn.execute(query)]


def decisions(engine: Engine) -> dict[tuple[ListingKey, ListingKey], str]:
    """The decision in force per pair: the latest."""
    query = select(review_judgements).order_by(review_judgements.c.id)
    with engine.connect() as conn:
        return {_pair(parse_ref(r.left_ref), parse_ref(r.right_ref)): r.judgement
                for r in conn.execute(query)}


def review_queue(engine: Engine, state: State, limit: int = 20) -> list[Suggestion]:
    """Uncertain pairs nobody has decided (unsure ones come back), most likely first."""
    decided = {pair for pair, d in decisions(engine).items() if d != "unsure"}
    waiting = [s for s in state.suggestions if s.score < state.link_config.auto
               and (s.left, s.right) not in decided
               and state.target_of.get(s.left) != state.target_of.get(s.right)]
    return waiting[:limit]
