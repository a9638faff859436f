"""Matching, yente-style: queries of FtM-like properties in, scored targets out.

Candidates come from the name index (whole words, weighted by rarity); each candidate's
listings in the dataset are scored with the resolve package's scorer, and a target scores
as its best listing. The response follows yente's `POST /match/{dataset}` shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from concerted.model import Identifier, Listing, Name
from concerted.resolve.record import prepare
from concerted.resolve.score import Score, Scorer
from concerted.state.explain import scorer_for
from concerted.state.model import State
from concerted.state.prepared import prepared

__all__ = ["MatchQuery", "dataset_sources", "match_query"]

_ID_PROPS = ("idNumber", "passportNumber", "registrationNumber", "imoNumber", "taxNumber")


@dataclass(frozen=True)
class MatchQuery:
    schema: str
    properties: dict[str, list[str]]


def dataset_sources(state: State, dataset: str) -> frozenset[str] | None:
    """The sources a dataset name stands for: `default` every one; a source id; or a
    jurisdiction code (all its lists). None when unknown."""
    held = {s["source"]: s["jurisdiction"] for s in state.sources}
    if dataset == "default":
        return frozenset(held)
    if dataset in held:
        return frozenset({dataset})
    chosen = frozenset(s for s, j in held.items() if j == dataset)
    return chosen or None


def _as_listing(query: MatchQuery) -> Listing:
    props = query.properties
    names = [n for n in props.get("name", []) + props.get("alias", []) if n.strip()]
    schema = "Person" if query.schema == "Person" else (
        query.schema if query.schema in ("Vessel", "Airplane") else "Organization")
    return Listing(
        source="query", key="query", schema=schema, name=names[0] if names else "",
        names=tuple(Name(n, "alias") for n in names[1:]),
        birth_dates=tuple(props.get("birthDate", []) + props.get("incorporationDate", [])),
        nationalities=tuple(props.get("nationality", []) + props.get("country", [])
                            + props.get("jurisdiction", [])),
        citizenships=tuple(props.get("citizenship", [])),
        gender=next(iter(props.get("gender", [])), None),
        identifiers=tuple(Identifier(p, v) for p in _ID_PROPS for v in props.get(p, [])))


def _result(state: State, target_id: str, best: Score, threshold: float,
            sources: list[str]) -> dict[str, Any]:
    target = state.targets[target_id]
    records = state.target_records(target_id)
    return {"id": target_id, "caption": target.name, "schema": target.schema,
            "properties": {"name": sorted({r.listing.name for r in records}),
                           "birthDate": sorted({d for r in records for d in r.listing.birth_dates}),
                           "country": list(target.countries)},
            "datasets": sources, "referents": [f"{s}:{k}" for s, k in target.listings],
            "target": True, "first_seen": min(r.first_seen for r in records),
            "last_seen": max(r.last_seen for r in records),
            "score": round(best.score, 4), "match": best.score >= threshold,
            "features": {f.name: round(f.weight, 3) for f in best.features},
            "explanation": best.explanation()}


def _best(scorer: Scorer, query: Any, state: State, target_id: str,
          sources: frozenset[str]) -> tuple[Score | None, list[str]]:
    records = [r for r in state.target_records(target_id) if r.listing.source in sources]
    scores = [scorer.score(query, prepared(r.listing)) for r in records]
    best = max(scores, key=lambda s: s.score, default=None)
    return best, sorted({r.listing.source for r in records})


def match_query(state: State, query: MatchQuery, sources: frozenset[str], limit: int,
                threshold: float) -> dict[str, Any]:
    listing = _as_listing(query)
    record = prepare(listing)
    scorer = scorer_for(state)
    names = [listing.name, *(n.value for n in listing.names)]
    candidates = dict.fromkeys(t for name in names for c in state.index.candidates(name)
                               if (t := state.target_for(c)) is not None)
    scored = []
    for target_id in candidates:
        best, found_in = _best(scorer, record, state, target_id, sources)
        if best is not None:
            scored.append((best, target_id, found_in))
    scored.sort(key=lambda item: (-item[0].score, item[1]))
    return {"status": 200,
            "results": [_result(state, t, best, threshold, found)
                        for best, t, found in scored[:limit]],
            "total": {"value": len(scored), "relation": "eq"},
            "query": {"schema": query.schema, "properties": query.properties}}
