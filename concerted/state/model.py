"""`State`: everything the pages and the API read, computed once per store state.

The analyses take seconds over the full list history; a page must answer in milliseconds.
So the app computes a `State` when the store changes (new snapshots, new judgements) and
every request reads the one it holds. Plain values with lookups; no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from concerted.analysis.designations import Designation
from concerted.analysis.gaps import Gap
from concerted.analysis.inputs import Inputs, ListingKey, ListingRecord, Target
from concerted.analysis.lags import Lag
from concerted.analysis.round_types import Round
from concerted.analysis.rounds import Events
from concerted.matching.index import Hit, NameIndex
from concerted.model import ListingRef
from concerted.resolve.judgements import JudgementRecord

__all__ = ["State"]

T = TypeVar("T")
_QUERY_KINDS = frozenset({"search", "suggest", "listings", "coverage", "coverage-order",
                          "changes"})
_QUERIES = 2048


@dataclass(frozen=True)
class State:
    fingerprint: str
    built_at: str
    inputs: Inputs
    designations: tuple[Designation, ...]
    rounds: tuple[Round, ...]
    gaps: tuple[Gap, ...]
    lags: tuple[Lag, ...]
    index: NameIndex
    sources: tuple[dict[str, Any], ...]  # Reader.source_summaries, with jurisdiction
    resolution: str  # how targets were formed
    judged: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # in force
    targets: dict[str, Target] = field(default_factory=dict)
    target_of: dict[ListingKey, str] = field(default_factory=dict)
    by_target: dict[str, tuple[Designation, ...]] = field(default_factory=dict)
    gap_of: dict[str, Gap] = field(default_factory=dict)
    rounds_of: dict[str, tuple[int, ...]] = field(default_factory=dict)  # target -> rounds
    memo: dict[Any, Any] = field(default_factory=dict)  # views' results, per state
    round_ids: tuple[str, ...] = ()  # `2023-02-09`, `2023-02-09-2` for a second that day
    # The judgements in force as records, and how far the journal was read: what a later
    # judgement is applied to (`concerted.reports.rejudge`).
    in_force: Mapping[tuple[str, str], JudgementRecord] = field(default_factory=dict)
    journal_at: int = 0
    joint_events: Events = field(default_factory=dict)  # what the rounds are made of

    @classmethod
    def assemble(cls, **parts: Any) -> State:
        inputs: Inputs = parts["inputs"]
        designations: tuple[Designation, ...] = parts["designations"]
        by_target: dict[str, list[Designation]] = {}
        for designation in designations:
            by_target.setdefault(designation.target_id, []).append(designation)
        rounds_of: dict[str, list[int]] = {}
        for number, found in enumerate(parts["rounds"]):
            for target_id, _ in found.targets:
                rounds_of.setdefault(target_id, []).append(number)
        return cls(
            **parts,
            targets={t.id: t for t in inputs.targets},
            target_of={key: t.id for t in inputs.targets for key in t.listings},
            by_target={k: tuple(v) for k, v in by_target.items()},
            gap_of={g.target_id: g for g in parts["gaps"]},
            rounds_of={k: tuple(v) for k, v in rounds_of.items()},
            round_ids=_round_ids(parts["rounds"]),
        )

    def remember(self, key: Any, compute: Callable[[], T]) -> T:
        """A view's result computed once per state (the state never changes). Keys whose
        first part is a query (`search`, `suggest`) are many: the oldest of them are let go
        beyond `_QUERIES`; the other views are few and kept."""
        if key in self.memo:
            found: T = self.memo[key]
            return found
        value = compute()
        if key[0] in _QUERY_KINDS:
            queries = [k for k in self.memo if k[0] in _QUERY_KINDS]
            for old in queries[:max(0, len(queries) - _QUERIES + 1)]:
                self.memo.pop(old, None)
        self.memo[key] = value
        return value

    def round_number(self, round_id: str) -> int | None:
        try:
            return self.round_ids.index(round_id)
        except ValueError:
            return None

    def record(self, key: ListingKey) -> ListingRecord | None:
        return self.inputs.records.get(key)

    def target_for(self, listing_ref: str) -> str | None:
        """The target of a listing cited as `source:key` (how the name index names them)."""
        try:
            return self.target_of.get(ListingRef.parse(listing_ref))
        except ValueError:
            return None

    def target_hits(self, query: str) -> list[tuple[str, Hit]]:
        """Name-index hits mapped to targets, each target once at its best hit."""
        seen: dict[str, Hit] = {}
        for hit in self.index.search(query):
            target = self.target_for(hit.ref)
            if target is not None and target not in seen:
                seen[target] = hit
        return list(seen.items())

    def target_records(self, target_id: str) -> list[ListingRecord]:
        target = self.targets.get(target_id)
        if target is None:
            return []
        return [r for key in target.listings if (r := self.inputs.records.get(key)) is not None]

    def jurisdiction(self, source: str) -> str:
        return self.inputs.source_jurisdictions.get(source, source.split("_", 1)[0])


def _round_ids(rounds: tuple[Round, ...]) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    ids = []
    for found in rounds:
        day = found.date_from.isoformat()
        seen[day] = seen.get(day, 0) + 1
        ids.append(day if seen[day] == 1 else f"{day}-{seen[day]}")
    return tuple(ids)
