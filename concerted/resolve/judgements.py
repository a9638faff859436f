"""Judgements: who said two listings are (or are not) one target, when, and on what score.

Pure. A `JudgementRecord` cites listings by `source:listing_key` (never a target id, which
moves when judgements change). Records are append-only: changing one's mind, or taking a
judgement back (`no_judgement`), is a new record; nothing is updated or deleted.

Which record counts for a pair (`effective`): the newest human record, unless it is a
retraction; otherwise the newest record of the `system` user (the automatic links of
`concerted resolve`). Human judgements therefore always win, and survive re-runs.

The text form is one JSON object a line (`to_line` / `from_line`), sorted keys:
`{"created_at": "2026-11-28T01:00:00Z", "judgement": "positive", "left": "gb_hmt_conlist:14078",
"note": null, "right": "us_ofac_sdn:29219", "score": 0.98, "user": "alice@example.org"}`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

__all__ = ["SYSTEM", "Judgement", "JudgementRecord", "QueueItem", "effective", "pair_key"]

SYSTEM = "system"


class Judgement(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNSURE = "unsure"
    NO_JUDGEMENT = "no_judgement"

    def __add__(self, other: object) -> Judgement:
        """What A–B and B–C say about A–C (nomenklatura's algebra)."""
        if not isinstance(other, Judgement):
            return NotImplemented
        pair = {self, other}
        if Judgement.NO_JUDGEMENT in pair:
            return Judgement.NO_JUDGEMENT
        if Judgement.UNSURE in pair:
            return Judgement.UNSURE
        if pair == {Judgement.POSITIVE}:
            return Judgement.POSITIVE
        if pair == {Judgement.POSITIVE, Judgement.NEGATIVE}:
            return Judgement.NEGATIVE
        return Judgement.NO_JUDGEMENT  # two negatives say nothing about A–C


def pair_key(left: str, right: str) -> tuple[str, str]:
    """The order-free key of a pair of listing refs."""
    if left == right:
        raise ValueError(f"a judgement needs two different listings, got {left!r} twice")
    return (left, right) if left < right else (right, left)


@dataclass(frozen=True, slots=True)
class JudgementRecord:
    left: str
    right: str
    judgement: Judgement
    user: str
    created_at: str  # ISO 8601, UTC
    score: float | None = None
    note: str | None = None

    @classmethod
    def make(cls, left: str, right: str, judgement: Judgement | str, user: str,
             created_at: str, score: float | None = None,
             note: str | None = None) -> JudgementRecord:
        a, b = pair_key(left, right)
        return cls(a, b, Judgement(judgement), user, created_at, score, note)

    @property
    def key(self) -> tuple[str, str]:
        return (self.left, self.right)

    @property
    def is_system(self) -> bool:
        return self.user == SYSTEM

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "judgement": self.judgement.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JudgementRecord:
        return cls.make(data["left"], data["right"], data["judgement"], data["user"],
                        data["created_at"], data.get("score"), data.get("note"))

    def to_line(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_line(cls, line: str) -> JudgementRecord:
        return cls.from_dict(json.loads(line))


def effective(records: Iterable[JudgementRecord]) -> dict[tuple[str, str], JudgementRecord]:
    """Per pair, the record that counts (see the module docstring); records in time order."""
    human: dict[tuple[str, str], JudgementRecord] = {}
    system: dict[tuple[str, str], JudgementRecord] = {}
    for record in records:
        (system if record.is_system else human)[record.key] = record
    chosen: dict[tuple[str, str], JudgementRecord] = {}
    for key in human.keys() | system.keys():
        found = human.get(key)
        if found is None or found.judgement is Judgement.NO_JUDGEMENT:
            found = system.get(key)
        if found is not None and found.judgement is not Judgement.NO_JUDGEMENT:
            chosen[key] = found
    return chosen


@dataclass(frozen=True)
class QueueItem:
    """A pair waiting in the review queue, with its scoring explanation."""

    left: str
    right: str
    score: float
    features: list[dict[str, Any]]
    # band: between the thresholds; chain: refused by the chaining check; same_list: two
    # entries of one list without the identity evidence the system links them on
    reason: str
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return {"left": self.left, "right": self.right, "score": self.score,
                "features": self.features, "reason": self.reason,
                "created_at": self.created_at}
