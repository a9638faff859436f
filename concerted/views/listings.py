"""Listings as the lists print them, filtered by source, program and currency."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from concerted.analysis.inputs import ListingRecord
from concerted.sources import SOURCES
from concerted.state.model import State
from concerted.store.reader import Reader
from concerted.views.common import Page, listing_summary, paginate

__all__ = ["listings_on_view", "listings_view", "select_listings"]


def select_listings(state: State, source: str | None, program: str | None,
                    current: bool | None) -> list[ListingRecord]:
    def chosen() -> list[ListingRecord]:
        return [r for key, r in sorted(state.inputs.records.items())
                if (not source or r.listing.source == source)
                and (not program or program in r.listing.program_ids)
                and (current is None or r.current == current)]

    return state.remember(("listings", source, program, current), chosen)


def listings_view(state: State, source: str | None, program: str | None, current: bool | None,
                  page: Page) -> dict[str, Any]:
    total, chosen = paginate(select_listings(state, source, program, current), page)
    return {"total": total, "limit": page.limit, "offset": page.offset,
            "results": [listing_summary(state, r) for r in chosen]}


def listings_on_view(engine: Engine, state: State, day: str, source: str | None,
                     program: str | None, page: Page) -> dict[str, Any]:
    """The listings on the lists on `day` (`Reader.listings_on`), with `as_of`: what answers
    for each list held ("snapshot": the newest on or before `day`; "printed": a later
    snapshot's printed listing dates, the list not being held yet)."""
    def chosen() -> tuple[list[ListingRecord], dict[str, Any]]:
        reader = Reader(engine)
        held = reader.snapshots_on(day, source)
        records = [ListingRecord(r.listing, SOURCES[r.listing.source].jurisdiction,
                                 r.first_seen, r.last_seen, r.current)
                   for r in reader.listings_on(day, source, program)]
        as_of = {sid: {"snapshot": a.published, "basis": "printed" if a.printed else "snapshot"}
                 for sid, a in sorted(held.items())}
        return records, as_of

    records, as_of = state.remember(("listings-on", day, source, program), chosen)
    total, shown = paginate(records, page)
    return {"total": total, "limit": page.limit, "offset": page.offset, "on": day,
            "as_of": as_of, "results": [listing_summary(state, r) for r in shown]}
