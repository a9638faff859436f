"""A coordinated round and how its dates and order are read. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from concerted.analysis.dates import Window
from concerted.analysis.designations import Designation

__all__ = ["Member", "Round", "span"]


def span(designations: Sequence[Designation]) -> tuple[date, date]:
    """The days the round happened on: those of its exact dates where there are any, else
    the days every window allows (or, when windows do not meet, the days between them)."""
    windows = [d.listed_on for d in designations]
    exact = [w.latest for w in windows if w.exact and w.latest]
    if exact:
        return min(exact), max(exact)
    earliest = max(w.earliest for w in windows if w.earliest)
    latest = min(w.latest for w in windows if w.latest)
    return (earliest, latest) if earliest <= latest else (latest, earliest)


@dataclass(frozen=True)
class Member:
    """One jurisdiction's part in a round; `order` is first (no other jurisdiction certainly
    acted earlier) or followed (another certainly did)."""

    jurisdiction: str
    listed_on: Window
    programs: tuple[str, ...]
    order: str

    def to_dict(self) -> dict[str, Any]:
        return {"jurisdiction": self.jurisdiction, "listed_on": self.listed_on.to_dict(),
                "programs": list(self.programs), "order": self.order}


def _hull(windows: Sequence[Window]) -> Window:
    earliest = min(w.earliest for w in windows if w.earliest)
    latest = max(w.latest for w in windows if w.latest)
    exact = all(w.exact for w in windows) and earliest == latest
    basis = "list" if all(w.basis == "list" for w in windows) else "snapshots"
    return Window(earliest, latest, exact=exact, basis=basis)


@dataclass(frozen=True)
class Round:
    designations: tuple[Designation, ...]

    @property
    def date_from(self) -> date:
        return span(self.designations)[0]

    @property
    def date_to(self) -> date:
        return span(self.designations)[1]

    @property
    def jurisdictions(self) -> tuple[str, ...]:
        return tuple(sorted({d.jurisdiction for d in self.designations}))

    @property
    def targets(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted({(d.target_id, d.name) for d in self.designations}))

    @property
    def members(self) -> tuple[Member, ...]:
        grouped: dict[str, list[Designation]] = {}
        for designation in self.designations:
            grouped.setdefault(designation.jurisdiction, []).append(designation)
        hulls = {j: _hull([d.listed_on for d in ds]) for j, ds in grouped.items()}
        return tuple(
            Member(j, hulls[j], tuple(sorted({d.program for d in grouped[j]})),
                   "first" if _could_be_first(j, hulls) else "followed")
            for j in sorted(grouped)
        )

    @property
    def uncertain(self) -> bool:
        return not all(d.listed_on.exact for d in self.designations)

    def to_dict(self) -> dict[str, Any]:
        members = self.members
        return {
            "date_from": self.date_from.isoformat(), "date_to": self.date_to.isoformat(),
            "jurisdictions": list(self.jurisdictions),
            "targets": [{"target_id": t, "name": n, "designations": [
                {"jurisdiction": d.jurisdiction, "program": d.program,
                 "listed_on": d.listed_on.to_dict()}
                for d in self.designations if d.target_id == t]} for t, n in self.targets],
            "first": [m.jurisdiction for m in members if m.order == "first"],
            "followed": [m.jurisdiction for m in members if m.order == "followed"],
            "members": [m.to_dict() for m in members],
            "programs": sorted({d.program for d in self.designations}),
            "dates_uncertain": self.uncertain,
        }


def _could_be_first(jurisdiction: str, hulls: dict[str, Window]) -> bool:
    own = hulls[jurisdiction].earliest
    others = [w.latest for j, w in hulls.items() if j != jurisdiction and w.latest]
    return own is None or not others or own <= min(others)
