"""A dossier as read for one actor: plain values, already decrypted and already filtered to
what the actor (or a packet's recipient) may see. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from concerted.dossiers.model import Level, Subject, within

__all__ = ["Allegation", "DossierView", "EvidenceItem", "Provenance", "SubmissionRecord"]


@dataclass(frozen=True)
class Allegation:
    id: str
    conduct: tuple[str, ...]
    summary: str
    places: str
    victims: str
    date_from: str | None
    date_to: str | None
    level: Level

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "conduct": list(self.conduct), "summary": self.summary,
                "places": self.places, "victims": self.victims, "date_from": self.date_from,
                "date_to": self.date_to, "level": self.level.value}


@dataclass(frozen=True)
class Provenance:
    source: str = ""
    obtained_on: str | None = None
    collected_by: str = ""
    filename: str | None = None
    custody: tuple[dict[str, str], ...] = ()  # {"at", "by", "action"} oldest first

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "obtained_on": self.obtained_on,
                "collected_by": self.collected_by, "filename": self.filename,
                "custody": [dict(c) for c in self.custody]}

    def without_people(self, org: str) -> Provenance:
        """Who collected and who handled the item withheld: each custody step is the owning
        organisation's. For anyone outside it (partners, bundles): a researcher's name or
        e-mail can identify a source."""
        return replace(self, collected_by="",
                       custody=tuple({**c, "by": org} for c in self.custody))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provenance:
        return cls(str(data.get("source") or ""), data.get("obtained_on"),
                   str(data.get("collected_by") or ""), data.get("filename"),
                   tuple({str(k): str(v) for k, v in c.items()} for c in data.get("custody", [])))


@dataclass(frozen=True)
class EvidenceItem:
    id: str
    kind: str
    level: Level
    title: str
    summary: str
    url: str | None
    provenance: Provenance
    supports: tuple[str, ...]
    sha256: str | None
    size: int | None
    content_type: str | None
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "level": self.level.value,
                "title": self.title, "summary": self.summary, "url": self.url,
                "provenance": self.provenance.to_dict(), "supports": list(self.supports),
                "sha256": self.sha256, "size": self.size, "content_type": self.content_type,
                "created_at": self.created_at}


@dataclass(frozen=True)
class SubmissionRecord:
    id: str
    program: str
    status: str
    created_at: str
    updated_at: str
    events: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "program": self.program, "status": self.status,
                "created_at": self.created_at, "updated_at": self.updated_at,
                "events": [dict(e) for e in self.events]}

    def without_notes(self) -> SubmissionRecord:
        return replace(self, events=tuple({k: v for k, v in e.items() if k != "note"}
                                          for e in self.events))


@dataclass(frozen=True)
class DossierView:
    id: str
    org: str
    subject: Subject
    status: str
    created_at: str
    listings: tuple[tuple[str, str], ...]  # (source, the list's own key)
    allegations: tuple[Allegation, ...] = ()
    evidence: tuple[EvidenceItem, ...] = ()
    submissions: tuple[SubmissionRecord, ...] = field(default=())
    ceiling: Level = Level.PUBLIC  # the widest level this view was filtered to

    def redacted(self, ceiling: Level) -> DossierView:
        """The same dossier with only what an audience cleared up to `ceiling` may see."""
        return replace(
            self, ceiling=ceiling,
            allegations=tuple(a for a in self.allegations if within(a.level, ceiling)),
            evidence=tuple(e for e in self.evidence if within(e.level, ceiling)))

    def outside(self) -> DossierView:
        """What may leave the owning organisation (partners, bundles): submission notes and
        the people in provenance withheld, whatever the level."""
        return replace(
            self, submissions=tuple(s.without_notes() for s in self.submissions),
            evidence=tuple(replace(e, provenance=e.provenance.without_people(self.org))
                           for e in self.evidence))

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject
        return {"id": self.id, "org": self.org, "status": self.status,
                "created_at": self.created_at, "ceiling": self.ceiling.value,
                "subject": {"name": subject.name, "schema": subject.schema, **subject.profile()},
                "listings": [{"source": s, "listing_key": k} for s, k in self.listings],
                "allegations": [a.to_dict() for a in self.allegations],
                "evidence": [e.to_dict() for e in self.evidence],
                "submissions": [s.to_dict() for s in self.submissions]}
