"""The labelled pairs, and a sample of the candidate pairs, scored by nomenklatura.

Run by `bench/resolve.py --nomenklatura` after it has put nomenklatura on `sys.path`; not
imported by the package. Each listing becomes its FollowTheMoney subject entity
(`concerted.ftm`), and `logic-v2` and `regression-v1` score each pair. A threshold for each
is chosen on the tune part (best F1) and reported with the holdout part's numbers.
"""

from __future__ import annotations

import random
import time
from typing import Any

from followthemoney import model

from concerted.ftm import listing_entities
from concerted.resolve.block import Blocker
from concerted.resolve.evaluate import Metrics, read_pairs
from concerted.resolve.judgements import pair_key
from concerted.resolve.record import prepare
from concerted.sources import SOURCES
from concerted.store.db import connect
from concerted.store.reader import Reader

__all__ = ["compare"]

THRESHOLDS = [round(0.05 * i, 2) for i in range(4, 20)]


def _metrics(scored: list[tuple[str, bool, bool, float]], threshold: float) -> dict[str, Metrics]:
    found = {name: Metrics(name) for name in ("tune", "holdout")}
    for split, gold, proposed, score in scored:
        found[split].add(gold, proposed and score >= threshold)
    return found


def _algorithm(name: str, entities: dict[str, Any], scored_pairs: list[tuple[Any, ...]],
               sample: list[tuple[str, str]]) -> dict[str, object]:
    from nomenklatura.matching import get_algorithm

    algorithm = get_algorithm(name)
    assert algorithm is not None
    config = algorithm.default_config()
    scored = [(split, gold, proposed,
               algorithm.compare(entities[a], entities[b], config).score)
              for a, b, split, gold, proposed in scored_pairs]
    best = max(THRESHOLDS, key=lambda t: _metrics(scored, t)["tune"].f1)
    chosen = _metrics(scored, best)
    started = time.perf_counter()
    for a, b in sample:
        algorithm.compare(entities[a], entities[b], config)
    rate = len(sample) / (time.perf_counter() - started)
    return {"threshold (best F1 on tune)": best, "pairs_per_second": round(rate),
            **{split: {"precision": round(m.precision, 4), "recall": round(m.recall, 4),
                       "f1": round(m.f1, 4)} for split, m in chosen.items()}}


def compare(url: str) -> dict[str, object]:
    rows = Reader(connect(url)).listings(current=True)
    entities = {f"{r.listing.source}:{r.listing.key}": model.get_proxy(listing_entities(
        r.listing, SOURCES[r.listing.source].jurisdiction)[0]) for r in rows}
    records = [prepare(r.listing) for r in rows]
    candidates = list(Blocker(records).candidates())
    proposed = {pair_key(records[c.left].ref, records[c.right].ref) for c in candidates}
    pairs = [(p.left, p.right, p.split, p.label == "positive", pair_key(p.left, p.right)
              in proposed) for p in read_pairs() if p.label != "unsure"
             and p.left in entities and p.right in entities]
    sample = [(records[c.left].ref, records[c.right].ref)
              for c in random.Random(1).sample(candidates, min(5000, len(candidates)))]
    return {"candidate pairs": len(candidates),
            **{name: _algorithm(name, entities, pairs, sample)
               for name in ("logic-v2", "regression-v1")}}
