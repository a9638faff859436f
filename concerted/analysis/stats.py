"""Statistics over designations: per jurisdiction and year, per program, the share of thematic
designations made jointly (in a coordinated round), and the top target countries. Pure.

A designation whose date window spans more than one year (or has no lower bound) is counted
under the year "unknown" rather than guessed into one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from concerted.analysis.designations import Designation
from concerted.analysis.round_types import Round

__all__ = ["by_jurisdiction_year", "by_program", "dated_count", "joint_share", "statistics",
           "top_countries"]


def by_jurisdiction_year(designations: Iterable[Designation]) -> list[dict[str, Any]]:
    counts = Counter((d.jurisdiction, str(d.listed_on.year or "unknown")) for d in designations)
    return [{"jurisdiction": j, "year": y, "designations": n}
            for (j, y), n in sorted(counts.items())]


def by_program(designations: Iterable[Designation]) -> list[dict[str, Any]]:
    counts: Counter[tuple[str, str, str]] = Counter()
    current: Counter[tuple[str, str, str]] = Counter()
    for d in designations:
        key = (d.jurisdiction, d.program, d.theme)
        counts[key] += 1
        current[key] += d.delisted_on is None
    return [{"jurisdiction": j, "program": p, "theme": t, "designations": n,
             "current": current[(j, p, t)]}
            for (j, p, t), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1]))]


def joint_share(designations: Iterable[Designation], rounds: Sequence[Round],
                max_uncertainty_days: int = 31) -> list[dict[str, Any]]:
    """Per jurisdiction (and "all"): thematic designations, how many are dated closely enough
    to be placed in a round, how many were in one, and the share among the dated.

    The share leaves undated designations out explicitly: a designation known only as "between
    2018-01-27 and 2019-01-04" can never join a round, so counting it would report most of a
    program's history as "not joint" when its date is simply unknown.
    """
    joint = {d.key for r in rounds for d in r.designations}
    totals: Counter[str] = Counter()
    dated: Counter[str] = Counter()
    shared: Counter[str] = Counter()
    for d in designations:
        if d.thematic:
            width = d.listed_on.width
            placeable = width is not None and width <= max_uncertainty_days
            for group in (d.jurisdiction, "all"):
                totals[group] += 1
                dated[group] += placeable
                shared[group] += d.key in joint
    return [{"jurisdiction": j, "thematic": totals[j], "dated": dated[j],
             "undated": totals[j] - dated[j], "joint": shared[j],
             "share": round(shared[j] / dated[j], 3) if dated[j] else None}
            for j in sorted(totals, key=lambda j: (j == "all", j))]


def dated_count(designations: Iterable[Designation]) -> tuple[int, int]:
    """(designations placed in one calendar year, all designations): what per-year figures
    rest on."""
    chosen = list(designations)
    return sum(d.listed_on.year is not None for d in chosen), len(chosen)


def top_countries(designations: Iterable[Designation], limit: int = 20) -> list[dict[str, Any]]:
    """Target countries by number of targets, with designations and jurisdictions."""
    targets: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    jurisdictions: dict[str, set[str]] = {}
    for d in designations:
        for country in d.countries or ("unknown",):
            targets.setdefault(country, set()).add(d.target_id)
            counts[country] += 1
            jurisdictions.setdefault(country, set()).add(d.jurisdiction)
    ranked = sorted(targets, key=lambda c: (-len(targets[c]), c))[:limit]
    return [{"country": c, "targets": len(targets[c]), "designations": counts[c],
             "jurisdictions": sorted(jurisdictions[c])} for c in ranked]


def statistics(designations: Sequence[Designation], rounds: Sequence[Round],
               limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    return {
        "by_jurisdiction_year": by_jurisdiction_year(designations),
        "by_program": by_program(designations),
        "joint_share": joint_share(designations, rounds),
        "top_countries": top_countries(designations, limit),
    }
