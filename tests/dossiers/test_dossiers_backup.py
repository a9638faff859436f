"""`backup` then `restore` into an empty store and folder gives back every table row and
every file, byte for byte, on SQLite and PostgreSQL alike; the restored store verifies and
keeps working (ids continue after the restored ones)."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from dossier_world import World, ingest_fixture, make_env
from sqlalchemy import Engine, select

from concerted.dossiers import submissions
from concerted.dossiers.backup import backup, restore
from concerted.dossiers.model import Status
from concerted.dossiers.verify import verify
from concerted.store.tables import metadata


@pytest.fixture()
def second_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """An empty store of the same kind as `db_url`."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    import psycopg

    admin = os.environ.get("CONCERTED_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"concerted_restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{admin.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _tables(engine: Engine) -> dict[str, list[str]]:
    with engine.connect() as conn:
        return {t.name: sorted(json.dumps(dict(r._mapping), sort_keys=True, default=str)
                               for r in conn.execute(select(t))) for t in metadata.sorted_tables}


def _files(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


def test_round_trip(world: World, second_url: str, tmp_path: Path) -> None:
    env = world.env
    ingest_fixture(env, "us_ofac_sdn")
    submission, _, _ = submissions.build(env, world.actors["owner"], world.dossier,
                                         "gb-gac", "pdf")
    out = tmp_path / "backup.zip"
    summary = backup(env.engine, env.archive, out)
    assert summary["tables"]["dossiers"]["rows"] == 1 and summary["tables"]["versions"]["rows"]
    tables, files = _tables(env.engine), _files(env.archive.root)  # backup.create included

    target = tmp_path / "restored"
    made = make_env(second_url, target)
    restored = type(made)(made.engine, made.archive, env.keyring, env.max_upload)
    restore(restored.engine, restored.archive, out)
    assert _tables(restored.engine) == tables
    assert _files(restored.archive.root) == files and len(files) == 4
    assert verify(restored) == []

    submissions.set_status(restored, world.actors["owner"], submission, Status.SUBMITTED)
    with pytest.raises(ValueError, match="empty store"):
        restore(restored.engine, restored.archive, out)
    restored.engine.dispose()


def test_a_damaged_backup_is_refused(world: World, second_url: str, tmp_path: Path) -> None:
    import zipfile

    out = tmp_path / "backup.zip"
    backup(world.env.engine, world.env.archive, out)
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(damaged, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "tables/evidence.jsonl":
                data = data.replace(b'"level": "protected"', b'"level": "public"')
            copy.writestr(item, data)
    restored = make_env(second_url, tmp_path / "restored")
    with pytest.raises(ValueError, match="table evidence does not match its SHA-256"):
        restore(restored.engine, restored.archive, damaged)
    restored.engine.dispose()
