"""Evidence items: documents, images, links and testimony summaries, with their provenance.

A file is checked (size, type by its first bytes), hashed, encrypted under the active data
key and put in the archive; the row keeps the archive digest and the key id beside it, and
the file's SHA-256 sealed. Reading a file back is granted by the policy at the item's level
and audited.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, update

from concerted import clock
from concerted.dossiers import audit
from concerted.dossiers.env import DossierEnv
from concerted.dossiers.env import field as place
from concerted.dossiers.files import RefusedFile, check_upload
from concerted.dossiers.model import EvidenceKind, Level
from concerted.dossiers.policy import Action, Actor, Grant, NotFound, require, require_item
from concerted.dossiers.reading import read_evidence
from concerted.dossiers.records import EvidenceItem, Provenance
from concerted.dossiers.service import new_id
from concerted.store.tables import evidence

__all__ = ["EvidenceInput", "add_evidence", "evidence_file", "file_context", "may_add",
           "remove_evidence", "set_level"]


def file_context(evidence_id: str) -> str:
    return f"evidence.file:{evidence_id}"


@dataclass(frozen=True)
class EvidenceInput:
    kind: EvidenceKind
    level: Level
    title: str
    summary: str = ""
    url: str | None = None
    provenance: Provenance = field(default_factory=Provenance)
    supports: tuple[str, ...] = ()  # allegation ids
    filename: str | None = None
    data: bytes | None = None
    declared_type: str | None = None

    def check(self, max_bytes: int) -> str | None:
        """The file's content type (None without a file), or raise saying what is wrong."""
        if not self.title.strip():
            raise ValueError("evidence needs a title")
        if self.kind == EvidenceKind.LINK and not (self.url or "").startswith(("https://",
                                                                             "http://")):
            raise ValueError("a link needs an http(s) URL")
        if self.kind == EvidenceKind.TESTIMONY and not self.summary.strip():
            raise ValueError("a testimony needs its summary")
        if self.kind in (EvidenceKind.DOCUMENT, EvidenceKind.IMAGE) and self.data is None:
            raise ValueError(f"a {self.kind.value} needs its file")
        if self.data is None:
            return None
        kind = check_upload(self.filename or "upload", self.data, max_bytes, self.declared_type)
        if self.kind == EvidenceKind.IMAGE and not kind.startswith("image/"):
            raise RefusedFile(f"{self.filename}: an image item needs an image, not {kind}")
        return kind


def _file_columns(env: DossierEnv, item_id: str, data: bytes, kind: str) -> dict[str, Any]:
    key_id, blob = env.sealer.seal_bytes(data, file_context(item_id))
    digest = hashlib.sha256(data).hexdigest()
    return {"blob": env.archive.put(blob), "key_id": key_id, "size": len(data),
            "content_type": kind,
            "sha256": env.sealer.seal(digest, place("evidence", "sha256", item_id))}


def add_evidence(env: DossierEnv, actor: Actor, dossier_id: str, item: EvidenceInput) -> str:
    content_type = item.check(env.max_upload)
    item_id, now = new_id(), clock.stamp()
    custody = [*item.provenance.custody, {"at": now, "by": actor.email, "action": "added"}]
    provenance = {**item.provenance.to_dict(), "custody": custody,
                  "filename": item.filename or item.provenance.filename}

    def seal(column: str, text: str) -> str:
        return env.sealer.seal(text, place("evidence", column, item_id))

    with env.engine.begin() as conn:
        grant = require(conn, actor, dossier_id, Action.WRITE, item.level)
        files = (_file_columns(env, item_id, item.data, content_type)
                 if item.data is not None and content_type else {})
        conn.execute(insert(evidence).values(
            id=item_id, dossier_id=dossier_id, kind=item.kind.value, level=item.level.value,
            bound=env.binder.tag("evidence", {"id": item_id, "dossier_id": dossier_id,
                                              "level": item.level.value}),
            title=seal("title", item.title), summary=seal("summary", item.summary),
            url=seal("url", item.url) if item.url else None,
            provenance=env.sealer.seal_json(provenance, place("evidence", "provenance", item_id)),
            supports=json.dumps(list(item.supports)), created_by=actor.user_id,
            created_at=now, **files))
        audit.record(conn, env.binder, actor.email, "evidence.add", "evidence", item_id,
                     grant.org_id,
                     {"dossier": dossier_id, "level": item.level.value, "kind": item.kind.value,
                      "size": files.get("size"), "blob": files.get("blob")})
    return item_id


def may_add(env: DossierEnv, actor: Actor, dossier_id: str, level: Level) -> None:
    """Raise NotFound or Forbidden unless the actor may add an item at this level: asked
    before an upload is read, so that a refused upload costs nothing."""
    with env.engine.connect() as conn:
        require(conn, actor, dossier_id, Action.WRITE, level)


def _row(conn: Connection, actor: Actor, evidence_id: str, action: Action) -> tuple[Any, Grant]:
    return require_item(conn, actor, evidence, "evidence", evidence_id, action, leveled=True)


def evidence_file(env: DossierEnv, actor: Actor, evidence_id: str) -> tuple[EvidenceItem, bytes]:
    """The item and its decrypted file, for an actor cleared for its level (audited)."""
    with env.engine.begin() as conn:
        row, grant = _row(conn, actor, evidence_id, Action.READ)
        if row.blob is None:
            raise NotFound(f"evidence {evidence_id} has no file")
        data = env.sealer.open_bytes(row.key_id, env.archive.get(row.blob),
                                     file_context(evidence_id))
        audit.record(conn, env.binder, actor.email, "evidence.read", "evidence", evidence_id,
                     grant.org_id,
                     {"dossier": row.dossier_id, "level": row.level})
        return read_evidence(env.sealer, row), data


def set_level(env: DossierEnv, actor: Actor, evidence_id: str, level: Level) -> None:
    with env.engine.begin() as conn:
        row, grant = _row(conn, actor, evidence_id, Action.WRITE)
        bound = env.binder.tag("evidence", {"id": evidence_id, "dossier_id": row.dossier_id,
                                            "level": level.value})
        conn.execute(update(evidence).where(evidence.c.id == evidence_id)
                     .values(level=level.value, bound=bound))
        audit.record(conn, env.binder, actor.email, "evidence.level", "evidence", evidence_id,
                     grant.org_id,
                     {"from": row.level, "to": level.value})


def remove_evidence(env: DossierEnv, actor: Actor, evidence_id: str) -> None:
    """Delete an item and its encrypted file (a witness may ask for it)."""
    with env.engine.begin() as conn:
        row, grant = _row(conn, actor, evidence_id, Action.MANAGE)
        conn.execute(delete(evidence).where(evidence.c.id == evidence_id))
        audit.record(conn, env.binder, actor.email, "evidence.remove", "evidence", evidence_id,
                     grant.org_id, {"dossier": row.dossier_id, "level": row.level})
    if row.blob is not None:
        env.archive.path_for(row.blob).unlink(missing_ok=True)
