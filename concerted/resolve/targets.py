"""Canonical targets with their listings, read from the store: `load_targets`.

Orchestrator. The judgements in force (people's over the system's) go through the linker;
each target is returned with its current listings. Links through a listing since removed
from its list still hold (it was the same person), but only current listings are shown.
The chaining check already ran when `concerted resolve` recorded the system's links.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from concerted.resolve import journal
from concerted.resolve.judgements import effective
from concerted.resolve.linker import Linker
from concerted.resolve.record import listing_ref
from concerted.store.reader import ListingRow, Reader

__all__ = ["Target", "load_targets"]


@dataclass(frozen=True)
class Target:
    id: str
    listings: tuple[ListingRow, ...]  # by source, then key

    @property
    def name(self) -> str:
        """The name of the listing with the most names printed (the fullest record)."""
        best = max(self.listings, key=lambda r: (len(r.listing.names), r.listing.source))
        return best.listing.name

    @property
    def schema(self) -> str:
        return self.listings[0].listing.schema


def load_targets(engine: Engine) -> list[Target]:
    """Every target holding at least one current listing, largest first."""
    rows = {listing_ref(r.listing.source, r.listing.key): r
            for r in Reader(engine).listings(current=True)}
    linker = Linker(rows, effective(journal.load(engine)))
    found = []
    for target_id, members in linker.targets().items():
        shown = tuple(rows[ref] for ref in sorted(members) if ref in rows)
        if shown:
            found.append(Target(target_id, shown))
    return found
