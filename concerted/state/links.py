"""Suggested cross-list links and the targets they make: a stand-in for the resolve
package's linker until it stores its own judgements. Pure.

Listings of the thematic programs (human rights, corruption, cyber and their kin) are the
ones the pages are about; each is compared with the few listings on other lists that share
its rarest name words, by the resolve package's scorer. A pair at `auto` or above is linked
unless a person rejected it; a pair a person confirmed is linked whatever its score; pairs
between `review` and `auto` wait in the review queue. Clusters are the connected listings;
a target's id is its first listing's reference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from concerted.analysis.inputs import ListingKey, ListingRecord, Target, listing_countries
from concerted.resolve.score import Scorer
from concerted.state.prepared import prepared
from concerted.state.search import NameIndex

__all__ = ["LinkConfig", "Suggestion", "link_targets", "parse_ref", "ref", "suggest_links"]

_THEMATIC_MARKERS = ("glomag", "magnit", "cyber", "ghr", "gac", "jvcfoa", "thematic", "hrit",
                     "7031c", "election")


@dataclass(frozen=True)
class LinkConfig:
    auto: float = 0.9
    review: float = 0.5
    candidates: int = 8


@dataclass(frozen=True)
class Suggestion:
    left: ListingKey
    right: ListingKey
    score: float
    explanation: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"left": ref(self.left), "right": ref(self.right), "score": round(self.score, 3),
                "explanation": list(self.explanation)}


def ref(key: ListingKey) -> str:
    return f"{key[0]}:{key[1]}"


def parse_ref(text: str) -> ListingKey:
    source, _, key = text.partition(":")
    if not source or not key:
        raise ValueError(f"not a listing reference (source:key): {text!r}")
    return source, key


def _thematic(record: ListingRecord) -> bool:
    return any(marker in program for program in record.listing.program_ids
               for marker in _THEMATIC_MARKERS)


def suggest_links(records: Mapping[ListingKey, ListingRecord], index: NameIndex,
                  scorer: Scorer, config: LinkConfig) -> list[Suggestion]:
    """Scored cross-list pairs at `config.review` or above, each pair once."""
    found: dict[tuple[ListingKey, ListingKey], Suggestion] = {}
    for key, record in sorted(records.items()):
        if not _thematic(record):
            continue
        for other_ref in index.candidates(record.listing.name, limit=config.candidates):
            other = parse_ref(other_ref)
            pair = (min(key, other), max(key, other))
            if other[0] == key[0] or pair in found or other not in records:
                continue
            score = scorer.score(prepared(records[pair[0]].listing),
                                 prepared(records[pair[1]].listing), floor=config.review)
            if score.score >= config.review:
                found[pair] = Suggestion(*pair, score.score, tuple(score.explanation()))
    return sorted(found.values(), key=lambda s: (-s.score, s.left, s.right))


def link_targets(records: Mapping[ListingKey, ListingRecord], suggestions: Iterable[Suggestion],
                 decisions: Mapping[tuple[ListingKey, ListingKey], str], config: LinkConfig
                 ) -> tuple[Target, ...]:
    parent: dict[ListingKey, ListingKey] = {key: key for key in records}

    def find(key: ListingKey) -> ListingKey:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    auto = [(s.left, s.right) for s in suggestions if s.score >= config.auto]
    confirmed = [pair for pair, decision in decisions.items() if decision == "positive"]
    for left, right in [*auto, *confirmed]:
        if decisions.get((left, right)) != "negative" and left in parent and right in parent:
            parent[find(right)] = find(left)
    clusters: dict[ListingKey, list[ListingKey]] = {}
    for key in sorted(records):
        clusters.setdefault(find(key), []).append(key)
    return tuple(_target(records, keys) for keys in clusters.values())


def _target(records: Mapping[ListingKey, ListingRecord], keys: Sequence[ListingKey]) -> Target:
    head = records[keys[0]].listing
    countries = sorted({c for k in keys for c in listing_countries(records[k].listing)})
    return Target(id=ref(keys[0]), name=head.name, schema=head.schema,
                  countries=tuple(countries), listings=tuple(keys))
