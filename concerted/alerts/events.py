"""Events from the store's list changes: designations, delistings and amendments.

Only a source's newest snapshot raises events: the first snapshot of a source is its
baseline (it has no changes), and history ingested after newer snapshots (a back-fill) is
not news. Each event carries what subscriptions select on: the jurisdiction, programs,
themes (as the list states them, else the program registry's), target countries and names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Engine

from concerted.alerts.model import Event
from concerted.analysis.inputs import listing_countries
from concerted.model import Listing
from concerted.programs import find_program
from concerted.sources import SOURCES
from concerted.store.reader import Reader

__all__ = ["change_events", "listing_themes"]

_KINDS = {"added": "designated", "removed": "delisted", "amended": "amended"}


def change_events(engine: Engine, touched: Mapping[str, Iterable[str]]) -> list[Event]:
    """Events of the snapshots just ingested (source -> dates) that are their source's newest."""
    reader = Reader(engine)
    events: list[Event] = []
    for source, dates in sorted(touched.items()):
        held = reader.snapshots(source)
        if len(held) < 2 or held[-1]["published"] not in set(dates):
            continue
        # The newest snapshot's group is the last (groups follow history, several a day too).
        group = reader.changes(source, since=held[-1]["published"])[-1]
        events.extend(_group_events(reader, source, group))
    return events


def _group_events(reader: Reader, source: str, group: dict[str, Any]) -> list[Event]:
    return [_event(reader, source, group, kind, item)
            for kind in ("added", "removed", "amended") for item in group[kind]]


def _event(reader: Reader, source: str, group: dict[str, Any], kind: str,
           item: dict[str, Any]) -> Event:
    row = reader.listing(source, item["listing_key"])
    listing = row.listing if row is not None else None
    detail = {"previous": group["previous"], "jurisdiction": _jurisdiction(source)}
    if item.get("fields"):
        detail["fields"] = item["fields"]
    if item.get("reused_key"):
        detail["reused_key"] = True
    return Event(
        kind=_KINDS[kind], source=source, listing_key=item["listing_key"], name=item["name"],
        snapshot=group["snapshot"], jurisdictions=(_jurisdiction(source),),
        version=group.get("retrieved_at", ""),  # only a later version of the same day
        programs=tuple(item["programs"]),
        themes=listing_themes(listing) if listing else (),
        countries=listing_countries(listing) if listing else (),
        names=tuple(dict.fromkeys(n.value for n in listing.names)) if listing else (),
        detail=detail,
    )


def _jurisdiction(source: str) -> str:
    return SOURCES[source].jurisdiction if source in SOURCES else source.split("_")[0]


def listing_themes(listing: Listing) -> tuple[str, ...]:
    themes = {ref.theme for ref in listing.programs if ref.theme}
    for program_id in listing.program_ids:
        program = find_program(program_id)
        if program is not None:
            themes.update(program.themes)
    return tuple(sorted(themes))
