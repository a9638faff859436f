"""Writing snapshots into the store, and deriving listings and changes from their history.

Everything derived (the `listings` and `changes` tables) is recomputed from `memberships`,
so ingesting snapshots out of date order yields the same store as ingesting them in order.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Engine, select

from concerted.model import Listing, Snapshot, hash_json
from concerted.store.bulk import bulk_insert, bulk_insert_values
from concerted.store.derive import Written
from concerted.store.tables import memberships, snapshot_files, snapshots, versions

__all__ = ["UnstorableText", "Writer"]


class UnstorableText(ValueError):
    """A listing holds a NUL character: no list prints one (a damaged file), and PostgreSQL
    cannot store it in text at all, so it is refused on SQLite too."""


class Writer:
    """Adds snapshots; remembers listing versions already stored to avoid re-hashing them."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # source -> key -> (the listing last stored under it, its version id): a listing
        # unchanged since the last snapshot is recognised by one equality test, six times
        # cheaper than hashing it (the whole history is 700,000 listings, most unchanged).
        self._known: dict[str, dict[str, tuple[Listing, int]]] = {}
        self._hashes: dict[str, dict[str, int]] = {}
        # What was written, handed to the derive step that follows (derive_pending), which
        # would otherwise read it back from the store: snapshot id -> key -> version id, and
        # version id -> its listing (one object a version, for the diffs).
        self.shown: dict[int, dict[str, int]] = {}
        self.listings: dict[int, Listing] = {}

    def add_snapshot(
        self, snapshot: Snapshot, *, date_origin: str, retrieved_at: str, sizes: dict[str, int],
        parser_version: str | None = None,
    ) -> int:
        """Insert one parsed snapshot in a single transaction; returns its id."""
        with self.engine.begin() as conn:
            snapshot_id = self._insert_snapshot(
                conn, snapshot, date_origin, retrieved_at, parser_version
            )
            conn.execute(
                snapshot_files.insert(),
                [
                    {"snapshot_id": snapshot_id, "name": n, "sha256": s, "size": sizes[n]}
                    for n, s in snapshot.files
                ],
            )
            self.add_memberships(conn, snapshot_id, snapshot)
        return snapshot_id

    def add_memberships(self, conn: Connection, snapshot_id: int, snapshot: Snapshot) -> None:
        """Record which versions a stored snapshot shows (also `concerted rebuild`'s step)."""
        pairs = self._version_ids(conn, snapshot.source, snapshot.listings)
        version_ids = {vid for _, vid in pairs}
        by_key = dict(pairs)
        if len(by_key) == len(pairs):  # one entry a key: the map is what the store will say
            self.shown[snapshot_id] = by_key
        rows = [(snapshot_id, v) for v in sorted(version_ids)]
        bulk_insert_values(conn, memberships, ("snapshot_id", "version_id"), rows)

    def _insert_snapshot(
        self, conn: Connection, snapshot: Snapshot, date_origin: str, retrieved_at: str,
        parser_version: str | None,
    ) -> int:
        result = conn.execute(
            snapshots.insert().values(
                source=snapshot.source,
                published=snapshot.published,
                sha256=snapshot.sha256,
                retrieved_at=retrieved_at,
                date_origin=date_origin,
                listing_count=len(snapshot.listings),
                parser_version=parser_version,
            )
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def _version_ids(
        self, conn: Connection, source: str, listings: tuple[Listing, ...]
    ) -> list[tuple[str, int]]:
        """(key, version id) of each listing, in the snapshot's order."""
        known = self._known.setdefault(source, {})
        hashes = self._load_hashes(conn, source)
        ids: list[tuple[str, int]] = []
        new_rows: dict[str, dict[str, Any]] = {}
        pending: list[tuple[Listing, str]] = []
        for listing in listings:
            seen = known.get(listing.key)
            if seen is not None and seen[0] == listing:
                ids.append((listing.key, seen[1]))
                continue
            payload = listing.to_json()
            if "\\u0000" in payload:
                raise UnstorableText(
                    f"a NUL character in the entry {listing.key} ({listing.name!r}): "
                    "a damaged file"
                )
            digest = hash_json(payload)
            if digest in hashes:
                known[listing.key] = (listing, hashes[digest])
                ids.append((listing.key, hashes[digest]))
                self.listings[hashes[digest]] = listing
                continue
            pending.append((listing, digest))
            new_rows.setdefault(digest, _version_row(listing, digest, payload))
        if new_rows:
            self._insert_versions(conn, source, list(new_rows.values()))
        for listing, digest in pending:
            known[listing.key] = (listing, hashes[digest])
            ids.append((listing.key, hashes[digest]))
            self.listings[hashes[digest]] = listing
        return ids

    def _load_hashes(self, conn: Connection, source: str) -> dict[str, int]:
        if source not in self._hashes:
            rows = conn.execute(
                select(versions.c.hash, versions.c.id).where(versions.c.source == source)
            )
            self._hashes[source] = {h: i for h, i in rows}
        return self._hashes[source]

    def _insert_versions(self, conn: Connection, source: str, rows: list[dict[str, Any]]) -> None:
        bulk_insert(conn, versions, rows)
        wanted = [r["hash"] for r in rows]
        found = self._hashes[source]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = select(versions.c.hash, versions.c.id).where(versions.c.hash.in_(chunk))
            found.update({h: i for h, i in conn.execute(query)})

    def written(self) -> Written:
        return Written(self.shown, self.listings)

    def forget(self) -> None:
        """Drop caches after a failed transaction, so no id points at a rolled-back row."""
        self._known.clear()
        self._hashes.clear()
        self.shown.clear()
        self.listings.clear()


def _version_row(listing: Listing, digest: str, payload: str) -> dict[str, Any]:
    return {
        "source": listing.source,
        "key": listing.key,
        "hash": digest,
        "schema": listing.schema,
        "name": listing.name,
        "programs": json.dumps(list(listing.program_ids)),
        "themes": json.dumps(
            sorted({(p.id, p.theme) for p in listing.programs if p.id and p.theme})
        ),
        "listed_on": listing.listed_on,
        "data": payload,
    }
