"""One target: every listing side by side, its designations and timeline, the gap panel, the
rounds it was in, why its listings are linked, and related targets. Pure but for the scorer."""

from __future__ import annotations

from typing import Any

from concerted.analysis.designations import Designation
from concerted.analysis.inputs import ListingRecord
from concerted.state.explain import explain_target
from concerted.state.model import State
from concerted.views.common import target_summary
from concerted.views.holdings import held_jurisdictions, notes_for

__all__ = ["listing_detail", "target_detail", "timeline"]


def listing_detail(record: ListingRecord) -> dict[str, Any]:
    """A listing as its list spells it, for the side-by-side view."""
    listing = record.listing
    return {
        "source": listing.source, "listing_key": listing.key, "jurisdiction": record.jurisdiction,
        "schema": listing.schema, "name": listing.name,
        "names": [{"value": n.value, "kind": n.kind, "quality": n.quality, "script": n.script}
                  for n in listing.names],
        "birth_dates": list(listing.birth_dates), "birth_places": list(listing.birth_places),
        "nationalities": list(listing.nationalities), "citizenships": list(listing.citizenships),
        "gender": listing.gender, "positions": list(listing.positions),
        "identifiers": [{"kind": i.kind, "value": i.value, "country": i.country}
                        for i in listing.identifiers],
        "programs": [{"raw": p.raw, "id": p.id, "theme": p.theme, "listed_on": p.listed_on}
                     for p in listing.programs],
        "listed_on": listing.listed_on, "reasons": listing.reasons,
        "linked_to": list(listing.linked_to), "first_seen": record.first_seen,
        "last_seen": record.last_seen, "current": record.current,
    }


def _designation(d: Designation) -> dict[str, Any]:
    return {"jurisdiction": d.jurisdiction, "program": d.program, "theme": d.theme,
            "listed_on": d.listed_on.to_dict(),
            "delisted_on": d.delisted_on.to_dict() if d.delisted_on else None,
            "listings": [{"source": s, "listing_key": k} for s, k in d.listings]}


def timeline(designations: tuple[Designation, ...]) -> list[dict[str, Any]]:
    """Designations and delistings in date order (by the latest possible day)."""
    events = [("designated", d, d.listed_on) for d in designations]
    events += [("delisted", d, d.delisted_on) for d in designations if d.delisted_on]
    ordered = sorted(events, key=lambda e: (str(e[2].latest), e[1].jurisdiction))
    return [{"event": kind, "jurisdiction": d.jurisdiction, "program": d.program,
             "date": window.to_dict()} for kind, d, window in ordered]


def _rounds(state: State, target_id: str) -> list[dict[str, Any]]:
    return [{"round_id": state.round_ids[n], "date_from": state.rounds[n].date_from.isoformat(),
             "date_to": state.rounds[n].date_to.isoformat(),
             "jurisdictions": list(state.rounds[n].jurisdictions),
             "targets": len(state.rounds[n].targets)} for n in state.rounds_of.get(target_id, ())]


def _related(state: State, target_id: str, limit: int = 20) -> list[dict[str, Any]]:
    related: dict[str, str] = {}
    for record in state.target_records(target_id):
        for name in record.listing.linked_to:
            hits = state.target_hits(name)[:1]
            if hits and hits[0][1].score >= 90 and hits[0][0] != target_id:
                related.setdefault(hits[0][0], f"linked to: {name}")
    for number in state.rounds_of.get(target_id, ()):
        for other, _ in state.rounds[number].targets:
            if other != target_id:
                related.setdefault(other, f"same round ({state.round_ids[number]})")
    return [{**target_summary(state, state.targets[t]), "relation": why}
            for t, why in list(related.items())[:limit] if t in state.targets]


def target_detail(state: State, target_id: str) -> dict[str, Any] | None:
    target = state.targets.get(target_id)
    if target is None:
        return None
    designations = state.by_target.get(target_id, ())
    gap = state.gap_of.get(target_id)
    return {
        **target_summary(state, target), "countries": list(target.countries),
        "listings": [listing_detail(r) for r in state.target_records(target_id)],
        "designations": [_designation(d) for d in designations],
        "timeline": timeline(designations),
        "gap": gap.to_dict() if gap else None,
        # Governments that have not acted whose lists are held only in part, or not at all.
        "lists_held": notes_for(state, [j for j in held_jurisdictions(state)
                                        if j not in {d.jurisdiction for d in designations}]),
        "rounds": _rounds(state, target_id),
        "match_explanations": explain_target(state, target_id),
        "related": _related(state, target_id),
        "resolution": state.resolution,
    }
