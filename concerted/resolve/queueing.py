"""The review queue's items, and what of them is left for a person to decide.

Pure. A queue item is a scored pair with its explanation and why it waits: `band` (between
the review threshold and the link threshold), `chain` (refused by the chaining check) or
`same_list` (two entries of one list without the evidence `duplicates` asks for). `pending`
keeps only what a person still has to decide: no pair already in one target, none that would
make one target of two bodies of one list, and the likeliest pair for each two targets.
"""

from __future__ import annotations

from concerted.resolve.judgements import QueueItem, pair_key
from concerted.resolve.linker import Linker
from concerted.resolve.record import Record
from concerted.resolve.score import Score

__all__ = ["pending", "queue_item"]


def queue_item(score: Score, reason: str, now: str, why: str = "") -> QueueItem:
    a, b = pair_key(score.left, score.right)
    features = score.features_dict()
    if why:
        said = "Not linked by the chaining check" if reason == "chain" else "Not linked"
        features.append({"name": reason, "weight": 0.0, "explanation": f"{said}: {why}."})
    return QueueItem(a, b, round(score.score, 4), features, reason, now)


def _bodies_of_one_list(a: frozenset[str], b: frozenset[str], by_ref: dict[str, Record]
                        ) -> bool:
    """Whether joining a and b would make one target of two bodies (or vessels, aircraft)
    of one list: what its publisher keeps apart is never proposed as one (`duplicates`)."""
    kinds = {(by_ref[r].source, by_ref[r].is_person) for r in a if r in by_ref}
    return any((by_ref[r].source, False) in kinds or ((by_ref[r].source, True) in kinds
               and not by_ref[r].is_person) for r in b if r in by_ref)


def pending(items: list[QueueItem], linker: Linker, by_ref: dict[str, Record]
            ) -> list[QueueItem]:
    """What is left to decide: pairs in two targets that could be one, the likeliest pair
    for each two targets."""
    clusters = linker.targets()
    chosen: dict[tuple[str, str], QueueItem] = {}
    for item in sorted(items, key=lambda i: (-i.score, i.left, i.right)):
        a, b = sorted((linker.target_of(item.left), linker.target_of(item.right)))
        if a != b and (a, b) not in chosen and not _bodies_of_one_list(
                clusters[a], clusters[b], by_ref):
            chosen[(a, b)] = item
    return list(chosen.values())
