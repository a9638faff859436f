"""Importing an exchange bundle into an organisation, and the keys it trusts bundles from.

The bundle is verified completely (`bundle.open_bundle`) before anything is written; then
the dossier is rebuilt through the ordinary service functions, so every item is checked,
sealed and audited as if entered by hand, with a custody entry naming the bundle's signer.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from concerted import clock
from concerted.dossiers import audit
from concerted.dossiers.allegations import AllegationInput, add_allegation
from concerted.dossiers.bundle import BundleError, open_bundle
from concerted.dossiers.env import DossierEnv
from concerted.dossiers.evidence import EvidenceInput, add_evidence
from concerted.dossiers.files import EXTENSIONS
from concerted.dossiers.model import EvidenceKind, Level, Subject
from concerted.dossiers.orgs import org_id
from concerted.dossiers.policy import Action, Actor, require_org
from concerted.dossiers.records import Provenance
from concerted.dossiers.service import create_dossier
from concerted.store.reader import Reader
from concerted.store.tables import imported_bundles, trusted_keys

__all__ = ["BundleError", "import_bundle", "may_import", "trust_key"]


def trust_key(env: DossierEnv, actor: Actor, org: str, public_key: str, label: str,
              sender: str) -> str:
    """Let an organisation accept bundles from organisation `sender` on the instance whose
    Ed25519 public key (hex) this is. An instance signs for every organisation it holds, so
    trusting the key alone would accept any of them."""
    try:
        raw = bytes.fromhex(public_key.strip())
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes (64 hex digits)")
    if not sender.strip():
        raise ValueError("name the sending organisation, as it is called on its instance")
    key_id = hashlib.sha256(raw).hexdigest()[:32]
    with env.engine.begin() as conn:
        oid = org_id(conn, org)
        require_org(actor, oid, Action.MANAGE)
        trusted = {"org_id": oid, "key_id": key_id, "public_key": raw.hex(),
                   "signer_org": sender.strip()}
        conn.execute(insert(trusted_keys).values(
            **trusted, label=label, added_at=clock.stamp(),
            bound=env.binder.tag("trusted_keys", trusted)))
        audit.record(conn, env.binder, actor.email, "keys.trust", "key", key_id, oid,
                     {"label": label, "from": sender.strip()})
    return key_id


def _evidence(item: dict[str, Any], data: bytes | None, signer: dict[str, Any],
              supports: tuple[str, ...]) -> EvidenceInput:
    origin = Provenance.from_dict(item["provenance"])
    received = {"at": clock.stamp(), "by": str(signer["org"]),
                "action": f"received in a bundle signed by key {signer['key_id']}"}
    name = origin.filename
    if data is not None and not name and item.get("content_type") in EXTENSIONS:
        name = f"{item['id']}{EXTENSIONS[item['content_type']][0]}"
    return EvidenceInput(
        EvidenceKind(item["kind"]), Level(item["level"]), item["title"], item["summary"],
        item["url"], Provenance(origin.source, origin.obtained_on, origin.collected_by, name,
                                (*origin.custody, received)),
        supports, name, data, None)


def may_import(env: DossierEnv, actor: Actor, org: str) -> None:
    """Raise NotFound or Forbidden unless the actor may import into the organisation: asked
    before a bundle is read."""
    with env.engine.connect() as conn:
        require_org(actor, org_id(conn, org), Action.WRITE)


def import_bundle(env: DossierEnv, actor: Actor, org: str, data: bytes) -> str:
    """The new dossier's id, or BundleError saying why the bundle was refused."""
    with env.engine.connect() as conn:
        oid = org_id(conn, org)
        require_org(actor, oid, Action.WRITE)
        trusted: set[tuple[str, str | None]] = set()
        for row in conn.execute(select(trusted_keys).where(trusted_keys.c.org_id == oid)):
            env.binder.check("trusted_keys", row)
            trusted.add((row.public_key, row.signer_org))
    body, files = open_bundle(data, {key for key, _ in trusted})
    _check_sender(body["signer"], trusted)
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()
    _reserve(env, oid, digest)
    try:
        dossier_id = _rebuild(env, actor, org, body, files)
    except BaseException:
        with env.engine.begin() as conn:
            conn.execute(delete(imported_bundles).where(
                imported_bundles.c.org_id == oid, imported_bundles.c.manifest_sha256 == digest))
        raise
    with env.engine.begin() as conn:
        conn.execute(update(imported_bundles).where(
            imported_bundles.c.org_id == oid, imported_bundles.c.manifest_sha256 == digest)
            .values(dossier_id=dossier_id))
        audit.record(conn, env.binder, actor.email, "bundle.import", "dossier", dossier_id, oid,
                     {"signer": body["signer"]["key_id"], "from": body["signer"].get("org"),
                      "level": body["level"], "files": len(files)})
    return dossier_id


def _check_sender(signer: dict[str, Any], trusted: set[tuple[str, str | None]]) -> None:
    sender = signer.get("org")
    if (signer["public_key"], sender) in trusted:
        return
    named = sorted(o for k, o in trusted if k == signer["public_key"] and o is not None)
    if not named:
        raise BundleError(
            f"bundle rejected: key {signer['key_id']} was trusted before trust named the "
            "sending organisation; trust it again with `concerted keys trust KEY --from ORG`")
    raise BundleError(f"bundle rejected: sent by {sender!r}, but this organisation trusts key "
                      f"{signer['key_id']} only for {', '.join(repr(o) for o in named)}")


def _reserve(env: DossierEnv, oid: int, digest: str) -> None:
    """Claim the bundle for this organisation before writing anything: a second import, even
    a concurrent one, is refused."""
    try:
        with env.engine.begin() as conn:
            conn.execute(insert(imported_bundles).values(
                org_id=oid, manifest_sha256=digest, dossier_id="", imported_at=clock.stamp()))
    except IntegrityError:
        with env.engine.connect() as conn:
            earlier = conn.execute(select(imported_bundles.c.dossier_id).where(
                imported_bundles.c.org_id == oid,
                imported_bundles.c.manifest_sha256 == digest)).scalar()
        raise BundleError("bundle rejected: this organisation already imported it"
                          + (f" as dossier {earlier}" if earlier else "")) from None


def _rebuild(env: DossierEnv, actor: Actor, org: str, body: dict[str, Any],
             files: dict[str, bytes]) -> str:
    case = body["dossier"]
    person = case["subject"]
    reader = Reader(env.engine)
    held = [(x["source"], x["listing_key"]) for x in case["listings"]
            if reader.listing(x["source"], x["listing_key"]) is not None]
    dossier_id = create_dossier(env, actor, org, Subject.from_profile(
        person["name"], person["schema"], person), held)
    renamed = {a["id"]: add_allegation(env, actor, dossier_id, AllegationInput(
        tuple(a["conduct"]), a["summary"], a["places"], a["victims"], a["date_from"],
        a["date_to"], Level(a["level"]))) for a in case["allegations"]}
    for item in case["evidence"]:
        supports = tuple(renamed[s] for s in item["supports"] if s in renamed)
        add_evidence(env, actor, dossier_id,
                     _evidence(item, files.get(item["id"]), body["signer"], supports))
    return dossier_id

