"""Why two listings are taken to be one target: the resolve package's scorer, run on demand
for the pairs of one target (a handful), with its feature-by-feature explanation."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from concerted.matching.matcher import explained
from concerted.matching.prepared import prepared
from concerted.model import ListingRef
from concerted.resolve.judgements import pair_key
from concerted.resolve.score import SCORERS, Scorer, get_scorer
from concerted.state.model import State

__all__ = ["explain_target", "prepared", "scorer_for"]


def scorer_for(state: State) -> Scorer:
    """The default scorer, with word rarity taken from this state's name index."""
    return state.remember(("scorer",), lambda: get_scorer(next(iter(SCORERS)), state.index.idf))


def explain_target(state: State, target_id: str, limit: int = 12) -> list[dict[str, Any]]:
    """Each pair of the target's listings from different lists, scored and explained."""
    records = state.target_records(target_id)
    scorer = scorer_for(state)
    pairs = [(a, b) for a, b in combinations(records, 2) if a.listing.source != b.listing.source]
    found = []
    for a, b in pairs[:limit]:
        score = scorer.score(prepared(a.listing), prepared(b.listing))
        key = pair_key(str(ListingRef(*a.key)), str(ListingRef(*b.key)))
        found.append({"left": {"source": a.listing.source, "listing_key": a.listing.key},
                      "right": {"source": b.listing.source, "listing_key": b.listing.key},
                      "score": round(score.score, 3), "scorer": scorer.name,
                      "judgement": state.judged.get(key),
                      **explained(score)})
    return found
