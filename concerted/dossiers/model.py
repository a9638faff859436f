"""The dossier domain as plain values: roles, confidentiality levels, the submission lifecycle.

Pure: no database, no files, no clock. Everything that decides *what may happen* to a
dossier without asking the store lives here or in `policy`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

__all__ = [
    "FINAL",
    "KINDS",
    "LIST_FIELDS",
    "ORG_KINDS",
    "PROGRAMS",
    "TRANSITIONS",
    "EvidenceKind",
    "Level",
    "Role",
    "Status",
    "Subject",
    "can_move",
    "level_rank",
    "role_rank",
    "shareable_with_governments",
    "within",
]

ORG_KINDS = ("ngo", "coalition", "government", "other")
# The programs a submission packet can be built for (one template each in packets.yaml).
PROGRAMS = ("us-glomag", "gb-ghr", "gb-gac", "eu-ghr", "ca-jvcfoa", "au-thematic")


class Role(StrEnum):
    VIEWER = "viewer"
    EDITOR = "editor"
    OWNER = "owner"


class Level(StrEnum):
    """Who may ever see an item, from the widest audience to the narrowest."""

    PUBLIC = "public"  # may be published
    GOVERNMENTS = "governments"  # may go to governments in a submission, and to partners
    INTERNAL = "internal"  # the owning organisation (and partners it explicitly shares with)
    PROTECTED = "protected"  # witness safety: owners and editors of the owning organisation


class EvidenceKind(StrEnum):
    DOCUMENT = "document"
    IMAGE = "image"
    LINK = "link"
    TESTIMONY = "testimony"  # a summary of a statement, never the witness's identity


KINDS = tuple(k.value for k in EvidenceKind)

_LEVELS = tuple(Level)
_ROLES = tuple(Role)


def level_rank(level: Level) -> int:
    return _LEVELS.index(level)


def role_rank(role: Role) -> int:
    return _ROLES.index(role)


def within(level: Level, ceiling: Level) -> bool:
    """True when an item at `level` may be seen by an audience cleared up to `ceiling`."""
    return level_rank(level) <= level_rank(ceiling)


def shareable_with_governments(level: Level) -> bool:
    return within(level, Level.GOVERNMENTS)


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ACKNOWLEDGED = "acknowledged"
    DESIGNATED = "designated"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


FINAL = frozenset({Status.DESIGNATED, Status.DECLINED, Status.WITHDRAWN})

# A government may designate or decline without ever acknowledging, and may designate a
# subject before the packet was sent (the ingest path marks that automatically).
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED, Status.WITHDRAWN, Status.DESIGNATED}),
    Status.SUBMITTED: frozenset({Status.ACKNOWLEDGED, Status.DESIGNATED, Status.DECLINED,
                                 Status.WITHDRAWN}),
    Status.ACKNOWLEDGED: frozenset({Status.DESIGNATED, Status.DECLINED, Status.WITHDRAWN}),
}


def can_move(current: Status, new: Status) -> bool:
    return new in TRANSITIONS.get(current, frozenset())


LIST_FIELDS = ("aliases", "birth_dates", "nationalities", "identifiers", "positions",
               "affiliations")


@dataclass(frozen=True)
class Subject:
    """The person or entity a dossier is about, as the organisation describes it."""

    name: str
    schema: str = "Person"
    aliases: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()  # "passport: E1234567 (CN)"
    positions: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def extended(self, extra: Mapping[str, str], more: Mapping[str, Sequence[str]]) -> Subject:
        """This subject with values added to its list fields (`more`: field name -> values)
        and sections set (`extra`)."""
        lists: dict[str, Any] = {
            name: tuple(dict.fromkeys((*getattr(self, name), *more.get(name, ()))))
            for name in LIST_FIELDS}
        return replace(self, **lists, extra={**self.extra, **extra})

    def profile(self) -> dict[str, object]:
        """Everything but the name and schema, for storage as one sealed field."""
        return {"aliases": list(self.aliases), "birth_dates": list(self.birth_dates),
                "nationalities": list(self.nationalities), "identifiers": list(self.identifiers),
                "positions": list(self.positions), "affiliations": list(self.affiliations),
                "extra": dict(self.extra)}

    @classmethod
    def from_profile(cls, name: str, schema: str, profile: dict[str, object]) -> Subject:
        def items(key: str) -> tuple[str, ...]:
            value = profile.get(key) or []
            return tuple(str(v) for v in value) if isinstance(value, list) else ()

        extra = profile.get("extra") or {}
        return cls(name, schema, items("aliases"), items("birth_dates"), items("nationalities"),
                   items("identifiers"), items("positions"), items("affiliations"),
                   {str(k): str(v) for k, v in extra.items()} if isinstance(extra, dict) else {})
