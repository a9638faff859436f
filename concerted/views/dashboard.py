"""The dashboard: sources with freshness, recent changes, recent rounds, top gaps and
designations per year by jurisdiction."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from concerted.analysis.stats import by_jurisdiction_year
from concerted.state.model import State
from concerted.views.rounds import round_summary
from concerted.views.sources import changes_feed, sources_view

__all__ = ["dashboard", "per_year"]


def per_year(state: State, program: str | None = None) -> dict[str, Any]:
    """Designations per year and jurisdiction, as a table for a chart: years × jurisdictions."""
    chosen = [d for d in state.designations if program is None or d.program == program]
    rows = by_jurisdiction_year(chosen)
    years = sorted({r["year"] for r in rows if r["year"] != "unknown"})
    jurisdictions = sorted({r["jurisdiction"] for r in rows})
    counts = {(r["jurisdiction"], r["year"]): r["designations"] for r in rows}
    series = {j: [counts.get((j, y), 0) for y in years] for j in jurisdictions}
    return {"years": years, "jurisdictions": jurisdictions, "series": series,
            "totals": [sum(series[j][i] for j in jurisdictions) for i in range(len(years))],
            "unknown_year": {j: counts.get((j, "unknown"), 0) for j in jurisdictions}}


def _recent_changes(engine: Engine, state: State, limit: int) -> list[dict[str, Any]]:
    found = []
    for summary in state.sources:
        for group in changes_feed(engine, state, summary["source"], limit=3):
            counts = {k: len(group[k]) for k in ("added", "removed", "amended")}
            if any(counts.values()):
                found.append({"source": summary["source"], "snapshot": group["snapshot"],
                              "previous": group["previous"], **counts})
    return sorted(found, key=lambda c: c["snapshot"], reverse=True)[:limit]


def dashboard(engine: Engine, state: State, today: date) -> dict[str, Any]:
    recent = sorted(range(len(state.rounds)), key=lambda n: state.rounds[n].date_to,
                    reverse=True)[:8]
    return {
        "as_of": state.inputs.as_of, "built_at": state.built_at,
        "resolution": state.resolution,
        "totals": {"targets": len(state.targets), "designations": len(state.designations),
                   "rounds": len(state.rounds), "gaps": len(state.gaps)},
        "sources": sources_view(state, today),
        "recent_changes": state.remember(("recent-changes",),
                                         lambda: _recent_changes(engine, state, 12)),
        "recent_rounds": [round_summary(state, n) for n in recent],
        "top_gaps": [g.to_dict() for g in state.gaps[:10]],
        "per_year": state.remember(("per-year",), lambda: per_year(state)),
    }
