"""Candidate pairs without comparing everything with everything: an IDF-weighted key index.

Pure. Every record's keys (`blockkeys.record_keys`) go into an inverted index per schema
group, so only schema-compatible records meet. A pair's weight is the sum, over the keys it
shares, of each key's inverse document frequency times the trust in its kind (a word counts
more than its metaphone). A pair becomes a candidate when it shares a document number, or
when its weight reaches `min_weight`; each record keeps its `max_candidates` heaviest.
Keys held by more than `max_df` records (`w:muhammad`) are too common to propose pairs on
their own, but two common words together (`b:ali|muhammad`) are a key of their own.
Pairs of people within one list are proposed too (`lists="any"`): a list can name one
person twice (the UK gives a person one Group ID per regime; OFAC listed Ramzan KADYROV a
second time), while near-identical bodies, vessels or aircraft on one list are different
ones (see `duplicates`). Same-list pairs get a budget of their own (`max_same_list`), so a
list's many namesakes never crowd out another list's candidates; `lists="cross"` or
`"same"` proposes only one kind.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from concerted.resolve.blockkeys import record_keys, schema_group
from concerted.resolve.record import Record

__all__ = ["IDENTIFIER_WEIGHT", "KEY_TRUST", "BlockConfig", "Blocker", "Candidate", "choose",
           "key_weight"]

KEY_TRUST = {"w": 1.0, "j": 1.0, "b": 1.0, "y": 0.8, "p": 0.6, "s": 0.5}
IDENTIFIER_WEIGHT = 100.0


@dataclass(frozen=True)
class BlockConfig:
    min_weight: float = 10.0
    max_df: int = 300
    max_candidates: int = 40  # per record, from other lists
    max_same_list: int = 5  # per record, from its own list
    lists: Literal["any", "cross", "same"] = "any"


@dataclass(frozen=True, slots=True)
class Candidate:
    left: int  # index into the records given to the Blocker
    right: int
    weight: float


class Blocker:
    def __init__(self, records: Sequence[Record], config: BlockConfig | None = None) -> None:
        self.records = records
        self.config = config or BlockConfig()
        self.keys = [sorted(record_keys(r)) for r in records]  # sorted: same sums every run
        self.groups = [schema_group(r.schema) for r in records]
        self.sources = [r.source for r in records]
        self.postings: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for i, (group, keys) in enumerate(zip(self.groups, self.keys, strict=True)):
            postings = self.postings[group]
            for key in keys:
                postings[key].append(i)
        total = max(len(records), 1)
        self.weights = {group: {k: key_weight(k, len(v), total) for k, v in postings.items()}
                        for group, postings in self.postings.items()}
        word_df: dict[str, int] = defaultdict(int)
        for postings in self.postings.values():
            for key, posting in postings.items():
                if key.startswith("w:"):
                    word_df[key[2:]] += len(posting)
        self.word_idf = {word: math.log(total / df) for word, df in word_df.items()}

    def idf(self, word: str) -> float:
        """How rare a name word is across all records (log of N over its frequency)."""
        return self.word_idf.get(word, math.log(max(len(self.records), 1)))

    def _scores(self, i: int) -> dict[int, float]:
        postings, weights = self.postings[self.groups[i]], self.weights[self.groups[i]]
        found: dict[int, float] = defaultdict(float)
        for key in self.keys[i]:
            posting, weight = postings[key], weights[key]
            if len(posting) > self.config.max_df and weight < IDENTIFIER_WEIGHT:
                continue
            for j in posting[bisect_right(posting, i):]:
                found[j] += weight
        return found

    def neighbours(self, i: int, limit: int = 50) -> list[int]:
        """The records after `i` that share the most key weight with it (for a query at 0)."""
        found = self._scores(i)
        return [j for j, _ in sorted(found.items(), key=lambda kv: -kv[1])[:limit]]

    def candidates(self) -> Iterator[Candidate]:
        """Each wanted pair once (left < right), in record order."""
        for i in range(len(self.records)):
            yield from choose(self.config, i, self._scores(i), self.sources,
                              self.records[i].is_person)


def choose(config: BlockConfig, i: int, found: Mapping[int, float], sources: Sequence[str],
           person: bool) -> list[Candidate]:
    """Record `i`'s candidates among the records `found` sharing key weight with it: its
    heaviest from other lists, and (a person) from its own list, by record index."""
    mine = sources[i]
    cross: list[tuple[float, int]] = []
    same: list[tuple[float, int]] = []
    for j, weight in found.items():
        if weight < config.min_weight:
            continue
        if sources[j] != mine:
            cross.append((weight, j))
        elif person:
            same.append((weight, j))
    chosen = [*(heapq.nlargest(config.max_candidates, cross) if config.lists != "same" else ()),
              *(heapq.nlargest(config.max_same_list, same) if config.lists != "cross" else ())]
    return [Candidate(i, j, weight) for weight, j in sorted(chosen, key=lambda item: item[1])]


def key_weight(key: str, df: int, total: int) -> float:
    """A key's weight: identifiers count when few records share them, other keys by their
    inverse document frequency times the trust in their kind."""
    if key.startswith("i:"):
        return IDENTIFIER_WEIGHT if df <= 20 else 0.0
    return KEY_TRUST[key[0]] * math.log(total / df)
