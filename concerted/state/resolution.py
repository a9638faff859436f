"""Canonical targets for the surfaces, from the resolve package's judgements.

Once `concerted resolve` has run (the journal holds the system's links, or its queue has
pairs), targets are the resolve package's `Linker` over the judgements in force, people's
over the system's, across every listing ever seen (a delisted listing keeps its target, so
its designation history stays whole). Before any run, a stand-in (`concerted.state.links`)
links pairs the scorer is sure of, with the people's judgements on top, so the pages still
show one target per person; the state says which (`resolution`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Engine

from concerted.analysis.inputs import Inputs, ListingKey, ListingRecord, Target, listing_countries
from concerted.resolve import journal
from concerted.resolve.judgements import JudgementRecord, effective
from concerted.resolve.linker import Linker, target_id
from concerted.resolve.score import SCORERS, get_scorer
from concerted.state.links import (
    LinkConfig,
    Suggestion,
    link_targets,
    parse_ref,
    ref,
    suggest_links,
)
from concerted.state.search import NameIndex

__all__ = ["PROVISIONAL", "RESOLUTION", "RESOLVED", "listing_index", "resolution_label",
           "resolved", "resolved_targets"]

RESOLVED = "judgements (concerted resolve and the review queue)"
PROVISIONAL = "suggested links only: run `concerted resolve`"
RESOLUTION = RESOLVED  # the name concerted.reports.targets imports; see `resolution_label`


def listing_index(inputs: Inputs) -> NameIndex:
    """Every listing's names, keyed by its reference (`source:key`)."""
    return NameIndex((ref(key), [r.listing.name, *(n.value for n in r.listing.names)])
                     for key, r in sorted(inputs.records.items()))


def resolved(engine: Engine, records: list[JudgementRecord]) -> bool:
    """Whether `concerted resolve` has run on this store."""
    return any(r.is_system for r in records) or bool(journal.queue(engine))


def resolution_label(engine: Engine) -> str:
    """How `resolved_targets` forms targets on this store right now."""
    return RESOLVED if resolved(engine, journal.load(engine)) else PROVISIONAL


def _target(records: Mapping[ListingKey, ListingRecord], members: Iterable[str]) -> Target:
    keys = sorted(k for k in map(parse_ref, members) if k in records)
    # The fullest record names the target, as in concerted.resolve.targets.
    best = max(keys, key=lambda k: (len(records[k].listing.names), k[0]))
    countries = sorted({c for k in keys for c in listing_countries(records[k].listing)})
    return Target(id=target_id(ref(k) for k in keys), name=records[best].listing.name,
                  schema=records[best].listing.schema, countries=tuple(countries),
                  listings=tuple(keys))


def resolved_targets(engine: Engine, inputs: Inputs, index: NameIndex | None = None,
                     config: LinkConfig | None = None
                     ) -> tuple[tuple[Target, ...], list[Suggestion]]:
    """The targets (each with every listing of it) and, before any resolve run, the
    stand-in's scored suggestions. Target ids are the resolve package's (`t-...`)."""
    records = journal.load(engine)
    in_force = effective(records)
    if resolved(engine, records):
        linker = Linker([ref(k) for k in inputs.records], in_force)
        return tuple(_target(inputs.records, m) for m in linker.targets().values()
                     if any(parse_ref(x) in inputs.records for x in m)), []
    index = index or listing_index(inputs)
    config = config or LinkConfig()
    suggestions = suggest_links(inputs.records, index,
                                get_scorer(next(iter(SCORERS)), index.idf), config)
    decisions = {(parse_ref(a), parse_ref(b)): r.judgement.value
                 for (a, b), r in in_force.items()}
    linked = link_targets(inputs.records, suggestions, decisions, config)
    return tuple(_target(inputs.records, map(ref, t.listings)) for t in linked), suggestions
