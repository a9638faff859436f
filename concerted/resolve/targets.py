"""Canonical targets: the one builder behind every surface (`build_targets`, `load_targets`).

The command line, the API and the pages, the exports, the reports, the alerts and the
dossiers all take their targets from here, so no two of them can disagree. A target is the
linker's cluster over the judgements in force (people's over the system's), across every
listing the store has seen, current or since removed: a delisted listing keeps its target,
so its designation history stays whole. A listing no judgement links is a target of its
own, with an id of the same form (`t-` + a hash of its reference), so asking for one target
per listing (`one_per_listing`) changes which listings go together, never the kind of id.
The chaining check already ran when `concerted resolve` recorded the system's links.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Engine

from concerted.analysis.inputs import ListingKey, ListingRecord, Target, listing_countries
from concerted.model import ListingRef
from concerted.resolve import journal
from concerted.resolve.judgements import JudgementRecord, effective
from concerted.resolve.linker import Linker, target_id

__all__ = ["build_targets", "load_targets", "one_per_listing"]

Judged = Mapping[tuple[str, str], JudgementRecord]


def build_targets(records: Mapping[ListingKey, ListingRecord], judged: Judged
                  ) -> tuple[Target, ...]:
    """Every target of these listings, largest first, under the judgements in force."""
    keys = {str(ListingRef(*key)): key for key in records}
    linker = Linker(keys, judged)
    return tuple(_target(records, [keys[r] for r in members if r in keys])
                 for members in linker.clusters() if any(r in keys for r in members))


def one_per_listing(records: Mapping[ListingKey, ListingRecord]) -> tuple[Target, ...]:
    """Each listing its own target: what an analysis gets when it asks not to resolve."""
    return build_targets(records, {})


def load_targets(engine: Engine, records: Mapping[ListingKey, ListingRecord]
                 ) -> tuple[Target, ...]:
    """The targets of these listings under the judgements the store holds now."""
    return build_targets(records, effective(journal.load(engine)))


def _target(records: Mapping[ListingKey, ListingRecord], members: Iterable[ListingKey]
            ) -> Target:
    keys = sorted(members)
    # The fullest record (the most names printed) names the target.
    best = max(keys, key=lambda k: (len(records[k].listing.names), k[0]))
    countries = sorted({c for k in keys for c in listing_countries(records[k].listing)})
    return Target(id=target_id(str(ListingRef(*k)) for k in keys), name=records[best].listing.name,
                  schema=records[best].listing.schema, countries=tuple(countries),
                  listings=tuple(keys))
