"""Two entries of one person on the same list: when the system may link them itself.

Pure. A list keeps apart what its publisher keeps apart: two bodies, vessels or aircraft of
nearly one name on one list (a charity's branches, numbered companies, tail numbers) are
different ones, so only people are linked within a list. A person can have two entries:
the UK gives one Group ID per regime (BORTNIKOV 13037 and 13972), OFAC listed Ramzan
KADYROV a second time (36459). Their two references are no conflict in themselves; but
namesakes, siblings and twins share names and aliases too, so the system links two entries
of one list only on identity evidence beyond the name: the same full birth date or the same
document number, and the names they are listed under (aliases aside) agreeing on their own.
Anything less is left to a person.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from concerted.model import Listing
from concerted.resolve import features
from concerted.resolve.record import Record, prepare
from concerted.resolve.score import Scorer

__all__ = ["SameList", "same_list_evidence"]

_EXACT = features.DATE_WEIGHTS["exact"]
_SAME_DOCUMENT = 5.0


def same_list_evidence(left: Record, right: Record, primary_score: Callable[[], float],
                       threshold: float) -> str | None:
    """None when two entries of one list may be linked as one person, else why not.
    `primary_score` scores the pair on the names they are listed under only (asked last:
    it is the costly part)."""
    if not (left.is_person and right.is_person):
        return "two entries of one list that are not people are kept apart"
    dates = features.birth_date(left, right).weight >= _EXACT
    document = features.identifiers(left, right).weight >= _SAME_DOCUMENT
    if not (dates or document):
        return "two entries of one list: no full birth date or document number in common"
    if primary_score() < threshold:
        return "two entries of one list whose names (aliases aside) do not agree"
    return None


class SameList:
    """`same_list_evidence` as a callable over records, as the chaining check asks it; the
    names each entry is listed under (aliases aside) prepared once per entry."""

    def __init__(self, listings: Mapping[str, Listing], scorer: Scorer, threshold: float) -> None:
        self.listings, self.scorer, self.threshold = listings, scorer, threshold
        self._primary: dict[str, Record] = {}

    def _record(self, ref: str) -> Record:
        if ref not in self._primary:
            self._primary[ref] = prepare(replace(self.listings[ref], names=()))
        return self._primary[ref]

    def __call__(self, a: Record, b: Record) -> str | None:
        def primary() -> float:
            return self.scorer.score(self._record(a.ref), self._record(b.ref)).score

        return same_list_evidence(a, b, primary, self.threshold)
