"""`backup` then `restore` into an empty store and folder gives back every table row and
every file, byte for byte, on SQLite and PostgreSQL alike; the restored store verifies and
keeps working (ids continue after the restored ones)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from dossier_world import World, ingest_fixture, make_env
from sqlalchemy import Engine, func, select

from concerted.dossiers import submissions
from concerted.dossiers.backup import backup, restore
from concerted.dossiers.crypto import TamperedError
from concerted.dossiers.model import Status
from concerted.dossiers.verify import verify
from concerted.store.tables import metadata


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
    summary = backup(env.engine, env.archive, env.keyring, out)
    assert summary["tables"]["dossiers"]["rows"] == 1 and summary["tables"]["versions"]["rows"]
    tables, files = _tables(env.engine), _files(env.archive.root)  # backup.create included

    target = tmp_path / "restored"
    made = make_env(second_url, target)
    restored = type(made)(made.engine, made.archive, env.keyring, env.max_upload)
    restore(restored.engine, restored.archive, env.keyring, out)
    assert _tables(restored.engine) == tables
    assert _files(restored.archive.root) == files and len(files) == 4
    assert verify(restored) == []

    submissions.set_status(restored, world.actors["owner"], submission, Status.SUBMITTED)
    with pytest.raises(ValueError, match="empty store"):
        restore(restored.engine, restored.archive, env.keyring, out)
    restored.engine.dispose()


def test_an_edited_backup_is_refused(world: World, second_url: str, tmp_path: Path) -> None:
    """Issue 15 item 9: a table replaced by an attacker's own rows (adding an owner) with its
    SHA-256 recomputed no longer restores: every entry is sealed with a keyring key."""
    import zipfile

    out = tmp_path / "backup.zip"
    backup(world.env.engine, world.env.archive, world.env.keyring, out)
    forged = b"".join(json.dumps(row, sort_keys=True).encode() + b"\n" for row in [
        {"org_id": 1, "user_id": 6, "role": "owner", "added_at": "2026-01-01T00:00:00+00:00"}])
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(damaged, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "tables/org_members.jsonl":
                data = forged
            copy.writestr(item, data)
    restored = make_env(second_url, tmp_path / "restored")
    with pytest.raises(TamperedError, match=r"org_members\.jsonl"):
        restore(restored.engine, restored.archive, world.env.keyring, damaged)
    assert not (tmp_path / "restored" / "archive").exists()
    with restored.engine.connect() as conn:
        assert all(conn.execute(select(func.count()).select_from(t)).scalar_one() == 0
                   for t in metadata.sorted_tables)
    restored.engine.dispose()
