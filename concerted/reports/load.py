"""Build the analyses' inputs from the store: listings placed in their list's history, the
canonical targets, and the program registry's themes. The only I/O the analyses need.

The targets are the resolved ones (`concerted.resolve.targets`) unless the caller asks for
one target per listing: every command, page and alert analyses the same targets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Engine

from concerted.analysis.designations import program_key
from concerted.analysis.inputs import Inputs, ListingRecord
from concerted.model import ProgramRef
from concerted.programs import UnknownProgram, get_program
from concerted.resolve import targets as canonical
from concerted.sources import SOURCES
from concerted.store.reader import ListingRow, Reader

__all__ = ["load_inputs", "program_seen", "program_themes"]


def load_inputs(engine: Engine, one_per_listing: bool = False,
                judged: canonical.Judged | None = None) -> Inputs:
    """Every listing ever seen with its history, and the targets: resolved under the
    judgements in force (those the store holds, or `judged` when the caller has read them),
    or with `one_per_listing` each listing its own."""
    reader = Reader(engine)
    calendars = _calendars(reader.snapshots())
    seen = {source: program_seen(reader, source) for source in calendars}
    records = {
        (row.listing.source, row.listing.key): _record(row, seen[row.listing.source])
        for row in reader.listings(current=None)
    }
    return Inputs(
        targets=(canonical.one_per_listing(records) if one_per_listing
                 else canonical.build_targets(records, judged) if judged is not None
                 else canonical.load_targets(engine, records)),
        records=records,
        calendars=calendars,
        program_themes=program_themes(records.values()),
        source_jurisdictions={s: SOURCES[s].jurisdiction for s in calendars if s in SOURCES},
    )


def program_themes(records: Iterable[ListingRecord]) -> dict[str, tuple[str, ...]]:
    """The registry's themes of every program the listings cite (used where a list does not
    say which theme applies, e.g. the US Global Magnitsky program)."""
    themes: dict[str, tuple[str, ...]] = {}
    for record in records:
        for ref in record.listing.programs:
            if ref.id and ref.id not in themes:
                themes[ref.id] = _registry_themes(ref.id)
    return {program: found for program, found in themes.items() if found}


def _registry_themes(program: str) -> tuple[str, ...]:
    try:
        return tuple(get_program(program).themes)
    except UnknownProgram:
        return ()


def _calendars(snapshots: Iterable[Mapping[str, Any]]) -> dict[str, tuple[str, ...]]:
    calendars: dict[str, set[str]] = {}
    for snapshot in snapshots:
        calendars.setdefault(snapshot["source"], set()).add(snapshot["published"])
    return {source: tuple(sorted(dates)) for source, dates in sorted(calendars.items())}


def _record(row: ListingRow, seen: Mapping[str, dict[str, tuple[str, str]]]) -> ListingRecord:
    return ListingRecord(
        listing=row.listing, jurisdiction=SOURCES[row.listing.source].jurisdiction,
        first_seen=row.first_seen, last_seen=row.last_seen, current=row.current,
        program_seen=seen.get(row.listing.key, {}),
    )


def program_seen(reader: Reader, source: str) -> dict[str, dict[str, tuple[str, str]]]:
    """listing key -> program -> (first_seen, last_seen), for listings whose programs changed
    between snapshots (only those need their version history read)."""
    keys = {
        item["listing_key"] for group in reader.changes(source) for item in group["amended"]
        if "programs" in item.get("fields", ())
    }
    jurisdiction = SOURCES[source].jurisdiction
    return {key: _spans(reader.history(source, key), jurisdiction) for key in sorted(keys)}


def _spans(versions: list[dict[str, Any]], jurisdiction: str) -> dict[str, tuple[str, str]]:
    spans: dict[str, tuple[str, str]] = {}
    for version in versions:
        for ref in version["listing"].get("programs", ()):
            program = program_key(ProgramRef(**ref), jurisdiction)
            first, last = spans.get(program, (version["first_seen"], version["last_seen"]))
            spans[program] = (min(first, version["first_seen"]), max(last, version["last_seen"]))
    return spans
