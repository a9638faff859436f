"""Exchange bundles: a dossier redacted to the recipient's level, as a zip holding a JSON
manifest (the dossier and every file's SHA-256), the manifest's Ed25519 signature and the
files; then a trailer signing the whole zip, so that no byte of it can change unnoticed:
`zip | signature (64) | public key (32) | b"CCBNDL01"`.

`export_bundle` writes one; `open_bundle` checks one completely (trailer, signature of the
whole, signer trusted, manifest signature, every file present, unaltered and listed) before
anything is imported, and says plainly what is wrong.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Collection
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from concerted import clock
from concerted.dossiers import audit
from concerted.dossiers.env import DossierEnv
from concerted.dossiers.evidence import file_context
from concerted.dossiers.keys import public_key_hex
from concerted.dossiers.model import Level
from concerted.dossiers.policy import Action, Actor, require
from concerted.dossiers.reading import read_view
from concerted.store.tables import evidence

__all__ = ["FORMAT", "BundleError", "export_bundle", "open_bundle"]

FORMAT = "concerted-bundle/1"
_MANIFEST, _SIGNATURE = "manifest.json", "manifest.sig"
_MAGIC = b"CCBNDL01"
_TRAILER = 64 + 32 + len(_MAGIC)


class BundleError(ValueError):
    """A bundle that cannot be trusted, with the reason."""


def _files(env: DossierEnv, ids: list[str]) -> dict[str, bytes]:
    with env.engine.connect() as conn:
        rows = conn.execute(select(evidence.c.id, evidence.c.blob, evidence.c.key_id)
                            .where(evidence.c.id.in_(ids), evidence.c.blob.is_not(None)))
        return {r.id: env.sealer.open_bytes(r.key_id, env.archive.get(r.blob),
                                            file_context(r.id)) for r in rows}


def export_bundle(env: DossierEnv, actor: Actor, dossier_id: str, level: Level) -> bytes:
    if level == Level.PROTECTED:
        raise ValueError("protected material never leaves the organisation in a bundle")
    with env.engine.begin() as conn:
        grant = require(conn, actor, dossier_id, Action.MANAGE)
        view = read_view(conn, env.sealer, grant).redacted(level).outside()
    files = _files(env, [e.id for e in view.evidence])
    signer = env.keyring.active_signing_key()
    dossier = {k: v for k, v in view.to_dict().items() if k != "submissions"}
    manifest = json.dumps({
        "format": FORMAT, "created_at": clock.stamp(), "level": level.value, "dossier": dossier,
        "signer": {"key_id": signer.id, "public_key": public_key_hex(signer), "org": view.org},
        "files": [{"path": f"files/{i}", "evidence": i, "size": len(d),
                   "sha256": hashlib.sha256(d).hexdigest()} for i, d in sorted(files.items())],
    }, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(_MANIFEST, manifest)
        archive.writestr(_SIGNATURE, signer.private().sign(manifest).hex())
        for item_id, data in sorted(files.items()):
            archive.writestr(f"files/{item_id}", data)
    payload = buffer.getvalue()
    trailer = signer.private().sign(payload) + bytes.fromhex(public_key_hex(signer)) + _MAGIC
    with env.engine.begin() as conn:
        audit.record(conn, env.binder, actor.email, "bundle.export", "dossier", dossier_id,
                     grant.org_id,
                     {"level": level.value, "files": len(files), "key": signer.id})
    return payload + trailer


def _unwrap(data: bytes) -> tuple[bytes, str]:
    """The signed zip and the signer's public key (hex), once the trailer verifies."""
    if len(data) < _TRAILER or not data.endswith(_MAGIC):
        raise BundleError("bundle rejected: it is not a Concerted bundle, or its signature "
                          "trailer is damaged")
    payload, signature = data[:-_TRAILER], data[-_TRAILER:-_TRAILER + 64]
    public = data[-_TRAILER + 64:-len(_MAGIC)]
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, payload)
    except InvalidSignature:
        raise BundleError("bundle rejected: the signature does not verify, so the bundle "
                          "was altered after it was signed") from None
    return payload, public.hex()


def _read(data: bytes) -> tuple[bytes, bytes, dict[str, bytes]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            contents = {name: archive.read(name) for name in archive.namelist()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise BundleError(f"bundle rejected: it is damaged or not a bundle ({exc})") from None
    if _MANIFEST not in contents or _SIGNATURE not in contents:
        raise BundleError("bundle rejected: its manifest or signature is missing")
    return contents.pop(_MANIFEST), contents.pop(_SIGNATURE), contents


def _check_signature(manifest: bytes, signature: bytes) -> dict[str, Any]:
    try:
        body = json.loads(manifest)
        signer = body["signer"]
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(signer["public_key"]))
        key.verify(bytes.fromhex(signature.decode("ascii")), manifest)
    except InvalidSignature:
        raise BundleError("bundle rejected: the signature does not verify, so the manifest "
                          "was altered after signing") from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise BundleError(f"bundle rejected: its manifest or signature is malformed ({exc})"
                          ) from None
    if hashlib.sha256(bytes.fromhex(signer["public_key"])).hexdigest()[:32] != signer["key_id"]:
        raise BundleError("bundle rejected: the signer's key id does not match its key")
    return dict(body)


def open_bundle(data: bytes, trusted: Collection[str]) -> tuple[dict[str, Any], dict[str, bytes]]:
    """(manifest, files by evidence id) of a bundle signed by a trusted key, else BundleError."""
    payload, public = _unwrap(data)
    if public not in trusted:
        key_id = hashlib.sha256(bytes.fromhex(public)).hexdigest()[:32]
        raise BundleError(f"bundle rejected: signed by key {key_id}, which this organisation "
                          "does not trust (see `concerted keys trust`)")
    manifest, signature, contents = _read(payload)
    body = _check_signature(manifest, signature)
    if body["signer"]["public_key"] != public:
        raise BundleError("bundle rejected: the manifest was signed by another key")
    if body.get("format") != FORMAT:
        raise BundleError(f"bundle rejected: format {body.get('format')!r} is not {FORMAT}")
    files: dict[str, bytes] = {}
    for entry in body["files"]:
        content = contents.pop(entry["path"], None)
        if content is None:
            raise BundleError(f"bundle rejected: {entry['path']} is missing")
        if hashlib.sha256(content).hexdigest() != entry["sha256"]:
            raise BundleError(f"bundle rejected: {entry['path']} does not match its SHA-256")
        files[entry["evidence"]] = content
    if contents:
        raise BundleError(f"bundle rejected: unlisted files {', '.join(sorted(contents))}")
    return body, files
