"""`concerted backup FILE` / `concerted restore FILE`: every table and every archived file.

A backup is a zip: `backup.json` (format, tables, each table's row count and SHA-256 of its
dump), `tables/<name>.jsonl` and `archive/<sha256>`. Restoring fills an empty store in the
order foreign keys need, checks every digest, and on PostgreSQL moves the id sequences past
the restored ids. The keyring is never in a backup: evidence files and sealed fields stay
ciphertext in it, and restoring needs the keyring (or an older copy holding the same keys).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text

from concerted.archive import Archive, sha256_of
from concerted.dossiers import audit
from concerted.dossiers.orgs import OPERATOR
from concerted.store.tables import metadata

__all__ = ["FORMAT", "backup", "restore"]

FORMAT = "concerted-backup/1"
_CHUNK = 1000


def _lines(conn: Connection, name: str) -> Iterator[bytes]:
    table = metadata.tables[name]
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(yield_per=_CHUNK).execute(select(table).order_by(*order))
    for row in result:
        yield json.dumps(dict(row._mapping), sort_keys=True, ensure_ascii=False).encode() + b"\n"


def _archive_files(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("*/*") if p.is_file() and not p.name.startswith("."))


def backup(engine: Engine, archive: Archive, out: Path) -> dict[str, Any]:
    """Write the backup; returns its summary (what `backup.json` says)."""
    with engine.begin() as conn:
        audit.record(conn, OPERATOR, "backup.create", "store", out.name)
    summary: dict[str, Any] = {"format": FORMAT, "tables": {}, "files": []}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle, engine.connect() as conn:
        for table in metadata.sorted_tables:
            digest, count = hashlib.sha256(), 0
            with bundle.open(f"tables/{table.name}.jsonl", "w") as handle:
                for line in _lines(conn, table.name):
                    handle.write(line)
                    digest.update(line)
                    count += 1
            summary["tables"][table.name] = {"rows": count, "sha256": digest.hexdigest()}
        for path in _archive_files(archive.root):
            bundle.write(path, f"archive/{path.name}")
            summary["files"].append(path.name)
        bundle.writestr("backup.json", json.dumps(summary, indent=1))
    return summary


def _empty(conn: Connection) -> None:
    for table in metadata.sorted_tables:
        if conn.execute(select(func.count()).select_from(table)).scalar_one():
            raise ValueError(f"restore needs an empty store; table {table.name} has rows")


def _restore_table(conn: Connection, bundle: zipfile.ZipFile, name: str, expected: str) -> None:
    data = bundle.read(f"tables/{name}.jsonl")
    if hashlib.sha256(data).hexdigest() != expected:
        raise ValueError(f"backup damaged: table {name} does not match its SHA-256")
    rows = [json.loads(line) for line in data.splitlines() if line]
    for start in range(0, len(rows), _CHUNK):
        conn.execute(insert(metadata.tables[name]), rows[start:start + _CHUNK])


def _reset_sequences(conn: Connection) -> None:
    """PostgreSQL serial columns keep counting from 1 after explicit ids: move them on."""
    for table in metadata.sorted_tables:
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


def restore(engine: Engine, archive: Archive, source: Path) -> dict[str, Any]:
    with zipfile.ZipFile(source) as bundle:
        summary = json.loads(bundle.read("backup.json"))
        if summary.get("format") != FORMAT:
            raise ValueError(f"{source} is not a {FORMAT} file")
        unknown = sorted(set(summary["tables"]) - set(metadata.tables))
        if unknown:
            raise ValueError(f"backup has tables this version does not know: {unknown}")
        for name in summary["files"]:
            data = bundle.read(f"archive/{name}")
            if sha256_of(data) != name:
                raise ValueError(f"backup damaged: archive file {name} does not match its name")
            archive.put(data)
        with engine.begin() as conn:
            _empty(conn)
            for table in metadata.sorted_tables:
                if table.name in summary["tables"]:
                    _restore_table(conn, bundle, table.name,
                                   summary["tables"][table.name]["sha256"])
            if engine.dialect.name == "postgresql":
                _reset_sequences(conn)
    return dict(summary)
