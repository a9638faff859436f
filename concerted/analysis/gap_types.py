"""The values a gap is made of. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from concerted.analysis.designations import Designation

__all__ = ["EligibleProgram", "Gap", "Missing", "NotKnown"]


@dataclass(frozen=True)
class EligibleProgram:
    id: str
    jurisdiction: str
    name: str = ""
    reason: str = ""  # why its criteria cover the conduct, in the registry's words


@dataclass(frozen=True)
class Missing:
    jurisdiction: str
    eligible_programs: tuple[str, ...]
    why: tuple[str, ...]
    data_as_of: str | None
    possibly_stale: bool = False
    stale_reason: str | None = None
    lists_held: str | None = None  # what the lists held leave out (analysis/holdings.py)

    def to_dict(self) -> dict[str, Any]:
        return {"jurisdiction": self.jurisdiction,
                "eligible_programs": list(self.eligible_programs), "why": list(self.why),
                "data_as_of": self.data_as_of, "possibly_stale": self.possibly_stale,
                "stale_reason": self.stale_reason, "lists_held": self.lists_held}


@dataclass(frozen=True)
class NotKnown:
    """A government that could act under a program whose list is not held: whether it has
    acted is not known, so it is named rather than counted as missing or left out."""

    jurisdiction: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {"jurisdiction": self.jurisdiction, "note": self.note}


@dataclass(frozen=True)
class Gap:
    target_id: str
    name: str
    countries: tuple[str, ...]
    designated_by: tuple[str, ...]
    designations: tuple[Designation, ...]
    conduct: tuple[str, ...]
    conduct_stated: bool  # False where only programs covering several themes designate it
    missing: tuple[Missing, ...]
    score: float
    explanation: tuple[str, ...]
    not_known: tuple[NotKnown, ...] = ()

    @property
    def stale(self) -> bool:
        """Every missing partner's list may be out of date."""
        return all(m.possibly_stale for m in self.missing)

    def to_dict(self) -> dict[str, Any]:
        return {
            "target_id": self.target_id, "name": self.name, "countries": list(self.countries),
            "designated_by": list(self.designated_by),
            "missing": [m.to_dict() for m in self.missing], "score": self.score,
            "explanation": list(self.explanation), "conduct": list(self.conduct),
            "conduct_stated": self.conduct_stated, "stale": self.stale,
            "not_known": [n.to_dict() for n in self.not_known],
            "designations": [{"jurisdiction": d.jurisdiction, "program": d.program,
                              "listed_on": d.listed_on.to_dict(), "theme": d.theme}
                             for d in self.designations],
        }
