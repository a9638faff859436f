"""Targets as rows and as FollowTheMoney entities: what `concerted export targets` and
`/api/v1/exports/targets` write (through `concerted.views.exports`).

Pure. One row per (target, listing): `target_id, source, listing_key, jurisdiction, schema,
name, programs, listed_on` (DESIGN.md). As FtM, each target is one subject entity with the
id of the target and the properties of all its listings merged (`referents` naming each
listing's own entity id), followed by each listing's Sanction entities pointed at it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData

from concerted.analysis.inputs import ListingKey, ListingRecord, Target
from concerted.ftm import listing_entities

__all__ = ["TARGET_COLUMNS", "target_entities", "target_rows"]

TARGET_COLUMNS = ["target_id", "source", "listing_key", "jurisdiction", "schema", "name",
                  "programs", "listed_on"]
Records = Mapping[ListingKey, ListingRecord]


def _records(target: Target, records: Records) -> Iterator[ListingRecord]:
    return (records[key] for key in target.listings if key in records)


def target_rows(targets: Iterable[Target], records: Records) -> Iterator[dict[str, Any]]:
    """Targets in the order given, each listing of a target in its order."""
    for target in targets:
        for record in _records(target, records):
            item = record.listing
            yield {"target_id": target.id, "source": item.source, "listing_key": item.key,
                   "jurisdiction": record.jurisdiction, "schema": item.schema,
                   "name": item.name, "programs": list(item.program_ids),
                   "listed_on": item.listed_on}


def _schema(subjects: list[dict[str, Any]]) -> str:
    schema = str(subjects[0]["schema"])
    for other in subjects[1:]:
        try:
            schema = model.common_schema(schema, other["schema"]).name
        except InvalidData:  # people judged one with a body: keep what they share
            return "LegalEntity"
    return schema


def _merge(target: Target, subjects: list[dict[str, Any]]) -> dict[str, Any]:
    merged = model.make_entity(_schema(subjects))
    merged.id = target.id
    for subject in subjects:
        for prop, values in subject["properties"].items():
            merged.add(prop, values, quiet=True)
    data: dict[str, Any] = merged.to_dict()
    data["referents"] = sorted(subject["id"] for subject in subjects)
    return data


def target_entities(target: Target, records: Records) -> list[dict[str, Any]]:
    """The target's merged subject entity, then every Sanction of its listings."""
    subjects, sanctions = [], []
    for record in _records(target, records):
        subject, *rest = listing_entities(record.listing, record.jurisdiction)
        subjects.append(subject)
        for sanction in rest:
            sanction["properties"]["entity"] = [target.id]
            sanctions.append(sanction)
    return [_merge(target, subjects), *sanctions] if subjects else []
