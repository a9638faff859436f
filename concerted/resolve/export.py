"""Targets as rows: what `concerted export targets` and `/api/v1/exports/targets` write
(through `concerted.views.exports`); as FollowTheMoney entities in `export_ftm.py`.

Pure. One row per (target, listing): `target_id, source, listing_key, jurisdiction, schema,
name, programs, listed_on` (DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from concerted.analysis.inputs import ListingKey, ListingRecord, Target

__all__ = ["TARGET_COLUMNS", "Records", "records_of", "target_rows"]

TARGET_COLUMNS = ["target_id", "source", "listing_key", "jurisdiction", "schema", "name",
                  "programs", "listed_on"]
Records = Mapping[ListingKey, ListingRecord]


def records_of(target: Target, records: Records) -> Iterator[ListingRecord]:
    return (records[key] for key in target.listings if key in records)


def target_rows(targets: Iterable[Target], records: Records) -> Iterator[dict[str, Any]]:
    """Targets in the order given, each listing of a target in its order."""
    for target in targets:
        for record in records_of(target, records):
            item = record.listing
            yield {"target_id": target.id, "source": item.source, "listing_key": item.key,
                   "jurisdiction": record.jurisdiction, "schema": item.schema,
                   "name": item.name, "programs": list(item.program_ids),
                   "listed_on": item.listed_on}
