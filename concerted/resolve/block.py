"""Candidate pairs without comparing everything with everything: an IDF-weighted key index.

Pure. Every record's keys (`blockkeys.record_keys`) go into an inverted index per schema
group. A pair becomes a candidate when it shares a document number, or when the inverse
document frequencies of the keys it shares add up to `min_weight`; keys held by more than
`max_df` records (`w:muhammad`) are too common to propose pairs on their own, but two common
words together (`b:ali|muhammad`) are a key of their own. By default only pairs from two
different lists are proposed; `same_list=True` proposes only same-list pairs instead (the
duplicates report).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from concerted.resolve.blockkeys import record_keys, schema_group
from concerted.resolve.record import Record

__all__ = ["BlockConfig", "Blocker", "Candidate"]


@dataclass(frozen=True)
class BlockConfig:
    min_weight: float = 7.0
    max_df: int = 300
    same_list: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    left: int  # index into the records given to the Blocker
    right: int
    weight: float


class Blocker:
    def __init__(self, records: Sequence[Record], config: BlockConfig | None = None) -> None:
        self.records = records
        self.config = config or BlockConfig()
        self.keys = [record_keys(r) for r in records]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, (record, keys) in enumerate(zip(records, self.keys, strict=True)):
            group = schema_group(record.schema)
            for key in keys:
                self.postings[f"{group}/{key}"].append(i)
        total = max(len(records), 1)
        self.weights = {k: math.log(total / len(v)) for k, v in self.postings.items()}
        self.word_idf = {k.split("/w:", 1)[1]: w for k, w in self.weights.items() if "/w:" in k}

    def idf(self, word: str) -> float:
        """How rare a name word is across all records (log of N over its frequency)."""
        return self.word_idf.get(word, math.log(max(len(self.records), 1)))

    def _wanted(self, i: int, j: int) -> bool:
        same = self.records[i].source == self.records[j].source
        return same if self.config.same_list else not same

    def _scores(self, i: int) -> dict[int, float]:
        group = schema_group(self.records[i].schema)
        found: dict[int, float] = defaultdict(float)
        for key in self.keys[i]:
            posting = self.postings[f"{group}/{key}"]
            strong = key.startswith("i:")
            if len(posting) > self.config.max_df and not strong:
                continue
            weight = 100.0 if strong else self.weights[f"{group}/{key}"]
            for j in posting[bisect_right(posting, i):]:
                found[j] += weight
        return found

    def candidates(self) -> Iterator[Candidate]:
        """Each wanted pair once (left < right), in record order."""
        for i in range(len(self.records)):
            for j, weight in sorted(self._scores(i).items()):
                if weight >= self.config.min_weight and self._wanted(i, j):
                    yield Candidate(i, j, weight)
