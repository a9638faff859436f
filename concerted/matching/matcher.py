"""The one matcher: a name (with birth date, nationality…) in, scored targets out. Pure.

`concerted match`, `POST /match/{dataset}` and the web match page all call `Matcher.match`,
so they rank and score alike and explain alike. Candidates come from the name index over
every listing (whole words weighted by rarity, so an extra middle name hides nothing); each
candidate target's current listings in the dataset are scored with the resolve package's
scorer (word rarity from the same index), and a target scores as its best listing, with
that listing's explanation. A target with no current listing in the dataset is no match:
a delisted listing, or a delisted duplicate, is not a sanction in force.

What the matcher keeps (`MatchData`) is small and computed once per store state; the
listings themselves are asked for (`fetch`) only for the candidates, so the CLI can keep
`MatchData` on disk and answer from it without reading every listing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from concerted.analysis.inputs import ListingKey, Target
from concerted.matching.index import NameIndex
from concerted.matching.prepared import prepared
from concerted.matching.query import DEFAULT_LIMIT, DEFAULT_THRESHOLD, MatchQuery, dataset_sources
from concerted.model import Listing, ListingRef
from concerted.resolve.record import prepare
from concerted.resolve.score import SCORERS, Score, Scorer, get_scorer
from concerted.territories import learned

__all__ = ["MatchData", "Matcher", "Seen", "TargetTable", "explained", "match_data"]

_CANDIDATES = 20  # listings proposed per name (at least; twice the limit when larger)


class Seen(Protocol):
    """A listing with the first and last snapshot that showed it (a store row)."""

    @property
    def listing(self) -> Listing: ...

    @property
    def first_seen(self) -> str: ...

    @property
    def last_seen(self) -> str: ...


class Current(Protocol):
    @property
    def current(self) -> bool: ...


Fetch = Callable[[Sequence[ListingKey]], Mapping[ListingKey, Seen]]


@dataclass(frozen=True)
class MatchData:
    index: NameIndex  # every listing's names, by `source:key`
    targets: Mapping[str, Target]
    target_of: Mapping[ListingKey, str]
    current: frozenset[ListingKey]  # listings on their list's newest snapshot
    jurisdictions: Mapping[str, str]  # source -> jurisdiction code
    # The country spellings of these listings, resolved (see concerted.territories): kept
    # so a fresh process need not build rigour's name table to score a candidate.
    countries: Mapping[str, str | None] = field(default_factory=dict)


class TargetTable(Mapping[str, Target]):
    """Targets by id, kept as plain tuples: the kept matcher reads 18,000 of them back in a
    fifth of the time dataclasses take, and a query looks at a few dozen."""

    def __init__(self, targets: Iterable[Target]) -> None:
        self._rows = {t.id: (t.name, t.schema, t.countries, t.listings) for t in targets}

    def __getitem__(self, target_id: str) -> Target:
        return Target(target_id, *self._rows[target_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def match_data(index: NameIndex, targets: Iterable[Target],
               records: Mapping[ListingKey, Current]) -> MatchData:
    from concerted.sources import SOURCES  # the parsers: only when building, not to match

    chosen = TargetTable(targets)
    sources = {source for source, _ in records}
    return MatchData(
        index=index, targets=chosen,
        target_of={key: t.id for t in chosen.values() for key in t.listings},
        current=frozenset(key for key, record in records.items() if record.current),
        jurisdictions={s: SOURCES[s].jurisdiction if s in SOURCES else s.split("_", 1)[0]
                       for s in sorted(sources)},
        countries=learned())


class Matcher:
    def __init__(self, data: MatchData, fetch: Fetch, scorer: str = next(iter(SCORERS))) -> None:
        self.data = data
        self.fetch = fetch
        self.scorer: Scorer = get_scorer(scorer, data.index.idf)

    def sources(self, dataset: str) -> frozenset[str] | None:
        """`default`, a source id or a jurisdiction code; None when unknown."""
        return dataset_sources(self.data.jurisdictions, dataset)

    def _candidates(self, query: MatchQuery, limit: int) -> list[str]:
        data, found = self.data, dict[str, None]()
        for name in query.names:
            for ref in data.index.candidates(name, limit=max(_CANDIDATES, 2 * limit)):
                target = data.target_of.get(ListingRef.parse(ref))
                if target is not None:
                    found[target] = None
        return list(found)

    def match(self, query: MatchQuery, sources: frozenset[str], limit: int = DEFAULT_LIMIT,
              threshold: float = DEFAULT_THRESHOLD) -> dict[str, Any]:
        """yente's query response: `{"status", "results", "total", "query"}`, best first."""
        data, record = self.data, prepare(query.as_listing())
        candidates = self._candidates(query, limit)
        wanted = {t: [k for k in data.targets[t].listings
                      if k in data.current and k[0] in sources] for t in candidates}
        seen = self.fetch(sorted({k for keys in wanted.values() for k in keys}))
        scored = []
        for target_id, keys in wanted.items():
            rows = [seen[k] for k in keys if k in seen]
            if rows:
                best = max((self.scorer.score(record, prepared(r.listing)) for r in rows),
                           key=lambda s: s.score)
                scored.append((best, target_id, rows))
        scored.sort(key=lambda item: (-item[0].score, item[1]))
        return {"status": 200,
                "results": [self._result(t, best, rows, threshold)
                            for best, t, rows in scored[:limit]],
                "total": {"value": len(scored), "relation": "eq"},
                "query": {"schema": query.schema, "properties": dict(query.properties)}}

    def _result(self, target_id: str, best: Score, rows: list[Seen],
                threshold: float) -> dict[str, Any]:
        target = self.data.targets[target_id]
        return {"id": target_id, "caption": target.name, "schema": target.schema,
                "properties": {"name": sorted({r.listing.name for r in rows}),
                               "birthDate": sorted({d for r in rows
                                                    for d in r.listing.birth_dates}),
                               "country": list(target.countries)},
                "datasets": sorted({r.listing.source for r in rows}),
                "referents": [str(ListingRef(*key)) for key in target.listings
                              if key in self.data.current],
                "target": True,
                "first_seen": min(r.first_seen for r in rows),
                "last_seen": max(r.last_seen for r in rows),
                "score": round(best.score, 4), "match": best.score >= threshold,
                **explained(best)}


def explained(score: Score) -> dict[str, Any]:
    """The one explanation format: feature weights by name, and a sentence per feature."""
    return {"features": {f.name: round(f.weight, 3) for f in score.features},
            "explanation": score.explanation()}
