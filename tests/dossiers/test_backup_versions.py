"""Versioned backups: a backup records its schema revision and the Concerted version; one
taken at the baseline revision restores into the newest; one from a newer Concerted is
refused naming both revisions; nothing is written into a store that is not empty; and a
backup holds no readable secret (issue 13 item 3, issue 15 item 9)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from dossier_world import World, ingest_fixture, make_env
from sqlalchemy import Engine, MetaData, select, text

from concerted import __version__
from concerted.dossiers.after_upgrade import run_steps
from concerted.dossiers.backup import LEGACY_FORMAT, backup, restore
from concerted.dossiers.backup_stream import backup_key, open_blob, seal_blob
from concerted.dossiers.env import DossierEnv
from concerted.dossiers.keys import KeyMissing, load_keyring, passphrase
from concerted.dossiers.verify import verify
from concerted.settings import Settings
from concerted.store.migrate import (
    BASELINE,
    VERSION_TABLE,
    current_revision,
    downgrade,
    head_revision,
)


def _rows(engine: Engine) -> dict[str, list[str]]:
    found = MetaData()
    with engine.connect() as conn:
        found.reflect(conn)
        return {t.name: sorted(json.dumps(dict(r._mapping), sort_keys=True, default=str)
                               for r in conn.execute(select(t)))
                for t in found.sorted_tables if t.name != VERSION_TABLE}


def _restored_env(made: DossierEnv, keyring_from: DossierEnv) -> DossierEnv:
    return type(made)(made.engine, made.archive, keyring_from.keyring, made.max_upload)


def test_a_baseline_backup_restores_into_the_newest_revision(
        world: World, second_url: str, tmp_path: Path) -> None:
    env = world.env
    ingest_fixture(env, "us_ofac_sdn")
    downgrade(env.engine, BASELINE)  # the store as the baseline schema holds it
    at_baseline = _rows(env.engine)
    assert "parser_version" not in at_baseline["snapshots"][0]
    out = tmp_path / "baseline.zip"
    summary = backup(env.engine, env.archive, env.keyring, out)
    assert summary["schema_revision"] == BASELINE
    assert summary["concerted_version"] == __version__

    restored = _restored_env(make_env(second_url, tmp_path / "restored"), env)
    result = restore(restored.engine, restored.archive, restored.keyring, out)
    assert result["restored_revision"] == BASELINE
    with restored.engine.connect() as conn:
        assert current_revision(conn) == head_revision() != BASELINE
    now = _rows(restored.engine)
    for table, rows in at_baseline.items():
        if table not in now:  # dropped by a later revision (0008: review_judgements, whose
            assert rows == [], table  # rows it carries into judgements): empty here
            continue
        # Every row is there; columns added since the baseline hold their defaults.
        assert [{k: v for k, v in json.loads(r).items() if k in json.loads(rows[0])}
                for r in now[table]] == [json.loads(r) for r in rows], table
    assert {json.loads(r)["parser_version"] for r in now["snapshots"]} == {None}
    # What `concerted restore` then does: key the audit log the baseline had unkeyed.
    assert run_steps(restored, BASELINE)[0].startswith("keyed ")
    assert verify(restored) == []
    restored.engine.dispose()


def _rewrite_header(out: Path, forged: Path, keyring_env: DossierEnv,
                    change: dict[str, Any]) -> None:
    """What a newer Concerted would write: the same backup, its header (and the manifest
    sealed to it) saying another schema revision. Made with the keyring, as that one would."""
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(forged, "w") as copy:
        raw = source.read("backup.json")
        header = json.loads(raw)
        aead = backup_key(keyring_env.keyring.data_key(header["key_id"]), header["backup_id"])
        manifest = open_blob(aead, source.read("manifest"), raw, "manifest")
        new_raw = json.dumps({**header, **change}, indent=1, sort_keys=True).encode()
        for item in source.infolist():
            if item.filename == "backup.json":
                copy.writestr(item, new_raw)
            elif item.filename == "manifest":
                copy.writestr(item, seal_blob(aead, manifest, new_raw))
            else:
                copy.writestr(item, source.read(item))


def test_a_backup_from_a_newer_concerted_is_refused(
        world: World, second_url: str, tmp_path: Path) -> None:
    out, newer = tmp_path / "backup.zip", tmp_path / "newer.zip"
    backup(world.env.engine, world.env.archive, world.env.keyring, out)
    _rewrite_header(out, newer, world.env, {"schema_revision": "0999",
                                            "concerted_version": "9.0.0"})
    restored = make_env(second_url, tmp_path / "restored")
    with pytest.raises(ValueError, match=rf"revision 0999, newer than this Concerted's "
                                         rf"newest, {head_revision()}"):
        restore(restored.engine, restored.archive, world.env.keyring, newer)
    assert not restored.archive.root.exists()
    restored.engine.dispose()


def test_an_edited_header_is_refused(world: World, second_url: str, tmp_path: Path) -> None:
    out, edited = tmp_path / "backup.zip", tmp_path / "edited.zip"
    backup(world.env.engine, world.env.archive, world.env.keyring, out)
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(edited, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "backup.json":
                data = data.replace(b'"created_at": "', b'"created_at": "1')
            copy.writestr(item, data)
    restored = make_env(second_url, tmp_path / "restored")
    with pytest.raises(ValueError, match=r"backup\.json or its manifest does not authenticate"):
        restore(restored.engine, restored.archive, world.env.keyring, edited)
    restored.engine.dispose()


def test_a_non_empty_store_is_refused_before_anything_is_written(
        world: World, tmp_path: Path) -> None:
    """Issue 15, Low: restore wrote the archive files before refusing a non-empty store."""
    ingest_fixture(world.env, "us_ofac_sdn")
    out = tmp_path / "backup.zip"
    backup(world.env.engine, world.env.archive, world.env.keyring, out)
    other = make_env(f"sqlite:///{tmp_path / 'other.db'}", tmp_path / "other")
    with other.engine.begin() as conn:
        conn.execute(text("INSERT INTO organisations (name, kind, created_at) "
                          "VALUES ('Someone', 'ngo', '2026-01-01')"))
    with pytest.raises(ValueError, match="empty store; table organisations has rows"):
        restore(other.engine, other.archive, world.env.keyring, out)
    assert not other.archive.root.exists()
    other.engine.dispose()


def test_a_backup_holds_no_readable_secret(world: World, tmp_path: Path) -> None:
    env = world.env
    ingest_fixture(env, "us_ofac_sdn")
    with env.engine.begin() as conn:
        conn.execute(text("INSERT INTO subscriptions (id, criteria, webhook, secret, digest, "
                          "created_at) VALUES ('s1', '{}', 'https://example.org/hook', "
                          "'whsec-very-secret-value', false, '2026-01-01')"))
        hashes = [h for (h,) in conn.execute(text("SELECT password_hash FROM users"))]
    out = tmp_path / "backup.zip"
    backup(env.engine, env.archive, env.keyring, out)
    data = out.read_bytes()
    listing_file = (Path(__file__).parents[1] / "fixtures" / "us_ofac_sdn" / "sdn.csv")
    for secret in [b"whsec-very-secret-value", b"owner@example.org", hashes[0].encode(),
                   b"$argon2id", listing_file.read_bytes()[:40]]:
        assert secret not in data


def test_a_backup_needs_the_keyring_that_made_it(
        world: World, second_url: str, tmp_path: Path) -> None:
    out = tmp_path / "backup.zip"
    summary = backup(world.env.engine, world.env.archive, world.env.keyring, out)
    stranger = load_keyring(tmp_path / "stranger" / "keyring.json", passphrase(Settings()),
                            create=True)
    restored = make_env(second_url, tmp_path / "restored")
    with pytest.raises(KeyMissing, match=rf"data key {summary['key_id']}, which is not in"):
        restore(restored.engine, restored.archive, stranger, out)
    restored.engine.dispose()


def _legacy_backup(env: DossierEnv, out: Path) -> None:
    """A concerted-backup/1 file as Concerted wrote them before (plain JSON lines)."""
    found = MetaData()
    summary: dict[str, Any] = {"format": LEGACY_FORMAT, "tables": {}, "files": []}
    with zipfile.ZipFile(out, "w") as bundle, env.engine.connect() as conn:
        found.reflect(conn)
        for table in found.sorted_tables:
            if table.name == VERSION_TABLE:
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            data = b"".join(json.dumps(dict(r._mapping), sort_keys=True).encode() + b"\n"
                            for r in conn.execute(select(table).order_by(*order)))
            bundle.writestr(f"tables/{table.name}.jsonl", data)
            summary["tables"][table.name] = {"rows": data.count(b"\n"),
                                             "sha256": hashlib.sha256(data).hexdigest()}
        for path in sorted(env.archive.root.glob("*/*")):
            bundle.write(path, f"archive/{path.name}")
            summary["files"].append(path.name)
        bundle.writestr("backup.json", json.dumps(summary))


def test_a_format_1_backup_restores_only_when_asked(
        world: World, second_url: str, tmp_path: Path) -> None:
    downgrade(world.env.engine, BASELINE)
    out = tmp_path / "legacy.zip"
    _legacy_backup(world.env, out)
    restored = _restored_env(make_env(second_url, tmp_path / "restored"), world.env)
    with pytest.raises(ValueError, match=r"neither signed nor encrypted.*--unsigned"):
        restore(restored.engine, restored.archive, restored.keyring, out)
    restore(restored.engine, restored.archive, restored.keyring, out, unsigned=True)
    with restored.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
    run_steps(restored, BASELINE)
    assert verify(restored) == []
    restored.engine.dispose()
