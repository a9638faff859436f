"""`concerted backup FILE` / `concerted restore FILE`: every table and every archived file,
encrypted and authenticated with a keyring data key.

A backup (`concerted-backup/2`) is a zip:

- `backup.json`, in clear: the format, a random backup id, the data key id, the store's
  schema revision, the Concerted version and the time;
- `manifest`: each table's row count and SHA-256, and the archive files, sealed (AES-GCM)
  with `backup.json` as associated data, so neither can be edited;
- `tables/<name>.jsonl` and `archive/<sha256>`: sealed streams (`backup_stream`).

The key is derived from the data key named in `backup.json`; the keyring is never in a
backup, so a backup alone is ciphertext and restoring needs the keyring (or a copy holding
that key; `keys rotate --drop-old` makes older backups unreadable).

Restore refuses a non-empty store before writing anything, then authenticates every entry,
then fills the tables at the backup's schema revision and migrates them to the newest; a
backup from a newer Concerted is refused naming both revisions. Format 1 backups (neither
signed nor encrypted, schema `0001`) restore only when asked (`--unsigned`).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, MetaData, Table, func, insert, select, text

from concerted import __version__, clock
from concerted.archive import Archive, sha256_of
from concerted.dossiers import audit
from concerted.dossiers.backup_stream import (
    SealedWriter,
    backup_key,
    open_blob,
    open_stream,
    seal_blob,
)
from concerted.dossiers.binding import Binder
from concerted.dossiers.keys import KeyMissing, Keyring
from concerted.dossiers.orgs import OPERATOR
from concerted.store.migrate import (
    BASELINE,
    VERSION_TABLE,
    head_revision,
    known_revisions,
    recreate,
    stored_revision,
    upgrade,
)

__all__ = ["FORMAT", "LEGACY_FORMAT", "backup", "restore"]

FORMAT = "concerted-backup/2"
LEGACY_FORMAT = "concerted-backup/1"
_CHUNK = 1000


def _reflect(conn: Connection) -> MetaData:
    """The tables as the store has them (a store at an older revision is backed up too)."""
    found = MetaData()
    found.reflect(conn)
    if VERSION_TABLE in found.tables:
        found.remove(found.tables[VERSION_TABLE])
    return found


def _lines(conn: Connection, table: Table) -> Iterator[bytes]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(yield_per=_CHUNK).execute(select(table).order_by(*order))
    for row in result:
        yield json.dumps(dict(row._mapping), sort_keys=True, ensure_ascii=False).encode() + b"\n"


def _archive_files(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("*/*") if p.is_file() and not p.name.startswith("."))


def backup(engine: Engine, archive: Archive, keyring: Keyring, out: Path) -> dict[str, Any]:
    """Write the backup; returns what it holds (header and manifest)."""
    revision = stored_revision(engine)
    if revision is None:
        raise ValueError("nothing to back up: the database holds no Concerted store")
    if revision == head_revision():  # an older store's audit table may differ: not recorded
        with engine.begin() as conn:
            audit.record(conn, Binder(keyring), OPERATOR, "backup.create", "store", out.name)
    key = keyring.active_data_key()
    header = {"format": FORMAT, "backup_id": secrets.token_hex(16), "key_id": key.id,
              "schema_revision": revision, "concerted_version": __version__,
              "created_at": clock.stamp()}
    aead = backup_key(key.key, header["backup_id"])
    manifest: dict[str, Any] = {"tables": {}, "files": []}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as bundle, engine.connect() as conn:
        for table in _reflect(conn).sorted_tables:
            entry = f"tables/{table.name}.jsonl"
            digest, count = hashlib.sha256(), 0
            with bundle.open(entry, "w", force_zip64=True) as handle:
                writer = SealedWriter(aead, header["backup_id"], entry, handle)
                for line in _lines(conn, table):
                    writer.write(line)
                    digest.update(line)
                    count += 1
                writer.close()
            manifest["tables"][table.name] = {"rows": count, "sha256": digest.hexdigest()}
        for path in _archive_files(archive.root):
            entry = f"archive/{path.name}"
            with bundle.open(entry, "w", force_zip64=True) as handle, path.open("rb") as data:
                writer = SealedWriter(aead, header["backup_id"], entry, handle)
                while chunk := data.read(1 << 20):
                    writer.write(chunk)
                writer.close()
            manifest["files"].append(path.name)
        raw_header = json.dumps(header, indent=1, sort_keys=True).encode()
        bundle.writestr("backup.json", raw_header)
        bundle.writestr("manifest", seal_blob(aead, json.dumps(manifest).encode(), raw_header))
    return {**header, **manifest}


class _Reader:
    """The entries of one backup, authenticated (format 2) or as they are (format 1)."""

    def __init__(self, bundle: zipfile.ZipFile, keyring: Keyring | None, source: Path,
                 unsigned: bool) -> None:
        self.bundle = bundle
        raw = bundle.read("backup.json")
        self.header: dict[str, Any] = json.loads(raw)
        fmt = self.header.get("format")
        self.aead = None
        if fmt == LEGACY_FORMAT:
            if not unsigned:
                raise ValueError(
                    f"{source} is a {LEGACY_FORMAT} backup: neither signed nor encrypted, so "
                    "an edit to it cannot be detected. Restore it only if it never left your "
                    "hands, with --unsigned.")
            self.manifest = {"tables": self.header["tables"], "files": self.header["files"]}
            self.revision = BASELINE  # format 1 was written by the baseline schema's code
            return
        if fmt != FORMAT:
            raise ValueError(f"{source} is not a Concerted backup ({FORMAT})")
        if keyring is None:
            raise KeyMissing(f"{source} is encrypted: restoring it needs the keyring")
        key_id = str(self.header["key_id"])
        try:
            data_key = keyring.data_key(key_id)
        except KeyMissing:
            raise KeyMissing(
                f"{source} was encrypted with data key {key_id}, which is not in the keyring "
                f"at {keyring.path}: use the keyring of the instance that made it (or a copy "
                "holding that key)") from None
        self.aead = backup_key(data_key, str(self.header["backup_id"]))
        self.manifest = json.loads(open_blob(self.aead, bundle.read("manifest"), raw,
                                             "backup.json or its manifest"))
        self.revision = str(self.header["schema_revision"])

    def chunks(self, entry: str) -> Iterator[bytes]:
        with self.bundle.open(entry) as handle:
            if self.aead is None:
                yield handle.read()
                return
            stream: IO[bytes] = handle
            yield from open_stream(self.aead, str(self.header["backup_id"]), entry, stream)

    def table_entry(self, name: str) -> str:
        return f"tables/{name}.jsonl"

    def verify(self) -> None:
        """Authenticate and check every entry before anything is written."""
        for name, expected in self.manifest["tables"].items():
            digest = hashlib.sha256()
            for chunk in self.chunks(self.table_entry(name)):
                digest.update(chunk)
            if digest.hexdigest() != expected["sha256"]:
                raise ValueError(f"backup damaged: table {name} does not match its SHA-256")
        for name in self.manifest["files"]:
            digest = hashlib.sha256()
            for chunk in self.chunks(f"archive/{name}"):
                digest.update(chunk)
            if digest.hexdigest() != name:
                raise ValueError(f"backup damaged: archive file {name} does not match its name")

    def rows(self, name: str) -> Iterator[dict[str, Any]]:
        pending = b""
        for chunk in self.chunks(self.table_entry(name)):
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            for line in lines:
                if line:
                    yield json.loads(line)
        if pending:
            yield json.loads(pending)


def _refuse_non_empty(engine: Engine) -> None:
    with engine.connect() as conn:
        for table in _reflect(conn).sorted_tables:
            if conn.execute(select(func.count()).select_from(table)).scalar_one():
                raise ValueError(f"restore needs an empty store; table {table.name} has rows "
                                 "(nothing was written)")


def _check_revision(revision: str, source: Path) -> None:
    if revision not in known_revisions():
        raise ValueError(
            f"{source} was taken at schema revision {revision}, newer than this Concerted's "
            f"newest, {head_revision()}: restore it with the Concerted that made it (version "
            "in backup.json) or a newer one. Nothing was written.")


def _insert_rows(conn: Connection, table: Table, rows: Iterator[dict[str, Any]]) -> None:
    known = set(table.columns.keys())
    batch: list[dict[str, Any]] = []
    for row in rows:
        extra = set(row) - known
        if extra:
            raise ValueError(f"backup rows of {table.name} have columns its schema revision "
                             f"lacks: {sorted(extra)}")
        batch.append(row)
        if len(batch) >= _CHUNK:
            conn.execute(insert(table), batch)
            batch = []
    if batch:
        conn.execute(insert(table), batch)


def _reset_sequences(conn: Connection, tables: MetaData) -> None:
    """PostgreSQL serial columns keep counting from 1 after explicit ids: move them on."""
    for table in tables.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1:
            continue
        name, column = table.name, keys[0].name
        sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                {"t": name, "c": column}).scalar()
        if sequence is not None:
            top = conn.execute(select(func.max(keys[0]))).scalar()
            conn.execute(text("SELECT setval(:s, :v, false)"),
                         {"s": sequence, "v": int(top or 0) + 1})


def restore(engine: Engine, archive: Archive, keyring: Keyring | None, source: Path,
            unsigned: bool = False) -> dict[str, Any]:
    """Fill an empty store and archive from a backup; returns the backup's header."""
    _refuse_non_empty(engine)
    with zipfile.ZipFile(source) as bundle:
        reader = _Reader(bundle, keyring, source, unsigned)
        _check_revision(reader.revision, source)
        reader.verify()
        recreate(engine, reader.revision)
        try:
            _fill(engine, archive, reader)
        except BaseException:
            recreate(engine, head_revision())  # back to an empty store, as it was
            raise
        upgrade(engine)
    return {**reader.header, **reader.manifest, "restored_revision": reader.revision}


def _fill(engine: Engine, archive: Archive, reader: _Reader) -> None:
    with engine.begin() as conn:
        tables = _reflect(conn)
        unknown = sorted(set(reader.manifest["tables"]) - set(tables.tables))
        if unknown:
            raise ValueError(f"backup has tables its schema revision {reader.revision} "
                             f"does not have: {unknown}")
        for table in tables.sorted_tables:
            if table.name in reader.manifest["tables"]:
                _insert_rows(conn, table, reader.rows(table.name))
        if engine.dialect.name == "postgresql":
            _reset_sequences(conn, tables)
        for name in reader.manifest["files"]:
            data = b"".join(reader.chunks(f"archive/{name}"))
            if sha256_of(data) != name:
                raise ValueError(f"backup damaged: archive file {name} changed while read")
            archive.put(data)

