"""Files in → archive → parse → check → store. The one orchestrator behind `concerted ingest`.

A file set is refused whole (nothing written, the previous good snapshot stays current)
when it cannot be recognised, parsed, dated, or when it holds a count of listings outside
its source's declared bounds.

Survives interruption: each snapshot is stored in one transaction and marked "not derived";
deriving clears the mark in the transaction that writes `changes` and `listings`, and every
run derives whatever is still marked, so a run killed at any point is completed by the next.
One ingest at a time holds the store (`concerted.store.lock`); another waits for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from concerted import clock
from concerted.archive import Archive, sha256_of
from concerted.model import Snapshot
from concerted.sources import ParseError, Source, detect_source, get_source
from concerted.store.derive import derive_pending
from concerted.store.lock import DEFAULT_WAIT, ingest_lock
from concerted.store.tables import snapshots
from concerted.store.writer import UnstorableText, Writer

__all__ = ["FileSet", "IngestOptions", "IngestResult", "collect", "ingest", "ingest_blobs"]

_DATE_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Notes kept beside list files (how each was obtained), never a list: skipped, not refused.
_NOTES = re.compile(r"^(PROVENANCE|README|MANIFEST|LICEN[CS]E|NOTICE)(\.(txt|md))?$|\.md$", re.I)


@dataclass(frozen=True)
class FileSet:
    """Files published together (OFAC's sdn.csv with alt/add/comments) or a single file."""

    paths: tuple[Path, ...]
    source: Source | None

    @property
    def label(self) -> str:
        return ", ".join(str(p) for p in self.paths)


@dataclass
class IngestResult:
    label: str
    status: str  # ingested / unchanged / rejected
    source: str | None = None
    published: str | None = None
    listings: int = 0
    message: str = ""


@dataclass
class IngestOptions:
    source_id: str | None = None
    date: str | None = None
    progress: Callable[[str], None] | None = None
    touched: dict[str, set[str]] = field(default_factory=dict)
    lock_wait: float = DEFAULT_WAIT  # seconds to wait for another ingest to finish
    # A fetch: the snapshot is identified by when it was retrieved, so a list republished
    # within a day gives a second snapshot of that date. Files ingested by hand are dated
    # by their content, folder or --date, and a second, different set for a date is refused.
    retrieved_at: str | None = None
    several_a_day: bool = False


def collect(paths: Iterable[Path], source_id: str | None = None) -> list[FileSet]:
    """Expand folders, detect each file's source, and group companion files by folder."""
    files = sorted({f for p in paths for f in (sorted(p.rglob("*")) if p.is_dir() else [p])})
    groups: dict[tuple[Path, str], list[Path]] = {}
    sets: list[FileSet] = []
    for path in files:
        if not path.is_file() or path.name.startswith(".") or _NOTES.search(path.name):
            continue
        source = get_source(source_id) if source_id else detect_source(path.name, path.read_bytes())
        if source is not None and path.name.lower() in source.companions:
            groups.setdefault((path.parent, source.id), []).append(path)
        else:
            sets.append(FileSet((path,), source))
    sets.extend(FileSet(tuple(g), get_source(sid)) for (_, sid), g in groups.items())
    return sorted(sets, key=lambda s: s.paths)


def ingest(
    engine: Engine, archive: Archive, sets: list[FileSet], options: IngestOptions
) -> list[IngestResult]:
    """Ingest the file sets; raises `IngestBusy` when another ingest holds the store."""
    with ingest_lock(engine, options.lock_wait, options.progress):
        writer = Writer(engine)
        results = [_ingest_one(engine, archive, writer, s, options) for s in sets]
        if options.progress:
            options.progress("deriving listings and changes")
        derive_pending(engine, writer.written())
    return results


def _ingest_one(
    engine: Engine, archive: Archive, writer: Writer, fileset: FileSet, options: IngestOptions
) -> IngestResult:
    if options.progress:
        options.progress(fileset.label)
    try:
        return _try_ingest(engine, archive, writer, fileset, options)
    except ParseError as exc:
        source = fileset.source.id if fileset.source else None
        return IngestResult(fileset.label, "rejected", source, message=str(exc))


def _try_ingest(
    engine: Engine, archive: Archive, writer: Writer, fileset: FileSet, options: IngestOptions
) -> IngestResult:
    source = fileset.source
    main = fileset.paths[0]
    if source is None:
        raise ParseError(
            str(main),
            "not recognised as any known official list; "
            "name it with --source ID (see `concerted sources --all`)",
        )
    blobs = {p.name: p.read_bytes() for p in fileset.paths}
    return _store_blobs(engine, archive, writer, source, blobs, main, fileset.label, options)


def ingest_blobs(
    engine: Engine,
    archive: Archive,
    source: Source,
    blobs: Mapping[str, bytes],
    options: IngestOptions,
) -> IngestResult:
    """Ingest one file set held in memory (a download), keyed by base file name.

    The same checks as `ingest`; with no date in the file, `options.date` is the snapshot date.
    """
    label = ", ".join(sorted(blobs))
    with ingest_lock(engine, options.lock_wait, options.progress):
        writer = Writer(engine)
        try:
            result = _store_blobs(
                engine, archive, writer, source, dict(blobs), Path(label), label, options
            )
        except ParseError as exc:
            result = IngestResult(label, "rejected", source.id, message=str(exc))
        derive_pending(engine, writer.written())
    return result


def _store_blobs(
    engine: Engine,
    archive: Archive,
    writer: Writer,
    source: Source,
    blobs: dict[str, bytes],
    main: Path,
    label: str,
    options: IngestOptions,
) -> IngestResult:
    files = tuple(sorted((name, sha256_of(data)) for name, data in blobs.items()))
    probe = Snapshot(source.id, "", files)
    existing = _existing(engine, source.id, probe.sha256)
    if existing:
        return IngestResult(label, "unchanged", source.id, existing, message="already stored")
    parsed = source.parse(blobs)
    published, origin = _date(main, parsed.published, options.date)
    source.check_count(str(main), len(parsed.listings))
    if not options.several_a_day:
        _refuse_other_file_same_day(engine, source.id, published, str(main))
    near = _neighbours(engine, source.id, published)
    source.check_neighbours(str(main), published, len(parsed.listings), near)
    for data in blobs.values():
        archive.put(data)
    snapshot = Snapshot(source.id, published, files, tuple(parsed.listings))
    sizes = {name: len(data) for name, data in blobs.items()}
    try:
        writer.add_snapshot(snapshot, date_origin=origin, sizes=sizes,
                            retrieved_at=options.retrieved_at or clock.stamp(),
                            parser_version=source.parser_version)
    except UnstorableText as exc:
        writer.forget()
        raise ParseError(str(main), str(exc)) from exc
    except IntegrityError as exc:
        # The checks above ran outside the transaction; whatever slipped past them (a store
        # written by an older Concerted without the lock) is a refusal, not a traceback.
        writer.forget()
        raise ParseError(
            str(main), f"conflicts with a snapshot of {source.id} already stored ({published}): "
            f"{type(exc.orig).__name__}"
        ) from exc
    except Exception:
        writer.forget()
        raise
    options.touched.setdefault(source.id, set()).add(published)
    return IngestResult(label, "ingested", source.id, published, len(parsed.listings))


def _existing(engine: Engine, source: str, sha: str) -> str | None:
    query = select(snapshots.c.published).where(
        snapshots.c.source == source, snapshots.c.sha256 == sha
    )
    with engine.connect() as conn:
        return conn.scalar(query)


def _neighbours(engine: Engine, source: str, published: str) -> list[tuple[str, int]]:
    """The stored snapshots of `source` just before (or earlier the same day) and just after
    `published`."""
    columns = (snapshots.c.published, snapshots.c.listing_count)
    before = (
        select(*columns)
        .where(snapshots.c.source == source, snapshots.c.published <= published)
        .order_by(snapshots.c.published.desc(), snapshots.c.retrieved_at.desc(),
                  snapshots.c.id.desc())
        .limit(1)
    )
    after = (
        select(*columns)
        .where(snapshots.c.source == source, snapshots.c.published > published)
        .order_by(snapshots.c.published)
        .limit(1)
    )
    with engine.connect() as conn:
        rows = [*conn.execute(before), *conn.execute(after)]
    return [(row.published, row.listing_count) for row in rows]


def _refuse_other_file_same_day(engine: Engine, source: str, published: str, file: str) -> None:
    query = select(snapshots.c.sha256).where(
        snapshots.c.source == source, snapshots.c.published == published
    )
    with engine.connect() as conn:
        if conn.scalar(query) is not None:
            raise ParseError(
                file,
                f"a different snapshot of {source} dated {published} is already "
                "stored; give this one its own date with --date",
            )


def _date(path: Path, from_file: str | None, option: str | None) -> tuple[str, str]:
    """The snapshot date: printed in the file, else --date, else a YYYY-MM-DD folder name."""
    if from_file:
        return from_file, "file"
    if option:
        return option, "option"
    if _DATE_DIR.match(path.parent.name):
        return path.parent.name, "folder"
    raise ParseError(
        str(path),
        "the file carries no date: give one with --date YYYY-MM-DD "
        "or keep it in a folder named YYYY-MM-DD",
    )

