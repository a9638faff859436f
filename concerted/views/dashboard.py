"""The dashboard: sources with freshness and fetch health (status, last fetch error), recent
changes, recent rounds, top gaps and designations per year by jurisdiction."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from concerted.analysis.stats import by_jurisdiction_year
from concerted.sources import SOURCES
from concerted.state.model import State
from concerted.updates.health import source_health
from concerted.updates.runs import last_runs
from concerted.views.holdings import holdings_json
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


def _health(engine: Engine, state: State, today: date) -> dict[str, dict[str, Any]]:
    """`source_health`, recomputed only when a fetch ran (a failed fetch makes no new state)
    or the day changed: one slot kept with the state."""
    runs = last_runs(engine)
    key = (today.isoformat(), sorted(
        (source, run["last"]["id"], (run["last_failure"] or {}).get("id"), run["checked_at"])
        for source, run in runs.items()))
    slot: dict[str, Any] = state.remember(("source-health",), dict)
    if slot.get("key") != key:
        slot.update(key=key, value=source_health(engine, today))
    health: dict[str, dict[str, Any]] = slot["value"]
    return health


def sources_with_health(engine: Engine, state: State, today: date) -> list[dict[str, Any]]:
    """Each source of `sources_view` with its fetch status and last fetch error (and a row
    for a source fetched but never ingested, so its error shows)."""
    health = _health(engine, state, today)
    rows = sources_view(state, today)
    held = {row["source"] for row in rows}
    for source_id in sorted(set(health) - held):
        source = SOURCES.get(source_id)
        rows.append({"source": source_id,
                     "jurisdiction": source.jurisdiction if source else None,
                     "title": source.title if source else source_id, "snapshots": 0,
                     "newest": None, "age_days": None, "stale": True, "listings": 0,
                     "programs": {}})
    keys = ("status", "last_run", "last_error", "last_error_at")
    return [row | {key: health.get(row["source"], {}).get(key) for key in keys}
            for row in rows]


def dashboard(engine: Engine, state: State, today: date) -> dict[str, Any]:
    recent = sorted(range(len(state.rounds)), key=lambda n: state.rounds[n].date_to,
                    reverse=True)[:8]
    return {
        "as_of": state.inputs.as_of, "built_at": state.built_at,
        "resolution": state.resolution,
        "totals": {"targets": len(state.targets), "designations": len(state.designations),
                   "rounds": len(state.rounds), "gaps": len(state.gaps)},
        "sources": sources_with_health(engine, state, today),
        "holdings": holdings_json(state),  # what is held of each government's lists
        "recent_changes": state.remember(("recent-changes",),
                                         lambda: _recent_changes(engine, state, 12)),
        "recent_rounds": [round_summary(state, n) for n in recent],
        "top_gaps": [g.to_dict() for g in state.gaps[:10]],
        "per_year": state.remember(("per-year",), lambda: per_year(state)),
    }
