"""Canonical targets: a read-only view over the judgements.

Pure. Positive judgements join listings, transitively; negative judgements keep two
listings apart, which also splits a chain A–B–C when A and C are judged different. Human
positives are applied first (oldest first), then the system's (highest score first); an
edge whose merge would join two listings judged different is refused, and so is a system
edge the optional `conflict` check rejects (conflicting birth dates, genders or identifiers
between the two clusters: MATCHING.md's chaining). Refused edges are reported, for review.

A target's id is derived from its smallest member ref: `t-` and the first 12 hex digits of
its SHA-1 (`t-` + sha1("gb_hmt_conlist:14078")[:12]). It is stable while that listing stays
in the target, and every listing not linked to another is a target of its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from concerted.resolve.judgements import Judgement, JudgementRecord

__all__ = ["Conflict", "Linker", "Refusal", "target_id"]

Conflict = Callable[[frozenset[str], frozenset[str]], str | None]


def target_id(members: Iterable[str]) -> str:
    return "t-" + hashlib.sha1(min(members).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Refusal:
    record: JudgementRecord
    reason: str


@dataclass
class Linker:
    refs: Iterable[str]
    judgements: Mapping[tuple[str, str], JudgementRecord]
    conflict: Conflict | None = None
    refused: list[Refusal] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}
        self._apart: dict[str, set[str]] = {}
        for ref in {*self.refs, *(r for key in self.judgements for r in key)}:
            self._parent[ref] = ref
            self._members[ref] = {ref}
        for (a, b), record in self.judgements.items():
            if record.judgement is Judgement.NEGATIVE:
                self._apart.setdefault(a, set()).add(b)
                self._apart.setdefault(b, set()).add(a)
        for record in self._positives():
            self._join(record)

    def _positives(self) -> list[JudgementRecord]:
        found = [r for r in self.judgements.values() if r.judgement is Judgement.POSITIVE]
        human = sorted((r for r in found if not r.is_system), key=lambda r: (r.created_at, r.key))
        system = sorted((r for r in found if r.is_system), key=lambda r: (-(r.score or 0), r.key))
        return human + system

    def _root(self, ref: str) -> str:
        while self._parent[ref] != ref:
            self._parent[ref] = self._parent[self._parent[ref]]
            ref = self._parent[ref]
        return ref

    def _refuse(self, record: JudgementRecord, a: set[str], b: set[str]) -> str | None:
        if any(self._apart.get(ref, set()) & b for ref in a):
            return "a listing of one side is judged different from a listing of the other"
        if record.is_system and self.conflict is not None:
            return self.conflict(frozenset(a), frozenset(b))
        return None

    def _join(self, record: JudgementRecord) -> None:
        ra, rb = self._root(record.left), self._root(record.right)
        if ra == rb:
            return
        reason = self._refuse(record, self._members[ra], self._members[rb])
        if reason:
            self.refused.append(Refusal(record, reason))
            return
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra] |= self._members.pop(rb)

    def clusters(self) -> list[frozenset[str]]:
        """Every target's listing refs, largest first, then by id."""
        found = [frozenset(members) for members in self._members.values()]
        return sorted(found, key=lambda c: (-len(c), target_id(c)))

    def targets(self) -> dict[str, frozenset[str]]:
        return {target_id(c): c for c in self.clusters()}

    def cluster_of(self, ref: str) -> tuple[str, frozenset[str]]:
        """The cluster `ref` is in: a name for it (one of its refs; stable only while no
        more links are made) and its refs. Cheaper than `target_of` for many refs."""
        root = self._root(ref)
        return root, frozenset(self._members[root])

    def target_of(self, ref: str) -> str:
        return target_id(self._members[self._root(ref)])
