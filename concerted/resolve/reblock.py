"""The blocking index kept between resolve runs: `KeyIndex`.

Pure. A full run's `Blocker` is turned into a `KeyIndex` (every record's blocking keys as
posting arrays, with each record's list, kind and listing version), which a later run
brings up to the listings that changed since (`replace`) and asks only for their candidate
pairs (`candidates_of`). Its key weights and word rarity are computed from the postings as
they are now, so a changed record meets the pairs a full run would propose from its side
(with every other record, not only those after it); the pairs between two unchanged
records keep the scores they were given.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from concerted.resolve.block import (
    IDENTIFIER_WEIGHT,
    BlockConfig,
    Blocker,
    Candidate,
    choose,
    key_weight,
)
from concerted.resolve.blockkeys import record_keys, schema_group
from concerted.resolve.record import Record

__all__ = ["KeyIndex"]

_SIZE = array("i").itemsize


def _numbers(blob: bytes) -> array[int]:
    found = array("i")
    found.frombytes(blob)
    return found


@dataclass
class KeyIndex:
    config: BlockConfig
    refs: list[str]  # record number -> listing ref; a number is never given to another ref
    versions: list[str]  # record number -> the listing version's content hash
    sources: list[str]
    persons: bytearray
    groups: list[str]
    # schema group -> key -> record numbers, sorted, as the bytes of an array("i"): two
    # hundred thousand byte strings are read back from the kept file ten times faster than
    # as many arrays.
    postings: dict[str, dict[str, bytes]]
    _numbers: dict[str, int] = field(default_factory=dict, repr=False)
    # (group, key) of the postings changed since the index was made or read: what a kept
    # file must write again (the other postings it holds as they were).
    changed_keys: set[tuple[str, str]] = field(default_factory=set, repr=False)

    @classmethod
    def of(cls, blocker: Blocker, versions: Sequence[str]) -> KeyIndex:
        """The index of a full run's blocker; `versions[i]` is record i's listing version."""
        return cls(blocker.config, [r.ref for r in blocker.records], list(versions),
                   list(blocker.sources), bytearray(r.is_person for r in blocker.records),
                   list(blocker.groups),
                   {group: {key: array("i", posting).tobytes() for key, posting in postings.items()}
                    for group, postings in blocker.postings.items()})

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k not in ("_numbers", "changed_keys")}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state, _numbers={}, changed_keys=set())

    def number(self, ref: str) -> int | None:
        if not self._numbers:
            self._numbers = {ref: i for i, ref in enumerate(self.refs)}
        return self._numbers.get(ref)

    def version(self, ref: str) -> str | None:
        i = self.number(ref)
        return None if i is None else self.versions[i]

    def replace(self, old: Record | None, new: Record, version: str) -> int:
        """Put `new` (a changed or new listing's record) in the place of `old` (its previous
        record, None if new); its record number."""
        i = self.number(new.ref)
        if i is None:
            i = len(self.refs)
            self.refs.append(new.ref)
            self.versions.append(version)
            self.sources.append(new.source)
            self.persons.append(new.is_person)
            self.groups.append(schema_group(new.schema))
            self._numbers[new.ref] = i
        elif old is not None:
            postings = self.postings[self.groups[i]]
            for key in record_keys(old):
                posting = _numbers(postings.get(key, b""))
                at = bisect_left(posting, i)
                if at < len(posting) and posting[at] == i:
                    del posting[at]
                    self.changed_keys.add((self.groups[i], key))
                    if posting:
                        postings[key] = posting.tobytes()
                    else:
                        del postings[key]
        self.versions[i], self.persons[i] = version, new.is_person
        self.groups[i] = schema_group(new.schema)
        postings = self.postings.setdefault(self.groups[i], {})
        for key in record_keys(new):
            posting = _numbers(postings.get(key, b""))
            at = bisect_left(posting, i)
            if at == len(posting) or posting[at] != i:
                insort(posting, i)
                postings[key] = posting.tobytes()
                self.changed_keys.add((self.groups[i], key))
        return i

    def idf(self, word: str) -> float:
        """How rare a name word is across all records (as `Blocker.idf`)."""
        df = sum(len(p.get("w:" + word, b"")) for p in self.postings.values()) // _SIZE
        return math.log(len(self.refs) / df) if df else math.log(max(len(self.refs), 1))

    def candidates_of(self, records: Iterable[tuple[int, Record]]) -> list[Candidate]:
        """The candidate pairs of these records (each with its number), as `Blocker` would
        choose them from the record's side; each pair once, left < right."""
        total = len(self.refs)
        found: dict[tuple[int, int], Candidate] = {}
        for i, record in records:
            postings = self.postings.get(self.groups[i], {})
            weights: dict[int, float] = defaultdict(float)
            for key in sorted(record_keys(record)):  # sorted: same sums every run
                posting = memoryview(postings.get(key, b"")).cast("i")
                if not posting:
                    continue
                weight = key_weight(key, len(posting), total)
                if len(posting) > self.config.max_df and weight < IDENTIFIER_WEIGHT:
                    continue
                for j in posting:
                    if j != i:
                        weights[j] += weight
            for pair in choose(self.config, i, weights, self.sources, record.is_person):
                left, right = sorted((pair.left, pair.right))
                found.setdefault((left, right), Candidate(left, right, pair.weight))
        return [found[key] for key in sorted(found)]
