"""Re-read archived list files with today's parsers: `concerted rebuild`.

Orchestrator. A parser fix never reaches stored data by re-ingesting (the same bytes are
"already stored"), so rebuild re-parses every snapshot of a source from the archive and
replaces what was derived from the old parse: versions, memberships, changes and listings.
Everything people made is keyed by the lists' own keys (`source:key`) and is not touched:
judgements, users, subscriptions, alerts and their delivery marks (no alert is raised by a
rebuild, so none is sent twice), dossiers, the audit chain. Snapshots keep their ids, dates
and files; each records the parser version that now read it.

One transaction per source: a file that no longer parses, or parses to a count outside the
source's bounds, leaves that source exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, func, select, update

from concerted.archive import Archive
from concerted.model import Snapshot
from concerted.sources import SOURCES, ParseError, get_source
from concerted.store.derive import derive_source
from concerted.store.lock import ingest_lock
from concerted.store.tables import listings, memberships, snapshot_files, snapshots, versions
from concerted.store.writer import Writer

__all__ = ["RebuildError", "RebuildResult", "outdated_sources", "rebuild", "stored_sources"]

Progress = Callable[[str, int, int], None]  # (source, snapshots done, snapshots in all)


class RebuildError(RuntimeError):
    """A source could not be rebuilt; it was left as it was. Names the snapshot and why."""


@dataclass(frozen=True)
class RebuildResult:
    source: str
    parser_version: str
    snapshots: int
    versions_before: int
    versions_after: int


def outdated_sources(engine: Engine) -> list[str]:
    """Sources with a snapshot read by another parser version than today's, or by an unknown
    one (stored before versions were recorded). Sources no longer known are left out."""
    query = select(snapshots.c.source, snapshots.c.parser_version).distinct()
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return sorted({source for source, version in rows
                   if source in SOURCES and version != SOURCES[source].parser_version})


def rebuild(engine: Engine, archive: Archive, source_ids: Iterable[str],
            progress: Progress | None = None) -> list[RebuildResult]:
    results = []
    with ingest_lock(engine):  # no ingest writes the history while it is re-read
        for source_id in source_ids:
            get_source(source_id)  # an unknown id fails before anything is read
            results.append(_rebuild_source(engine, archive, source_id, progress))
    return results


def stored_sources(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return sorted(conn.scalars(select(snapshots.c.source).distinct()))


def _rebuild_source(engine: Engine, archive: Archive, source_id: str,
                    progress: Progress | None) -> RebuildResult:
    source = get_source(source_id)
    writer = Writer(engine)
    with engine.begin() as conn:
        stored = _snapshots(conn, source_id)
        before = _count_versions(conn, source_id)
        shown = select(snapshots.c.id).where(snapshots.c.source == source_id)
        conn.execute(delete(listings).where(listings.c.source == source_id))
        conn.execute(delete(memberships).where(memberships.c.snapshot_id.in_(shown)))
        conn.execute(delete(versions).where(versions.c.source == source_id))
        for done, (snapshot_id, published, files) in enumerate(stored):
            if progress:
                progress(source_id, done, len(stored))
            blobs = {name: _blob(archive, source_id, published, name, digest)
                     for name, digest in files}
            label = f"{source_id} snapshot {published} ({', '.join(sorted(blobs))})"
            try:
                parsed = source.parse(blobs)
                source.check_count(label, len(parsed.listings))
            except ParseError as exc:
                raise RebuildError(f"{exc}; nothing of {source_id} was changed") from exc
            snapshot = Snapshot(source_id, published, tuple(files), tuple(parsed.listings))
            writer.add_memberships(conn, snapshot_id, snapshot)
            conn.execute(update(snapshots).where(snapshots.c.id == snapshot_id).values(
                listing_count=len(parsed.listings), parser_version=source.parser_version))
        if progress:
            progress(source_id, len(stored), len(stored))
        derive_source(conn, source_id, [published for _, published, _ in stored])
        after = _count_versions(conn, source_id)
    return RebuildResult(source_id, source.parser_version, len(stored), before, after)


def _snapshots(conn: Connection, source_id: str) -> list[tuple[int, str, list[tuple[str, str]]]]:
    rows = conn.execute(
        select(snapshots.c.id, snapshots.c.published, snapshot_files.c.name,
               snapshot_files.c.sha256)
        .join(snapshot_files, snapshot_files.c.snapshot_id == snapshots.c.id)
        .where(snapshots.c.source == source_id)
        .order_by(snapshots.c.published, snapshot_files.c.name)
    )
    found: dict[int, tuple[int, str, list[tuple[str, str]]]] = {}
    for snapshot_id, published, name, digest in rows:
        found.setdefault(snapshot_id, (snapshot_id, published, []))[2].append((name, digest))
    return list(found.values())


def _blob(archive: Archive, source_id: str, published: str, name: str, digest: str) -> bytes:
    if not archive.has(digest):
        raise RebuildError(
            f"{source_id} snapshot {published}: {name} (sha256 {digest}) is not in the archive "
            f"at {archive.root}; point CONCERTED_DATA_DIR at the data folder this store was "
            f"ingested with. Nothing of {source_id} was changed."
        )
    try:
        return archive.get(digest)
    except ValueError as exc:
        raise RebuildError(f"{source_id} snapshot {published}: {exc}") from exc


def _count_versions(conn: Connection, source_id: str) -> int:
    query = select(func.count()).select_from(versions).where(versions.c.source == source_id)
    return int(conn.execute(query).scalar_one())

