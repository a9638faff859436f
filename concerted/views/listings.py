"""Listings as the lists print them, filtered by source, program and currency."""

from __future__ import annotations

from typing import Any

from concerted.analysis.inputs import ListingRecord
from concerted.state.model import State
from concerted.views.common import Page, listing_summary, paginate

__all__ = ["listings_view", "select_listings"]


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
