"""From a target id to the lists' own listing keys: the adapter dossiers use to point at
listings (invariant 5: a dossier stores source listing keys, never canonical target ids).

Canonical targets come from the served `State` (cross-list resolution), which moves as
judgements change; so a dossier keeps only listing keys, and `expand` re-reads their
targets' other listings at read time. Without a state at hand (the command line), a target
id `source:key` names its one listing and any other id is looked up among the targets the
one builder makes (`concerted.resolve.targets`, through `load_inputs`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from concerted.dossiers.policy import NotFound
from concerted.matching.matcher import Matcher
from concerted.matching.query import MatchQuery
from concerted.model import ListingRef
from concerted.reports.load import load_inputs
from concerted.sources import SOURCES
from concerted.state.model import State
from concerted.store.reader import Reader

__all__ = ["Suggestion", "check_listing", "expand", "listing_keys", "parse_listing_ref",
           "suggest_targets"]


def parse_listing_ref(ref: str) -> tuple[str, str]:
    try:
        parsed = ListingRef.parse(ref)
    except ValueError:
        parsed = None
    if parsed is None or parsed.source not in SOURCES:
        raise ValueError(f"{ref!r} is not SOURCE:KEY with a known source "
                         f"({', '.join(sorted(SOURCES))})")
    return parsed


def check_listing(engine: Engine, source: str, key: str) -> None:
    if Reader(engine).listing(source, key) is None:
        raise NotFound(f"no listing {ListingRef(source, key)} in the store")


def listing_keys(engine: Engine, target_id: str, state: State | None = None
                 ) -> list[tuple[str, str]]:
    """Every listing key of a target, or NotFound."""
    if state is None and target_id.partition(":")[0] in SOURCES:
        ref = parse_listing_ref(target_id)
        check_listing(engine, *ref)
        return [ref]
    targets = state.targets if state is not None else {
        t.id: t for t in load_inputs(engine).targets}
    target = targets.get(target_id)
    if target is None:
        raise NotFound(f"no target {target_id}")
    return list(target.listings)


def expand(keys: Iterable[tuple[str, str]], state: State | None) -> tuple[tuple[str, str], ...]:
    """The keys with every other listing of their targets as resolved now."""
    found = dict.fromkeys(keys)
    if state is not None:
        for key in list(found):
            target = state.targets.get(state.target_of.get(key, ""))
            found.update(dict.fromkeys(target.listings if target else ()))
    return tuple(found)


@dataclass(frozen=True)
class Suggestion:
    """A target the subject may be: what a person needs to tell namesakes apart."""

    target_id: str
    name: str
    score: float
    listings: tuple[tuple[str, str], ...]
    birth_dates: tuple[str, ...]
    countries: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"target_id": self.target_id, "name": self.name, "score": self.score,
                "listings": [str(ListingRef(*key)) for key in self.listings],
                "birth_dates": list(self.birth_dates), "countries": list(self.countries)}


def suggest_targets(matcher: Matcher, name: str, schema: str = "Person", limit: int = 5,
                    floor: float = 0.7) -> list[Suggestion]:
    """The targets whose names match the subject's, best first (the one matcher of
    `concerted match`), those scoring under `floor` left out."""
    found = matcher.match(MatchQuery(schema, {"name": [name]}),
                          matcher.sources("default") or frozenset(), limit, floor)
    return [Suggestion(
        r["id"], r["caption"], round(r["score"], 3),
        tuple(ListingRef.parse(ref) for ref in r["referents"]),
        tuple(r["properties"]["birthDate"]), tuple(r["properties"]["country"]))
        for r in found["results"] if r["match"]]
