"""The review queue's items, and what of them is left for a person to decide.

Pure. A queue item is a scored pair with its explanation and why it waits: `band` (between
the review threshold and the link threshold), `chain` (refused by the chaining check) or
`same_list` (two entries of one list without the evidence `duplicates` asks for). `pending`
keeps only what a person still has to decide: no pair already in one target, none that would
make one target of two bodies of one list, and the likeliest pair for each two targets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from concerted.resolve.judgements import QueueItem, pair_key
from concerted.resolve.linker import Linker
from concerted.resolve.score import Score

__all__ = ["Waiting", "pending", "queue_item"]

Kinds = Mapping[str, tuple[str, bool]]  # listing ref -> (its list, whether a person)


class Waiting(NamedTuple):
    """A pair that may wait for a person: why (`reason`, `why`), before it is explained."""

    key: tuple[str, str]
    score: float
    reason: str
    why: str = ""


def queue_item(score: Score, reason: str, now: str, why: str = "") -> QueueItem:
    a, b = pair_key(score.left, score.right)
    features = score.features_dict()
    if why:
        said = "Not linked by the chaining check" if reason == "chain" else "Not linked"
        features.append({"name": reason, "weight": 0.0, "explanation": f"{said}: {why}."})
    return QueueItem(a, b, round(score.score, 4), features, reason, now)


def _bodies_of_one_list(a: frozenset[str], b: frozenset[str], kinds: Kinds) -> bool:
    """Whether joining a and b would make one target of two bodies (or vessels, aircraft)
    of one list: what its publisher keeps apart is never proposed as one (`duplicates`)."""
    mine = {kinds[r] for r in a if r in kinds}
    return any((kinds[r][0], False) in mine or ((kinds[r][0], True) in mine
               and not kinds[r][1]) for r in b if r in kinds)


def pending(items: list[Waiting], linker: Linker, kinds: Kinds) -> list[Waiting]:
    """What is left to decide: pairs in two targets that could be one, the likeliest pair
    for each two targets."""
    chosen: dict[tuple[str, str], Waiting] = {}
    for item in sorted(items, key=lambda i: (-i.score, i.key)):
        (a, left), (b, right) = sorted(map(linker.cluster_of, item.key))
        if a != b and (a, b) not in chosen and not _bodies_of_one_list(left, right, kinds):
            chosen[(a, b)] = item
    return list(chosen.values())
