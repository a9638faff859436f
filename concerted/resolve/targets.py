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
from dataclasses import dataclass

from sqlalchemy import Engine

from concerted.analysis.inputs import ListingKey, ListingRecord, Target, listing_countries
from concerted.model import ListingRef
from concerted.resolve import journal
from concerted.resolve.judgements import Judgement, JudgementRecord, effective
from concerted.resolve.linker import Linker, target_id

__all__ = ["Judged", "Retargeted", "build_targets", "load_targets", "one_per_listing", "retarget"]

Judged = Mapping[tuple[str, str], JudgementRecord]


def build_targets(records: Mapping[ListingKey, ListingRecord], judged: Judged
                  ) -> tuple[Target, ...]:
    """Every target of these listings, largest first, under the judgements in force."""
    return _ordered(_link(records, records, judged))


@dataclass(frozen=True)
class Retargeted:
    """What a change of judgements did to the targets: the new whole, and the part of it
    that changed (`gone`: the ids of targets no longer as they were; `made`: their
    replacements)."""

    targets: tuple[Target, ...]
    gone: frozenset[str]
    made: tuple[Target, ...]


def retarget(records: Mapping[ListingKey, ListingRecord], targets: Iterable[Target],
             before: Judged, after: Judged,
             target_of: Mapping[ListingKey, str] | None = None) -> Retargeted:
    """`build_targets(records, after)`, computed from its result under `before` (`targets`,
    and `target_of` their ids by listing, when the caller has it) by linking again only the
    listings the changed judgements reach. Linking is local: a cluster depends only on the
    judgements between listings that positive judgements join (the linker refuses a join
    for a negative judgement inside the two clusters it would join), so the listings
    reached through positive judgements, before or after the change, from those of a
    changed pair are the only ones whose target can move."""
    targets = tuple(targets)
    changed = {key for key in before.keys() | after.keys()
               if (old := before.get(key)) is not (new := after.get(key)) and old != new}
    reached = _reach({ref for key in changed for ref in key},
                     _positives(after, {key: before[key] for key in changed if key in before}))
    keys = [key for ref in reached if (key := _key(ref)) in records]
    if target_of is None:
        target_of = {key: t.id for t in targets for key in t.listings}
    gone = {target_of[key] for key in keys if key in target_of}
    local = {key: record for key, record in after.items() if key[0] in reached
             and key[1] in reached}
    made = _link(records, keys, local)
    kept = [t for t in targets if t.id not in gone]
    return Retargeted(_ordered([*kept, *made]), frozenset(gone), tuple(made))


def _key(ref: str) -> ListingKey:
    source, key = ListingRef.parse(ref)
    return (source, key)


def _positives(*judged: Judged) -> dict[str, set[str]]:
    linked: dict[str, set[str]] = {}
    for found in judged:
        for (left, right), record in found.items():
            if record.judgement is Judgement.POSITIVE:
                linked.setdefault(left, set()).add(right)
                linked.setdefault(right, set()).add(left)
    return linked


def _reach(start: set[str], linked: Mapping[str, set[str]]) -> set[str]:
    reached, todo = set(start), list(start)
    while todo:
        for other in linked.get(todo.pop(), ()):
            if other not in reached:
                reached.add(other)
                todo.append(other)
    return reached


def _link(records: Mapping[ListingKey, ListingRecord], among: Iterable[ListingKey],
          judged: Judged) -> list[Target]:
    """The targets of the listings `among` (of `records`) under `judged`."""
    keys = {str(ListingRef(*key)): key for key in among}
    linker = Linker(keys, judged)
    return [_target(records, [keys[r] for r in members if r in keys])
            for members in linker.clusters() if any(r in keys for r in members)]


def _ordered(targets: Iterable[Target]) -> tuple[Target, ...]:
    """Largest first, then by id: one order whichever way the targets were made."""
    return tuple(sorted(targets, key=lambda t: (-len(t.listings), t.id)))


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
