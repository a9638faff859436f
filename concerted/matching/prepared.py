"""Listings prepared for the resolve package's scorer, once each (listings are immutable
values, so a cache keyed by the listing itself is always right)."""

from __future__ import annotations

from functools import lru_cache

from concerted.model import Listing
from concerted.resolve.record import Record, prepare

__all__ = ["prepared"]


@lru_cache(maxsize=16384)
def prepared(listing: Listing) -> Record:
    return prepare(listing)
