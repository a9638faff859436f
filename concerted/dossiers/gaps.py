"""Which governments have acted on a dossier's subject, and which have not but could.

Reads the listings the dossier points at (by the lists' own keys), places them in their
lists' history and projects them with the analyses' `build_designations`; a government that
has not acted is offered the programs whose criteria cover the dossier's allegations
(`eligible_programs`, the registry's one eligibility function).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Engine

from concerted.analysis.designations import Designation, build_designations
from concerted.analysis.gaps import GapConfig, Partner, staleness
from concerted.analysis.holdings import holdings
from concerted.analysis.inputs import Inputs, ListingRecord, Target
from concerted.dossiers.model import PROGRAMS
from concerted.dossiers.records import DossierView
from concerted.dossiers.targets import expand
from concerted.labels import jurisdiction_name, listed_label, listing_label, program_label
from concerted.model import ListingRef
from concerted.programs import get_program
from concerted.programs.eligibility import eligible_programs
from concerted.resolve.judgements import SYSTEM
from concerted.sources import SOURCES
from concerted.state.model import State
from concerted.store.reader import Reader

__all__ = ["JURISDICTIONS", "JurisdictionStatus", "jurisdiction_status"]

JURISDICTIONS = tuple(dict.fromkeys(get_program(p).jurisdiction for p in PROGRAMS))


@dataclass(frozen=True)
class JurisdictionStatus:
    jurisdiction: str
    acted: bool
    designations: tuple[dict[str, Any], ...]
    list_as_of: str | None  # newest list of this jurisdiction held; None: none held
    packets: tuple[str, ...]  # programs a packet can be built for, whose criteria fit
    eligible: tuple[str, ...]  # every program whose criteria cover the allegations
    linked: bool = True  # False: the dossier points at no listing, so "acted" is unknown
    stale: str | None = None  # why a "not yet" may be out of date
    lists_held: str | None = None  # what the lists held leave out (analysis/holdings.py)

    @property
    def status(self) -> str:
        """In words: acted, not yet (possibly stale), or unknown."""
        if self.acted:
            return "acted"
        if not self.linked:
            return "unknown: the dossier is linked to no listing"
        if self.list_as_of is None:
            return "unknown: none of its lists is held"
        held = f" ({self.lists_held})" if self.lists_held and not self.stale else ""
        return f"not yet (possibly stale: {self.stale})" if self.stale else f"not yet{held}"

    def to_dict(self) -> dict[str, Any]:
        return {"jurisdiction": self.jurisdiction, "name": jurisdiction_name(self.jurisdiction),
                "acted": self.acted, "status": self.status, "linked": self.linked,
                "possibly_stale": self.stale, "lists_held": self.lists_held,
                "designations": list(self.designations),
                "list_as_of": self.list_as_of, "packets": list(self.packets),
                "packet_names": [program_label(p) for p in self.packets],
                "eligible": list(self.eligible)}


def _inputs(reader: Reader, view: DossierView, calendars: dict[str, tuple[str, ...]],
            state: State | None) -> Inputs:
    records = {}
    for source, key in expand(view.listings, state):
        row = reader.listing(source, key)
        if row is not None:
            records[(source, key)] = ListingRecord(row.listing, SOURCES[source].jurisdiction,
                                                   row.first_seen, row.last_seen, row.current)
    target = Target(view.id, view.subject.name, view.subject.schema, (), tuple(records))
    held = {s: dates for s, dates in calendars.items() if s in SOURCES}
    return Inputs((target,), records, held, {}, {s: SOURCES[s].jurisdiction for s in held})


def _designation(d: Designation, own: set[tuple[str, str]], judged: set[str]
                 ) -> dict[str, Any]:
    refs = [str(ListingRef(*key)) for key in d.listings]
    # How the listing reached this dossier: one it points at itself, one a person judged to
    # be the same subject, or automatic cross-list matching. A packet must say which.
    linked = ("dossier" if any(key in own for key in d.listings)
              else "judgement" if any(r in judged for r in refs) else "resolution")
    return {"program": d.program, "program_name": program_label(d.program),
            "listed_on": d.listed_on.label(), "listed": listed_label(d.listed_on.label()),
            "delisted_on": d.delisted_on.label() if d.delisted_on else None,
            "listings": refs, "linked": linked,
            "listing_names": [listing_label(s, k) for s, k in d.listings]}


def _judged(state: State | None) -> set[str]:
    """Listing refs that a person's positive judgement (not the system's) links."""
    if state is None:
        return set()
    return {r for pair, j in state.judged.items()
            if j["judgement"] == "positive" and j["user"] != SYSTEM for r in pair}


def jurisdiction_status(engine: Engine, view: DossierView, state: State | None = None
                        ) -> list[JurisdictionStatus]:
    """One row per government with a packet template, then any other that acted; with the
    served state, the subject's listings include those resolution links to the dossier's."""
    reader = Reader(engine)
    calendars: dict[str, list[str]] = {}
    for snapshot in reader.snapshots():
        calendars.setdefault(snapshot["source"], []).append(snapshot["published"])
    inputs = _inputs(reader, view, {s: tuple(sorted(d)) for s, d in calendars.items()}, state)
    acted: dict[str, list[Designation]] = {}
    for designation in build_designations(inputs):
        acted.setdefault(designation.jurisdiction, []).append(designation)
    conduct = sorted({c for a in view.allegations for c in a.conduct})
    country = next((n.upper() for n in view.subject.nationalities if len(n) == 2), None)
    places = list(dict.fromkeys([*JURISDICTIONS, *sorted(acted)]))
    latest = max((d.listed_on.latest or date.min for ds in acted.values() for d in ds),
                 default=date.min)
    config = GapConfig(as_of=max((date.fromisoformat(d) for ds in calendars.values()
                                  for d in ds), default=None))
    own, judged = set(view.listings), _judged(state)
    held = holdings(inputs.calendars, config.as_of, extra=places)
    return [replace(_status(j, acted.get(j, []), inputs.newest_snapshot(j), conduct, country,
                            own, judged),
                    linked=bool(view.listings), lists_held=held[j].note,
                    stale=None if j in acted else staleness(
                        Partner(j, inputs.newest_snapshot(j), held[j]), latest, config))
            for j in places]


def _status(jurisdiction: str, found: list[Designation], as_of: str | None,
            conduct: list[str], country: str | None, own: set[tuple[str, str]],
            judged: set[str]) -> JurisdictionStatus:
    # Country programs count only where they plainly apply (the subject's nationality, as an
    # ISO code, is among their targets): a gap is not claimed on a guess.
    results = eligible_programs(conduct, jurisdictions=[jurisdiction],
                                target_country=country) if conduct else []
    eligible = [r.program.id for r in results if r.scope is None]
    packets = [p for p in PROGRAMS if get_program(p).jurisdiction == jurisdiction
               and (p in eligible or not conduct)]
    return JurisdictionStatus(jurisdiction, bool(found),
                              tuple(_designation(d, own, judged) for d in found),
                              as_of, tuple(packets), tuple(eligible))
