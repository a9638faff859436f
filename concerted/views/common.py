"""Shared pieces of the views: pagination, listing and target summaries. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

from concerted.analysis.inputs import ListingRecord, Target
from concerted.state.model import State

__all__ = ["Page", "listing_summary", "paginate", "target_path", "target_summary"]

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    limit: int = 50
    offset: int = 0


def paginate(items: Sequence[T], page: Page) -> tuple[int, list[T]]:
    return len(items), list(items[page.offset:page.offset + page.limit])


def target_path(target_id: str) -> str:
    """A target's page; ids cite list keys, which may hold spaces, `#` or `/`."""
    return "/targets/" + quote(target_id, safe=":")


def listing_summary(state: State, record: ListingRecord) -> dict[str, Any]:
    listing = record.listing
    return {"source": listing.source, "listing_key": listing.key,
            "jurisdiction": record.jurisdiction, "schema": listing.schema, "name": listing.name,
            "programs": list(listing.program_ids), "listed_on": listing.listed_on,
            "first_seen": record.first_seen, "last_seen": record.last_seen,
            "current": record.current, "target_id": state.target_of.get(record.key)}


def target_summary(state: State, target: Target) -> dict[str, Any]:
    """The search result shape of DESIGN.md: id, name, schema, jurisdictions, programs; and
    what tells namesakes apart (birth dates, countries) and whether every listing of it has
    been removed from its list (so a delisted duplicate does not look like a second person)."""
    designations = state.by_target.get(target.id, ())
    current = [d for d in designations if d.delisted_on is None] or list(designations)
    records = state.target_records(target.id)
    return {"target_id": target.id, "name": target.name, "schema": target.schema,
            "jurisdictions": sorted({d.jurisdiction for d in current}),
            "programs": sorted({d.program for d in current}),
            "birth_dates": sorted({b for r in records for b in r.listing.birth_dates}),
            "countries": list(target.countries),
            "removed": bool(records) and not any(r.current for r in records)}
