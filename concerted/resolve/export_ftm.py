"""Targets as FollowTheMoney entities: what `concerted export targets --format ftm` and
`/api/v1/exports/targets?format=ftm` write (through `concerted.views.exports`).

Pure. Each target is one subject entity with the id of the target and the properties of all
its listings merged (`referents` naming each listing's own entity id), followed by each
listing's Sanction entities pointed at it. Kept apart from the rows (export.py) because
FollowTheMoney's model takes about a second to import: only this format pays for it.
"""

from __future__ import annotations

from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData

from concerted.analysis.inputs import Target
from concerted.ftm import listing_entities
from concerted.resolve.export import Records, records_of

__all__ = ["target_entities"]


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
    for record in records_of(target, records):
        subject, *rest = listing_entities(record.listing, record.jurisdiction)
        subjects.append(subject)
        for sanction in rest:
            sanction["properties"]["entity"] = [target.id]
            sanctions.append(sanction)
    return [_merge(target, subjects), *sanctions] if subjects else []
