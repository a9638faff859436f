"""The analyses as flat rows with named columns: what tables, CSV and XLSX sheets show."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from concerted.analysis.coverage import Coverage
from concerted.analysis.designations import Designation
from concerted.analysis.gaps import Gap
from concerted.analysis.lags import Lag
from concerted.analysis.rounds import Round
from concerted.model import ListingRef

__all__ = [
    "DESIGNATION_COLUMNS", "GAP_COLUMNS", "LAG_COLUMNS", "ROUND_COLUMNS", "coverage_columns",
    "coverage_rows", "designation_rows", "gap_rows", "lag_rows", "round_rows",
]

DESIGNATION_COLUMNS = ["target_id", "name", "jurisdiction", "program", "theme", "listed_on",
                       "listed_earliest", "listed_latest", "date_basis", "delisted_on",
                       "countries", "listings"]
ROUND_COLUMNS = ["date_from", "date_to", "jurisdictions", "first", "followed", "targets",
                 "programs", "dates_uncertain"]
LAG_COLUMNS = ["target_id", "name", "first", "follower", "first_on", "follower_on",
               "days_min", "days_max", "days_midpoint", "order"]
GAP_COLUMNS = ["score", "target_id", "name", "countries", "conduct", "designated_by",
               "missing", "eligible_programs", "possibly_stale", "explanation"]


def designation_rows(designations: Sequence[Designation]) -> list[dict[str, Any]]:
    return [{
        "target_id": d.target_id, "name": d.name, "jurisdiction": d.jurisdiction,
        "program": d.program, "theme": d.theme, "listed_on": d.listed_on.label(),
        "listed_earliest": d.listed_on.earliest, "listed_latest": d.listed_on.latest,
        "date_basis": d.listed_on.basis,
        "delisted_on": d.delisted_on.label() if d.delisted_on else None,
        "countries": list(d.countries), "listings": [str(ListingRef(*key)) for key in d.listings],
    } for d in designations]


def coverage_columns(coverage: Coverage) -> list[str]:
    return ["target_id", "name", "countries", *coverage.jurisdictions]


def coverage_rows(coverage: Coverage) -> list[dict[str, Any]]:
    return [{"target_id": row.target_id, "name": row.name, "countries": list(row.countries),
             **{j: cell.label() for j, cell in row.cells.items()}} for row in coverage.rows]


def round_rows(rounds: Sequence[Round]) -> list[dict[str, Any]]:
    rows = []
    for item in rounds:
        data = item.to_dict()
        rows.append({**{c: data[c] for c in ROUND_COLUMNS if c in data},
                     "targets": [t["name"] for t in data["targets"]],
                     "members": "; ".join(f"{m['jurisdiction']} {m['listed_on']['date']}"
                                          for m in data["members"])})
    return rows


def lag_rows(lags: Sequence[Lag]) -> list[dict[str, Any]]:
    return [{**lag.to_dict(), "first_on": lag.first_on.label(),
             "follower_on": lag.follower_on.label()} for lag in lags]


def gap_rows(gaps: Sequence[Gap]) -> list[dict[str, Any]]:
    return [{
        "score": g.score, "target_id": g.target_id, "name": g.name,
        "countries": list(g.countries), "conduct": list(g.conduct),
        "designated_by": list(g.designated_by),
        "missing": [m.jurisdiction + (f" (data of {m.data_as_of}, possibly stale)"
                                      if m.possibly_stale else "") for m in g.missing],
        "eligible_programs": [f"{m.jurisdiction}: {', '.join(m.eligible_programs)}"
                              for m in g.missing],
        "possibly_stale": [m.jurisdiction for m in g.missing if m.possibly_stale],
        "explanation": list(g.explanation),
    } for g in gaps]
