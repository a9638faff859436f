"""Program pages: what the registry says, and live figures from the store, each figure with
the address of the listings behind it."""

from __future__ import annotations

import statistics
from typing import Any
from urllib.parse import urlencode

from concerted.analysis.stats import dated_count, joint_share
from concerted.programs import get_program
from concerted.programs.comparison import compare_rows, select
from concerted.programs.views import program_detail, program_summary
from concerted.state.model import State
from concerted.views.dashboard import per_year
from concerted.views.lags import select_lags

__all__ = ["program_page", "programs_index"]


def programs_index(state: State, jurisdiction: str | None, theme: str | None
                   ) -> list[dict[str, Any]]:
    counts = _current_counts(state)
    return [{**program_summary(p), "listings_now": counts.get(p.id, 0),
             "listings_url": _url("/listings", program=p.id)}
            for p in select(jurisdiction, theme)]


def _current_counts(state: State) -> dict[str, int]:
    def count() -> dict[str, int]:
        found: dict[str, int] = {}
        for record in state.inputs.records.values():
            if record.current:
                for program in record.listing.program_ids:
                    found[program] = found.get(program, 0) + 1
        return found

    return state.remember(("program-counts",), count)


def _url(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}"


def figures(state: State, program_id: str, jurisdiction: str) -> dict[str, Any]:
    chosen = [d for d in state.designations if d.program == program_id]
    share = next((row for row in joint_share(chosen, state.rounds)
                  if row["jurisdiction"] == "all"), None)
    program_lags = select_lags(state, jurisdiction, None, program_id)
    lags = [lag.midpoint for lag in program_lags if lag.midpoint is not None]
    years = per_year(state, program_id)
    in_a_year, total = dated_count(chosen)
    return {
        "listings_now": {"value": _current_counts(state).get(program_id, 0),
                         "url": _url("/listings", program=program_id)},
        "designations": {"value": len(chosen), "url": _url("/search", program=program_id)},
        "per_year": [{"year": y, "value": years["series"].get(jurisdiction, [0] * len(
            years["years"]))[i], "url": _url("/search", program=program_id,
                                             since=f"{y}-01-01", until=f"{y}-12-31")}
                     for i, y in enumerate(years["years"])],
        "per_year_dated": {"dated": in_a_year, "designations": total},
        "joint_share": {"value": share["share"] if share else None,
                        "joint": share["joint"] if share else 0,
                        "dated": share["dated"] if share else 0,
                        "undated": share["undated"] if share else 0,
                        "thematic": share["thematic"] if share else 0,
                        "url": _url("/rounds", program=program_id)},
        "median_follow_on_lag_days": {
            "value": statistics.median(lags) if lags else None, "lags": len(lags),
            "order_unknown": len(program_lags) - len(lags),
            "url": _url("/lags", follower=jurisdiction, program=program_id)},
    }


def program_page(state: State, program_id: str) -> dict[str, Any]:
    """Raises `UnknownProgram` for an id the registry does not know."""
    program = get_program(program_id)
    comparison = next(iter(compare_rows([program])))
    return {**program_detail(program), "comparison": comparison,
            "figures": figures(state, program.id, program.jurisdiction)}
