"""Screening a name (and birth date, nationality) against every list: `match_targets`.

Orchestrator over pure parts. The query becomes a listing of its own, the blocker finds
the listings that share the most key weight with it, the scorer scores each, and a target
scores as its best listing, with that listing's explanation.
"""

from __future__ import annotations

from dataclasses import dataclass

from concerted.analysis.inputs import Target
from concerted.model import Listing, Name
from concerted.resolve.block import Blocker
from concerted.resolve.record import Record, prepare
from concerted.resolve.score import Score, get_scorer

__all__ = ["Hit", "match_targets", "query_listing"]


@dataclass(frozen=True)
class Hit:
    target: Target
    best: Score


def query_listing(names: tuple[str, ...], birth_dates: tuple[str, ...] = (),
                  nationalities: tuple[str, ...] = (), schema: str = "Person") -> Listing:
    return Listing(source="query", key="query", schema=schema, name=names[0],
                   names=tuple(Name(n, "alias") for n in names[1:]),
                   birth_dates=birth_dates, nationalities=nationalities)


def match_targets(query: Listing, records: list[Record], targets: list[Target],
                  limit: int = 10, scorer: str = "rules-v1") -> list[Hit]:
    """The best-scoring targets for the query, best first."""
    pool = [prepare(query), *records]
    blocker = Blocker(pool)
    chosen = get_scorer(scorer, blocker.idf)
    target_of = {f"{source}:{key}": t for t in targets for source, key in t.listings}
    best: dict[str, Hit] = {}
    for j in blocker.neighbours(0, limit * 10):
        score = chosen.score(pool[0], pool[j])
        target = target_of.get(pool[j].ref)
        if target and (target.id not in best or score.score > best[target.id].best.score):
            best[target.id] = Hit(target, score)
    return sorted(best.values(), key=lambda h: -h.best.score)[:limit]
