"""Encryption at rest, the audit chain, tamper detection, upload checks, key rotation."""

from __future__ import annotations

import json
import logging

import pytest
from dossier_world import PNG, WITNESS_SUMMARY, WITNESS_TITLE, World
from sqlalchemy import delete, select, text, update

from concerted.dossiers import evidence, service
from concerted.dossiers.files import RefusedFile, check_upload, detect_type
from concerted.dossiers.keys import load_keyring, passphrase
from concerted.dossiers.model import EvidenceKind, Level
from concerted.dossiers.rotation import rotate
from concerted.dossiers.verify import verify
from concerted.settings import Settings
from concerted.store.tables import audit_head, audit_log, metadata
from concerted.store.tables import evidence as evidence_table

SECRETS = (WITNESS_TITLE, WITNESS_SUMMARY, "Field researcher R-2", "ZHU Hailun",
           "Researcher notes on sources", "Mass detention")


def _dump(world: World) -> str:
    with world.env.engine.connect() as conn:
        return "\n".join(json.dumps(dict(r._mapping), default=str, ensure_ascii=False)
                         for t in metadata.sorted_tables for r in conn.execute(select(t)))


def test_confidential_text_and_files_are_ciphertext_at_rest(world: World) -> None:
    stored = _dump(world)
    for secret in SECRETS:
        assert secret not in stored
    blobs = [p.read_bytes() for p in world.env.archive.root.rglob("*") if p.is_file()]
    assert len(blobs) == 3 and not any(PNG[:8] in b or b"%PDF" in b for b in blobs)


def test_logs_carry_no_confidential_content(world: World, caplog: pytest.LogCaptureFixture
                                            ) -> None:
    caplog.set_level(logging.DEBUG)
    for who in ("owner", "viewer"):
        service.get_dossier(world.env, world.actors[who], world.dossier)
    evidence.evidence_file(world.env, world.actors["owner"], world.evidence[Level.INTERNAL])
    assert not any(s in caplog.text for s in SECRETS)


def test_reads_of_confidential_material_are_audited(world: World) -> None:
    evidence.evidence_file(world.env, world.actors["viewer"], world.evidence[Level.INTERNAL])
    with world.env.engine.connect() as conn:
        last = conn.execute(select(audit_log).order_by(audit_log.c.seq.desc())).first()
    assert last is not None and last.action == "evidence.read"
    assert last.actor == "viewer@example.org" and json.loads(last.detail)["level"] == "internal"


def test_intact_store_verifies(world: World) -> None:
    assert verify(world.env) == []


def test_an_altered_encrypted_file_is_detected(world: World) -> None:
    item = world.evidence[Level.GOVERNMENTS]
    with world.env.engine.connect() as conn:
        blob = conn.execute(select(evidence_table.c.blob)
                            .where(evidence_table.c.id == item)).scalar_one()
    path = world.env.archive.path_for(blob)
    data = bytearray(path.read_bytes())
    data[20] ^= 0x01
    path.write_bytes(bytes(data))
    faults = verify(world.env)
    assert faults and faults[0] == f"evidence {item}: its encrypted file {blob} was altered"


def test_a_swapped_sealed_field_is_detected(world: World) -> None:
    public, protected = world.evidence[Level.PUBLIC], world.evidence[Level.PROTECTED]
    with world.env.engine.begin() as conn:
        token = conn.execute(select(evidence_table.c.title)
                             .where(evidence_table.c.id == protected)).scalar_one()
        conn.execute(update(evidence_table).where(evidence_table.c.id == public)
                     .values(title=token))
    faults = verify(world.env)
    assert faults == [f"evidence {public}: sealed title does not open "
                      f"(evidence.title:{public} does not authenticate under key "
                      f"{token.split('.')[1]})"]


def test_an_altered_audit_line_is_detected(world: World) -> None:
    with world.env.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.seq == 5)
                     .values(detail=json.dumps({"level": "public"})))
    assert verify(world.env)[0] == "audit log: entry 5 was altered (its hash does not match)"


def test_a_removed_audit_line_is_detected(world: World) -> None:
    with world.env.engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.seq == 4))
    assert verify(world.env)[0] == "audit log: entries 4..4 are missing"


def test_a_log_cut_short_is_detected(world: World) -> None:
    with world.env.engine.connect() as conn:
        seq, head = conn.execute(select(audit_head.c.seq, audit_head.c.hash)).one()
    assert verify(world.env, [(seq, head)]) == []
    with world.env.engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.seq == seq))
    assert verify(world.env)[0].startswith("audit log: the head says entry")
    with world.env.engine.begin() as conn:  # a careful intruder fixes the head too...
        prev = conn.execute(select(audit_log.c.hash).where(audit_log.c.seq == seq - 1)
                            ).scalar_one()
        conn.execute(update(audit_head).values(seq=seq - 1, hash=prev))
    assert verify(world.env)[0].startswith("audit log: the head does not authenticate")
    assert "cut off" in verify(world.env, [(seq, head)])[0]


def test_the_audit_log_is_append_only_in_the_chain(world: World) -> None:
    with world.env.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'someone@else' WHERE seq = 1"))
    assert verify(world.env)[0] == "audit log: entry 1 was altered (its hash does not match)"


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("report.pdf", PNG, "the name says .pdf but the content is image/png"),
    ("page.txt", b"<html><script>alert(1)</script></html>", "not an accepted type"),
    ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not an accepted type"),
    ("tool.pdf", b"MZ\x90\x00\x03", "not an accepted type"),
    ("empty.txt", b"", "empty"),
    ("big.txt", b"a" * 65, "over the 64-byte limit"),
])
def test_uploads_are_checked_by_content(name: str, data: bytes, problem: str) -> None:
    with pytest.raises(RefusedFile, match=problem):
        check_upload(name, data, 64)


def test_declared_type_must_agree() -> None:
    assert check_upload("a.png", PNG, 1000, "image/png") == "image/png"
    with pytest.raises(RefusedFile, match="declared as application/pdf"):
        check_upload("a.png", PNG, 1000, "application/pdf")
    assert detect_type(b"%PDF-1.7") == "application/pdf"


def test_an_image_item_must_be_an_image(world: World) -> None:
    with pytest.raises(RefusedFile, match="needs an image"):
        evidence.add_evidence(world.env, world.actors["owner"], world.dossier,
                              evidence.EvidenceInput(EvidenceKind.IMAGE, Level.PUBLIC, "x",
                                                     filename="x.txt", data=b"plain text\n"))


def test_key_rotation_reencrypts_everything(world: World) -> None:
    env = world.env
    old = env.keyring.active_data_key().id
    keyring, counts = rotate(env, drop_old=True)
    assert counts["files"] == 3 and counts["fields"] > 20
    assert [k.id for k in keyring.data_keys] != [old]
    reread = load_keyring(env.keyring.path or env.archive.root, passphrase(Settings()))
    assert reread.data_keys == keyring.data_keys
    fresh = type(env)(env.engine, env.archive, keyring, env.max_upload)
    assert verify(fresh) == []
    assert old not in _dump(world).replace(f'"key_id": "{old}"', "")
    view = service.get_dossier(fresh, world.actors["owner"], world.dossier)
    assert {e.title for e in view.evidence} >= {WITNESS_TITLE}
    item = world.evidence[Level.GOVERNMENTS]
    _, data = evidence.evidence_file(fresh, world.actors["owner"], item)
    assert data == PNG
    assert len([p for p in env.archive.root.rglob("*") if p.is_file()]) == 3
