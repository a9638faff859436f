"""What the analyses read: canonical targets, listings placed in their list's history, and
the program registry's themes. Plain values, built by an orchestrator (`concerted.reports.load`)
from the store, or by tests by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from concerted.model import Listing
from concerted.territories import country_code

__all__ = ["Inputs", "ListingKey", "ListingRecord", "Target", "listing_countries"]

ListingKey = tuple[str, str]
"""(source id, the list's own key), e.g. ("gb_hmt_conlist", "14074")."""


@dataclass(frozen=True)
class Target:
    """One person, entity, vessel or aircraft, with every listing that names it."""

    id: str
    name: str
    schema: str = "Person"
    countries: tuple[str, ...] = ()  # ISO codes of nationality / citizenship / registration
    listings: tuple[ListingKey, ...] = ()


@dataclass(frozen=True)
class ListingRecord:
    """A listing as the store saw it across its list's snapshots."""

    listing: Listing
    jurisdiction: str
    first_seen: str
    last_seen: str
    current: bool
    # program id -> (first_seen, last_seen) for programs added to or removed from the listing
    # after it first appeared; other programs share the listing's own first and last seen.
    program_seen: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def key(self) -> ListingKey:
        return (self.listing.source, self.listing.key)


@dataclass(frozen=True)
class Inputs:
    targets: tuple[Target, ...]
    records: Mapping[ListingKey, ListingRecord]
    calendars: Mapping[str, tuple[str, ...]]  # source -> its snapshots' dates, sorted
    program_themes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source_jurisdictions: Mapping[str, str] = field(default_factory=dict)

    def newest_snapshot(self, jurisdiction: str) -> str | None:
        """The newest snapshot date of any list of `jurisdiction` (what it is known as of)."""
        dates = [
            dates[-1] for source, dates in self.calendars.items()
            if dates and self.source_jurisdictions.get(source) == jurisdiction
        ]
        return max(dates, default=None)

    @property
    def as_of(self) -> str | None:
        return max((dates[-1] for dates in self.calendars.values() if dates), default=None)

    @property
    def jurisdictions(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.source_jurisdictions.values())))


def listing_countries(listing: Listing) -> tuple[str, ...]:
    """ISO codes of the nationalities and citizenships a listing states (as lists spell them:
    "Russia", "Russian Federation", "RU" all become "ru")."""
    codes = {country_code(value) for value in (*listing.nationalities, *listing.citizenships)}
    return tuple(sorted(code for code in codes if code))


