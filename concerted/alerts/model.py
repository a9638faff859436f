"""What alerting is made of: a subscription's criteria, an event (one change in the lists or
in the analyses) and the kinds of both. Pure values."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["CHANGE_KINDS", "KINDS", "Criteria", "Event", "Subscription"]

CHANGE_KINDS = ("designated", "delisted", "amended")
KINDS = (*CHANGE_KINDS, "round", "gap")


@dataclass(frozen=True)
class Criteria:
    """What a person wants to hear about. Each criterion given must hold (several values of
    one criterion: any of them); none given: every designation, delisting, amendment, round."""

    programs: tuple[str, ...] = ()  # normalised ids, e.g. us-glomag
    jurisdictions: tuple[str, ...] = ()  # us, gb, eu, ca, au, un
    themes: tuple[str, ...] = ()  # human_rights, corruption, cyber...
    countries: tuple[str, ...] = ()  # the target's country, ISO code (ru, cn...)
    watch: tuple[str, ...] = ()  # names of targets, fuzzy-matched
    kinds: tuple[str, ...] = ()  # restrict to some of KINDS
    gaps: bool = False  # about gaps (opened or closed): gap events only, unless `kinds` says
    followed: bool = False  # only when a partner follows another on the target
    threshold: float = 0.85  # name score a watched name needs

    def to_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Criteria:
        known: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v
                                 for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    @property
    def wanted_kinds(self) -> tuple[str, ...]:
        """`kinds` if given; else gaps only for a gap subscription, all but gaps otherwise."""
        if self.kinds:
            return self.kinds
        return ("gap",) if self.gaps else (*CHANGE_KINDS, "round")


@dataclass(frozen=True)
class Subscription:
    id: str
    criteria: Criteria
    label: str | None = None
    webhook: str | None = None
    secret: str | None = None
    email: str | None = None
    digest: bool = False
    created_at: str = ""
    owner: str | None = None  # the API user who made it; None when made from the CLI

    def to_dict(self, secret: bool = False) -> dict[str, Any]:
        data = {"id": self.id, "label": self.label, **self.criteria.to_dict(),
                "webhook": self.webhook, "email": self.email, "digest": self.digest,
                "owner": self.owner, "created_at": self.created_at}
        return data | ({"secret": self.secret} if secret else {})


@dataclass(frozen=True)
class Event:
    """One change someone may want to hear about.

    For list changes `source`/`listing_key` name the listing; for a round the key is the
    round's signature and for a gap the target id (`source` is then "analysis").
    """

    kind: str
    source: str
    listing_key: str
    name: str
    snapshot: str  # the snapshot (or, for analyses, the newest list date) it was seen in
    jurisdictions: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # every name of the target, for watched names
    partners: tuple[str, ...] = ()  # other jurisdictions that already designate the target
    state: str = ""  # gap: opened / closed
    # The retrieval time of a snapshot that followed another of the same day (a list changed
    # twice in a day): the date alone would make its changes look already alerted.
    version: str = ""
    detail: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> str:
        """The change's identity, the same on every run (alerts are idempotent by it)."""
        parts: tuple[str, ...] = (self.kind, self.source, self.listing_key, self.snapshot,
                                  self.state)
        parts += (self.version,) if self.version else ()
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]

    def dedup_key(self, subscription_id: str) -> str:
        return hashlib.sha256(f"{subscription_id}\x1f{self.key}".encode()).hexdigest()[:40]
