"""Judgements from the review queue and the API: record them (append-only, attributed, in
the resolve package's journal) and read them, and the queue of pairs waiting for a person.

A thin adapter over `concerted.resolve.journal`, so the surfaces need no other module.
Judgements are read straight from the journal's table, a page at a time (the automatic links
`concerted resolve` makes are thousands).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import Engine, Select, exists, func, select

from concerted import clock
from concerted.analysis.inputs import ListingKey
from concerted.labels import jurisdiction_name
from concerted.model import ListingRef
from concerted.resolve import journal
from concerted.resolve.judgements import SYSTEM, JudgementRecord
from concerted.state.model import State
from concerted.store.tables import judgements as journal_table
from concerted.store.tables import resolve_queue

__all__ = ["DECISIONS", "REVIEWERS_ONLY", "WHO", "ReviewBatch", "anonymised", "available",
           "judgements", "record", "review_batch", "review_queue"]

DECISIONS = ("positive", "negative", "unsure")
REVIEWERS_ONLY = ("recording judgements needs the reviewer role: judging which listings are "
                  "one target changes what packets tell governments (concerted users "
                  "reviewer EMAIL)")


def anonymised(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows without people's e-mail addresses (for anyone but a reviewer)."""
    return [{**r, "user": r["user"] if r["user"] == SYSTEM else "reviewer"} for r in rows]


def available(engine: Engine) -> bool:
    """Whether `concerted resolve` has run on this store (it leaves system links or a
    queue); until then there is nothing to review and each listing is its own target."""
    with engine.connect() as conn:
        system = conn.scalar(select(exists().where(journal_table.c.user == SYSTEM)))
        queued = conn.scalar(select(exists().select_from(resolve_queue)))
    return bool(system or queued)


def record(engine: Engine, left: ListingKey, right: ListingKey, decision: str, user: str,
           score: float | None = None) -> dict[str, Any]:
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
    row = JudgementRecord.make(str(ListingRef(*left)), str(ListingRef(*right)), decision, user,
                               clock.stamp(), score)
    journal.append(engine, [row])
    return {"left": row.left, "right": row.right, "judgement": row.judgement.value,
            "score": row.score, "user": row.user, "created_at": row.created_at}


WHO = ("all", "people", "system")  # whose judgements to read: `system` is resolve's links


def _query(who: str) -> Select[Any]:
    table = journal_table
    query = select(table.c.left_ref, table.c.right_ref, table.c.judgement, table.c.score,
                   table.c.user, table.c.created_at)
    if who == "people":
        query = query.where(table.c.user != SYSTEM)
    elif who == "system":
        query = query.where(table.c.user == SYSTEM)
    elif who != "all":
        raise ValueError(f"whose judgements: one of {', '.join(WHO)}, not {who!r}")
    return query


def _row(r: Any) -> dict[str, Any]:
    return {"left": r.left_ref, "right": r.right_ref, "judgement": r.judgement,
            "score": r.score, "user": r.user, "created_at": r.created_at}


def _people(engine: Engine) -> list[dict[str, Any]]:
    """People's judgements, newest first."""
    return judgements(engine, limit=None, who="people")[1]


def judgements(engine: Engine, limit: int | None = 200, offset: int = 0, who: str = "people"
               ) -> tuple[int, list[dict[str, Any]]]:
    """How many judgements `who` made in all, and a page of them, newest first (people's,
    the links `concerted resolve` made, or all)."""
    query = _query(who)
    counted = select(func.count()).select_from(query.subquery())
    page = (query.order_by(journal_table.c.created_at.desc(), journal_table.c.id.desc())
            .offset(offset).limit(limit))
    with engine.connect() as conn:
        total = conn.execute(counted).scalar_one()
        return total, [_row(r) for r in conn.execute(page)]


class ReviewBatch(NamedTuple):
    total: int  # every pair waiting for a person
    changing_gaps: int  # of which a decision would change a gap
    pairs: list[dict[str, Any]]  # the page asked for


def review_queue(engine: Engine, state: State, limit: int = 20) -> list[dict[str, Any]]:
    """The first `limit` pairs of `review_batch`."""
    return review_batch(engine, state, limit).pairs


def review_batch(engine: Engine, state: State, limit: int = 20, offset: int = 0
                 ) -> ReviewBatch:
    """The pairs waiting for a person, counted, and one page of them: first those whose
    decision would change a gap (one side's target is missing a jurisdiction the other's list
    is), then the most likely; `{left, right, score, explanation, changes_gap}`."""
    pairs = [{**p, "changes_gap": _gap_change(state, p["left"], p["right"])}
             for p in _waiting(engine, state)]
    pairs.sort(key=lambda p: (not p["changes_gap"], -float(p["score"] or 0)))
    return ReviewBatch(len(pairs), sum(1 for p in pairs if p["changes_gap"]),
                       pairs[offset:offset + limit])


def _gap_change(state: State, left: str, right: str) -> str:
    """Why confirming the pair would change a gap ("" when it would not)."""
    sides = (state.target_for(left), state.target_for(right))
    for mine, other in (sides, sides[::-1]):
        gap = state.gap_of.get(mine or "")
        acted = {d.jurisdiction for d in state.by_target.get(other or "", ())}
        closed = sorted({m.jurisdiction for m in gap.missing} & acted) if gap else []
        if closed:
            governments = ", ".join(jurisdiction_name(code) for code in closed)
            return f"would close the gap of {gap.name if gap else ''} for {governments}"
    return ""


def _waiting(engine: Engine, state: State) -> list[dict[str, Any]]:
    """Every pair waiting for a person, most likely first."""
    decided = {(r["left"], r["right"]) for r in _people(engine) if r["judgement"] != "unsure"}
    waiting = [item for item in journal.queue(engine, decided)
               if state.target_for(item.left) != state.target_for(item.right)
               or state.target_for(item.left) is None]
    return [{"left": i.left, "right": i.right, "score": round(i.score, 3),
             "reason": i.reason, "explanation": [f.get("explanation", "") for f in i.features]}
            for i in waiting]
