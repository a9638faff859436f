"""Gaps, ranked and explained, filtered by missing jurisdiction, theme or country."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from concerted.analysis.gaps import Gap
from concerted.state.model import State
from concerted.views.common import Page, paginate
from concerted.views.holdings import holdings_json, notes_for

__all__ = ["GAP_COLUMNS", "GapFilter", "gap_rows", "gaps_view"]

GAP_COLUMNS = ["target_id", "name", "countries", "designated_by", "missing",
               "eligible_programs", "conduct", "score", "stale", "explanation"]


@dataclass(frozen=True)
class GapFilter:
    missing: str | None = None  # a jurisdiction that has not acted
    theme: str | None = None
    country: str | None = None
    include_stale: bool = True


def _accepts(gap: Gap, flt: GapFilter) -> bool:
    return ((not flt.missing or any(m.jurisdiction == flt.missing for m in gap.missing))
            and (not flt.theme or flt.theme in gap.conduct)
            and (not flt.country or flt.country.lower() in gap.countries)
            and (flt.include_stale or not gap.stale))


def selected(state: State, flt: GapFilter) -> list[Gap]:
    return [g for g in state.gaps if _accepts(g, flt)]


def gaps_view(state: State, flt: GapFilter, page: Page) -> dict[str, Any]:
    total, chosen = paginate(selected(state, flt), page)
    # What the "not yet acted" choice rests on: a government whose lists are held only in
    # part, or not at all, is named, never left out.
    return {"total": total, "limit": page.limit, "offset": page.offset,
            "results": [g.to_dict() for g in chosen],
            "lists_held": notes_for(state, [flt.missing]) if flt.missing else [],
            "holdings": holdings_json(state)}


def gap_rows(state: State, flt: GapFilter) -> list[dict[str, Any]]:
    """Flat rows for CSV and XLSX exports."""
    return [{"target_id": g.target_id, "name": g.name, "countries": list(g.countries),
             "designated_by": list(g.designated_by),
             "missing": [m.jurisdiction for m in g.missing],
             "eligible_programs": sorted({p for m in g.missing for p in m.eligible_programs}),
             "conduct": list(g.conduct), "score": g.score, "stale": g.stale,
             "explanation": list(g.explanation)} for g in selected(state, flt)]
