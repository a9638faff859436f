"""The headline figures and the caveats a reader needs before the tables."""

from __future__ import annotations

from typing import Any

from concerted.analysis.suite import Analysis

__all__ = ["summary"]


def summary(analysis: Analysis) -> dict[str, Any]:
    inputs, coverage = analysis.inputs, analysis.coverage
    totals = coverage.totals
    flt = analysis.config.filter
    return {
        "as_of": inputs.as_of,
        "sources": [{"source": s, "jurisdiction": inputs.source_jurisdictions.get(s, "?"),
                     "snapshots": len(d), "first": d[0], "newest": d[-1]}
                    for s, d in inputs.calendars.items() if d],
        "designations": totals["designations"],
        "targets": totals["targets"],
        "multi": sum(n for k, n in totals["targets_by_number_of_jurisdictions"].items() if k > 1),
        "rounds": len(analysis.rounds),
        "gaps": len(analysis.gaps),
        "exact": sum(1 for d in analysis.selected if d.listed_on.exact),
        "open": sum(1 for d in analysis.selected if d.listed_on.earliest is None),
        "window_days": analysis.config.rounds.window_days,
        "max_uncertainty": analysis.config.rounds.max_uncertainty_days,
        "filters": {k: v for k, v in vars(flt).items() if v not in ((), None, False)},
        "joint": next((r for r in analysis.statistics["joint_share"]
                       if r["jurisdiction"] == "all"), None),
    }
