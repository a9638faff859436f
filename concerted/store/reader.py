"""Read queries over the store: sources, snapshots, listings, history and changes."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select

from concerted.analysis.changes import by_program
from concerted.model import Listing
from concerted.store.tables import changes, listings, memberships, snapshots, versions

__all__ = ["AsOf", "ListingRow", "Reader"]


@dataclass(frozen=True)
class ListingRow:
    listing: Listing
    first_seen: str
    last_seen: str
    current: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.listing.to_dict(),
            "programs_ids": list(self.listing.program_ids),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "current": self.current,
        }


@dataclass(frozen=True)
class AsOf:
    """The snapshot that answers for one list on a day; `printed`: a later snapshot, read
    only for the listing dates it prints (the list was not held yet that day)."""

    snapshot_id: int
    published: str
    printed: bool


class Reader:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def snapshots(self, source: str | None = None) -> list[dict[str, Any]]:
        query = select(snapshots).order_by(
            snapshots.c.source, snapshots.c.published, snapshots.c.retrieved_at, snapshots.c.id
        )
        if source:
            query = query.where(snapshots.c.source == source)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def source_summaries(self) -> list[dict[str, Any]]:
        """Per source: snapshots held, newest date, and the newest snapshot's counts."""
        summaries: dict[str, dict[str, Any]] = {}
        for snap in self.snapshots():
            entry = summaries.setdefault(snap["source"], {"source": snap["source"], "snapshots": 0})
            entry["snapshots"] += 1
            entry["newest"] = snap["published"]
            entry["newest_id"] = snap["id"]
            entry["listings"] = snap["listing_count"]
        for entry in summaries.values():
            programs, themes = self._program_counts(entry.pop("newest_id"))
            entry["programs"] = programs
            entry["program_themes"] = themes
        return list(summaries.values())

    def program_ids(self) -> set[str]:
        """Every normalised program id any version of any listing has carried."""
        with self.engine.connect() as conn:
            found = conn.execute(select(versions.c.programs).distinct()).scalars()
            return {p for text in found for p in json.loads(text)}

    def _program_counts(self, snapshot_id: int) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
        # Counted by the database per distinct (programs, themes) text: a few hundred JSON
        # texts to read instead of one per listing (`concerted sources` reads every list).
        query = (
            select(versions.c.programs, versions.c.themes, func.count())
            .join(memberships, memberships.c.version_id == versions.c.id)
            .where(memberships.c.snapshot_id == snapshot_id)
            .group_by(versions.c.programs, versions.c.themes)
        )
        programs: Counter[str] = Counter()
        themes: dict[str, Counter[str]] = {}
        with self.engine.connect() as conn:
            for program_json, theme_json, count in conn.execute(query):
                for program in json.loads(program_json):
                    programs[program] += count
                for program, theme in {tuple(pair) for pair in json.loads(theme_json)}:
                    themes.setdefault(program, Counter())[theme] += count
        ordered = dict(sorted(programs.items(), key=lambda kv: (-kv[1], kv[0])))
        return ordered, {p: dict(sorted(c.items())) for p, c in sorted(themes.items())}

    def listings(
        self,
        source: str | None = None,
        program: str | None = None,
        current: bool | None = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ListingRow]:
        query = (
            select(versions.c.data, listings.c.first_seen, listings.c.last_seen, listings.c.current)
            .join(versions, versions.c.id == listings.c.version_id)
            .order_by(listings.c.source, listings.c.key)
        )
        if source:
            query = query.where(listings.c.source == source)
        if current is not None:
            query = query.where(listings.c.current.is_(current))
        if program:
            query = query.where(versions.c.programs.like(f'%"{program}"%'))
        query = query.offset(offset).limit(limit)
        with self.engine.connect() as conn:
            return [
                ListingRow(Listing.from_dict(json.loads(data)), first, last, bool(cur))
                for data, first, last, cur in conn.execute(query)
            ]

    def versioned_listings(self) -> list[tuple[str, Listing]]:
        """Every listing the store has seen, current or not, with the content hash of its
        version (what resolution compares run to run), by source and key."""
        query = (select(versions.c.hash, versions.c.data)
                 .join(listings, versions.c.id == listings.c.version_id)
                 .order_by(listings.c.source, listings.c.key))
        with self.engine.connect() as conn:
            return [(digest, Listing.from_dict(json.loads(data)))
                    for digest, data in conn.execute(query)]

    def version_hashes(self) -> dict[tuple[str, str], str]:
        """(source, key) -> the content hash of the listing's version, for every listing."""
        query = (select(listings.c.source, listings.c.key, versions.c.hash)
                 .join(versions, versions.c.id == listings.c.version_id))
        with self.engine.connect() as conn:
            return {(source, key): digest for source, key, digest in conn.execute(query).all()}

    def listing(self, source: str, key: str) -> ListingRow | None:
        query = (
            select(versions.c.data, listings.c.first_seen, listings.c.last_seen, listings.c.current)
            .join(versions, versions.c.id == listings.c.version_id)
            .where(listings.c.source == source, listings.c.key == key)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        return ListingRow(Listing.from_dict(json.loads(row[0])), row[1], row[2], bool(row[3]))

    def listings_by_key(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], ListingRow]:
        """The stored listings of (source, key) pairs; those not in the store are left out."""
        by_source: dict[str, list[str]] = {}
        for source, key in keys:
            by_source.setdefault(source, []).append(key)
        found: dict[tuple[str, str], ListingRow] = {}
        base = (
            select(listings.c.source, listings.c.key, versions.c.data, listings.c.first_seen,
                   listings.c.last_seen, listings.c.current)
            .join(versions, versions.c.id == listings.c.version_id)
        )
        with self.engine.connect() as conn:
            for source, wanted in sorted(by_source.items()):
                unique = sorted(set(wanted))
                for start in range(0, len(unique), 500):  # bound the statement's parameters
                    chunk = unique[start:start + 500]
                    query = base.where(listings.c.source == source, listings.c.key.in_(chunk))
                    for src, key, data, first, last, cur in conn.execute(query):
                        found[(src, key)] = ListingRow(Listing.from_dict(json.loads(data)),
                                                       first, last, bool(cur))
        return found

    def history(self, source: str, key: str) -> list[dict[str, Any]]:
        """Each version of one listing with the first and last snapshot that showed it."""
        query = (
            select(versions.c.hash, versions.c.data, versions.c.first_seen, versions.c.last_seen)
            .where(versions.c.source == source, versions.c.key == key)
            .order_by(versions.c.first_seen)
        )
        with self.engine.connect() as conn:
            return [
                {"version": h, "first_seen": f, "last_seen": last, "listing": json.loads(d)}
                for h, d, f, last in conn.execute(query)
            ]

    def changes(self, source: str, since: str | None = None,
                until: str | None = None) -> list[dict[str, Any]]:
        """Per snapshot after the baseline published from `since` to `until` (inclusive):
        added, removed, amended, and how many of each per program (`concerted changes`)."""
        held = self.snapshots(source)
        # Keyed by snapshot id: a list changed twice in one day has two snapshots of a date.
        grouped = {
            snap["id"]: _group(previous, snap)
            for previous, snap in itertools.pairwise(held)
            if (since is None or snap["published"] >= since)
            and (until is None or snap["published"] <= until)
        }
        query = select(changes).where(changes.c.source == source).order_by(changes.c.id)
        if since:
            query = query.where(changes.c.snapshot >= since)
        if until:
            query = query.where(changes.c.snapshot <= until)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                grouped[row.snapshot_id][row.kind].append(_change_dict(row._mapping))
        return [group | {"by_program": by_program(group)} for group in grouped.values()]

    def snapshots_on(self, day: str, source: str | None = None) -> dict[str, AsOf]:
        """Source -> what answers for it on `day`: the newest snapshot published on or before
        it (the last fetched, when a list was published twice that day); for a list first
        held later, its earliest snapshot, read only for the listings it prints a listing
        date of on or before `day` (`printed`: those delisted before that snapshot are not
        known). A source with neither is left out."""
        chosen: dict[str, AsOf] = {}
        for snap in self.snapshots(source):  # ordered by published, then retrieval time
            if snap["published"] <= day:
                chosen[snap["source"]] = AsOf(snap["id"], snap["published"], printed=False)
            else:
                chosen.setdefault(snap["source"], AsOf(snap["id"], snap["published"],
                                                       printed=True))
        return chosen

    def listings_on(self, day: str, source: str | None = None, program: str | None = None
                    ) -> list[ListingRow]:
        """The listings on the lists on `day`, as each printed them then (see `snapshots_on`),
        with their first and last seen over the whole history and whether they are on the
        list now."""
        held = self.snapshots_on(day, source)
        ids = [a.snapshot_id for a in held.values() if not a.printed]
        printed = [a.snapshot_id for a in held.values() if a.printed]
        query = (
            select(versions.c.data, listings.c.first_seen, listings.c.last_seen,
                   listings.c.current, memberships.c.snapshot_id)
            .join(memberships, memberships.c.version_id == versions.c.id)
            .join(listings, (listings.c.source == versions.c.source)
                  & (listings.c.key == versions.c.key))
            # A listing's printed date is its earliest regime's (checked per program below).
            .where(memberships.c.snapshot_id.in_(ids)
                   | (memberships.c.snapshot_id.in_(printed) & (versions.c.listed_on <= day)))
            .order_by(versions.c.source, versions.c.key)
        )
        if program:
            query = query.where(versions.c.programs.like(f'%"{program}"%'))
        rows = []
        with self.engine.connect() as conn:
            for data, first, last, cur, snapshot_id in conn.execute(query):
                listing = Listing.from_dict(json.loads(data))
                if program and snapshot_id in printed and not _listed_by(listing, program, day):
                    continue  # on the list that day, but not yet under this program
                rows.append(ListingRow(listing, first, last, bool(cur)))
        return rows


def _listed_by(listing: Listing, program: str, day: str) -> bool:
    """Whether the list prints `program`'s own listing date (else the listing's) by `day`."""
    dates = [p.listed_on or listing.listed_on for p in listing.programs if p.id == program]
    return any(d is not None and d <= day for d in dates)


def _group(previous: dict[str, Any], snap: dict[str, Any]) -> dict[str, Any]:
    group: dict[str, Any] = {"snapshot": snap["published"], "previous": previous["published"]}
    if previous["published"] == snap["published"]:  # a later version of the same day
        group["retrieved_at"] = snap["retrieved_at"]
    return group | {"added": [], "removed": [], "amended": []}


def _change_dict(row: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "listing_key": row["key"],
        "name": row["name"],
        "programs": json.loads(row["programs"]),
    }
    if row["kind"] == "amended":
        item["fields"] = json.loads(row["fields"])
    if row["reused_key"]:
        item["reused_key"] = True
    return item
