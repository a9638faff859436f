"""Derived tables (`changes`, `listings`) recomputed from the snapshot history of one source.

Changes are recomputed only for the snapshots whose predecessor changed (a new snapshot and
the one after it), so an ingest costs in proportion to what it added; the result does not
depend on the order snapshots arrived in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Row, bindparam, case, delete, func, or_, select, update

from concerted.analysis.changes import Change, diff
from concerted.model import Listing
from concerted.sources import SOURCES
from concerted.store.bulk import bulk_insert
from concerted.store.tables import changes, listings, memberships, snapshots, versions

__all__ = ["Written", "derive_pending", "derive_source", "refresh_source"]


@dataclass(frozen=True)
class Written:
    """What an ingest just stored (Writer.written), so that deriving does not read it back:
    snapshot id -> key -> version id, and version id -> its listing."""

    shown: Mapping[int, Mapping[str, int]] = field(default_factory=dict)
    listings: Mapping[int, Listing] = field(default_factory=dict)


def derive_pending(engine: Engine, written: Written | None = None) -> list[str]:
    """Derive every source holding a snapshot not yet derived (`snapshots.derived` false):
    what an ingest killed between storing a snapshot and deriving leaves for the next run.
    `written`: what the ingest just stored, so that it is not read back."""
    query = select(snapshots.c.source).where(snapshots.c.derived.is_(False)).distinct()
    with engine.connect() as conn:
        pending = sorted(conn.scalars(query))
    for source in pending:
        refresh_source(engine, source, written=written)
    return pending


def refresh_source(engine: Engine, source: str, new_dates: Iterable[str] = (),
                   written: Written | None = None) -> None:
    """Recompute the changes of the snapshots not yet derived (and of those dated
    `new_dates`) and of each one's successor, rebuild the source's listings and clear the
    marks: one transaction, so an interruption leaves the marks for the next run."""
    with engine.begin() as conn:
        derive_source(conn, source, new_dates, written)


def derive_source(conn: Connection, source: str, new_dates: Iterable[str] = (),
                  written: Written | None = None) -> None:
    """`refresh_source` in `conn`'s transaction (a rebuild derives in its own)."""
    held = _held(conn, source)
    wanted = set(new_dates)
    fresh = {s.id for s in held if not s.derived or s.published in wanted}
    affected = _affected(held, fresh)
    _extend_spans(conn, fresh)
    cache: dict[int, Listing] = dict(written.listings) if written else {}
    known = SOURCES.get(source)
    reuses_keys = known.reuses_keys if known else False
    conn.execute(delete(changes).where(changes.c.snapshot_id.in_([s.id for s in affected])))
    rows: list[dict[str, object]] = []
    shown: dict[int, Mapping[str, int]] = {}  # each snapshot's versions, read once

    def versions_of(snapshot_id: int) -> Mapping[str, int]:
        if snapshot_id not in shown:
            handed = written.shown.get(snapshot_id) if written else None
            shown[snapshot_id] = (handed if handed is not None
                                  else _snapshot_versions(conn, snapshot_id))
        return shown[snapshot_id]

    position = {snap.id: index for index, snap in enumerate(held)}
    for snap in affected:
        index = position[snap.id]
        if index == 0:
            continue  # the first snapshot is the baseline: nothing "changed" in it
        previous = held[index - 1]
        old_ids = versions_of(previous.id)
        new_ids = versions_of(snap.id)
        # Unchanged listings cannot produce a change: load only the ones that differ.
        old = _load(conn, {k: v for k, v in old_ids.items() if new_ids.get(k) != v}, cache)
        new = _load(conn, {k: v for k, v in new_ids.items() if old_ids.get(k) != v}, cache)
        found = diff(old, new, reuses_keys=reuses_keys)
        rows.extend(_change_row(source, snap, previous.published, c) for c in found)
        for done in [i for i in shown if i not in (snap.id, held[-1].id)]:
            del shown[done]  # the next snapshot's predecessor is this one: keep only it
    bulk_insert(conn, changes, rows)
    _rebuild_listings(conn, source, versions_of(held[-1].id) if held else {})
    if fresh:
        conn.execute(update(snapshots).where(snapshots.c.id.in_(fresh)).values(derived=True))


def _extend_spans(conn: Connection, fresh: set[int]) -> None:
    """Widen each version's first and last seen to the fresh snapshots that show it, before the
    listings are rebuilt from them: one update per version rather than one per (snapshot,
    version) as each snapshot was stored (the shared history: 28,000 against 700,000 row
    writes of the versions table, whose rows carry each listing's whole text)."""
    spans: dict[int, tuple[str, str]] = {}
    ids = sorted(fresh)
    for start in range(0, len(ids), 900):
        query = (
            select(memberships.c.version_id, func.min(snapshots.c.published),
                   func.max(snapshots.c.published))
            .join(snapshots, snapshots.c.id == memberships.c.snapshot_id)
            .where(memberships.c.snapshot_id.in_(ids[start : start + 900]))
            .group_by(memberships.c.version_id)
        )
        for vid, first, last in conn.execute(query):
            known = spans.get(vid)
            spans[vid] = (min(first, known[0]), max(last, known[1])) if known else (first, last)
    if not spans:
        return
    first, last = bindparam("first"), bindparam("last")
    widen = (
        update(versions)
        .where(versions.c.id == bindparam("vid"))
        .values(
            first_seen=case(
                (or_(versions.c.first_seen.is_(None), versions.c.first_seen > first), first),
                else_=versions.c.first_seen,
            ),
            last_seen=case(
                (or_(versions.c.last_seen.is_(None), versions.c.last_seen < last), last),
                else_=versions.c.last_seen,
            ),
        )
    )
    conn.execute(widen, [{"vid": v, "first": f, "last": la} for v, (f, la) in spans.items()])


def _held(conn: Connection, source: str) -> list[Row[Any]]:
    """The source's snapshots in history order."""
    query = (
        select(snapshots.c.id, snapshots.c.published, snapshots.c.derived)
        .where(snapshots.c.source == source)
        .order_by(snapshots.c.published, snapshots.c.retrieved_at, snapshots.c.id)
    )
    return list(conn.execute(query))


def _affected(held: list[Row[Any]], fresh: set[int]) -> list[Row[Any]]:
    """The fresh snapshots and each one's successor, in history order."""
    affected: set[int] = set()
    for index, snap in enumerate(held):
        if snap.id in fresh:
            affected.add(index)
            if index + 1 < len(held):
                affected.add(index + 1)
    return [held[i] for i in sorted(affected)]


def _snapshot_versions(conn: Connection, snapshot_id: int) -> dict[str, int]:
    query = (
        select(versions.c.key, versions.c.id)
        .join(memberships, memberships.c.version_id == versions.c.id)
        .where(memberships.c.snapshot_id == snapshot_id)
    )
    return {key: vid for key, vid in conn.execute(query).all()}  # fetched at once, not row by row


def _load(
    conn: Connection, wanted: dict[str, int], cache: dict[int, Listing]
) -> dict[str, Listing]:
    missing = [vid for vid in wanted.values() if vid not in cache]
    for start in range(0, len(missing), 900):
        chunk = missing[start : start + 900]
        data = conn.execute(select(versions.c.id, versions.c.data).where(versions.c.id.in_(chunk)))
        cache.update({vid: Listing.from_dict(json.loads(text)) for vid, text in data})
    return {key: cache[vid] for key, vid in wanted.items()}


def _change_row(source: str, snap: Row[Any], previous: str, change: Change) -> dict[str, object]:
    return {
        "source": source,
        "snapshot": snap.published,
        "snapshot_id": snap.id,
        "previous": previous,
        "kind": change.kind,
        "key": change.key,
        "name": change.name,
        "programs": json.dumps(list(change.programs)),
        "fields": json.dumps(list(change.fields)),
        "reused_key": change.reused_key,
    }


def _rebuild_listings(conn: Connection, source: str, shown: Mapping[str, int]) -> None:
    """`shown`: the versions the source's newest snapshot shows (none: no snapshot held)."""
    conn.execute(delete(listings).where(listings.c.source == source))
    # Each version carries its own first/last seen (widened by _extend_spans), so this
    # reads tens of thousands of versions rather than every membership.
    query = select(
        versions.c.key, versions.c.id, versions.c.first_seen, versions.c.last_seen
    ).where(versions.c.source == source, versions.c.first_seen.is_not(None))
    spans: dict[str, list[Any]] = {}
    for key, vid, first, last in conn.execute(query):
        span = spans.setdefault(key, [vid, first, last])
        span[1] = min(span[1], first)
        if last >= span[2]:
            span[0], span[2] = vid, last
    # Current: shown by the newest snapshot, in the version it shows (its date may be shared
    # with an earlier snapshot of the same day that showed another version, or a removed one).
    for key, vid in shown.items():
        spans[key][0] = vid
    for key, date in _reuse_starts(conn, source).items():
        if key in spans:  # a reused key's listing starts with the subject it now names
            spans[key][1] = max(str(spans[key][1]), date)
    rows = [
        {
            "source": source,
            "key": k,
            "version_id": v,
            "first_seen": f,
            "last_seen": last,
            "current": k in shown,
        }
        for k, (v, f, last) in spans.items()
    ]
    bulk_insert(conn, listings, rows)


def _reuse_starts(conn: Connection, source: str) -> dict[str, str]:
    query = select(changes.c.key, changes.c.snapshot).where(
        changes.c.source == source, changes.c.kind == "added", changes.c.reused_key.is_(True)
    )
    starts: dict[str, str] = {}
    for key, snapshot in conn.execute(query):
        starts[key] = max(starts.get(key, snapshot), snapshot)
    return starts
