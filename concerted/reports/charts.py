"""The report's charts, drawn with plotly: designations over time by jurisdiction, a coverage
heatmap (target country × jurisdiction) and the distribution of follow-on lags.

Only designations whose date is known to within `max_width` days are placed on the timeline
(at their window's midpoint month); the others are counted in the chart's note, not guessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from concerted.analysis.designations import Designation
from concerted.analysis.lags import Lag

__all__ = ["Chart", "coverage_heatmap", "lag_distribution", "timeline"]

_LAYOUT = {"template": "plotly_white", "margin": {"l": 60, "r": 20, "t": 60, "b": 50},
           "font": {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"}}


@dataclass(frozen=True)
class Chart:
    figure: go.Figure
    note: str  # what the chart leaves out, and why: shown beneath it


def timeline(designations: Sequence[Designation], max_width: int = 31) -> Chart:
    months: Counter[tuple[str, str]] = Counter()
    undated = 0
    for d in designations:
        width, mid = d.listed_on.width, d.listed_on.midpoint
        if width is None or mid is None or width > max_width:
            undated += 1
            continue
        months[(d.jurisdiction, mid.strftime("%Y-%m-01"))] += 1
    figure = go.Figure()
    for jurisdiction in sorted({j for j, _ in months}):
        points = sorted((m, n) for (j, m), n in months.items() if j == jurisdiction)
        figure.add_bar(name=jurisdiction.upper(), x=[m for m, _ in points],
                       y=[n for _, n in points])
    figure.update_layout(**_LAYOUT, barmode="stack", height=420,
                         title="Designations per month, by jurisdiction",
                         xaxis={"type": "date", "title": "month"},
                         yaxis={"title": "designations"})
    return Chart(figure, (
        f"{undated} designations whose date is known only to within more than {max_width} "
        "days, or only as before a list's first snapshot held, are not placed."))


def coverage_heatmap(designations: Sequence[Designation], top: int = 25) -> Chart:
    targets: dict[tuple[str, str], set[str]] = {}
    unstated: set[str] = set()
    for d in designations:
        if not d.countries:
            unstated.add(d.target_id)
        for country in d.countries:
            targets.setdefault((country, d.jurisdiction), set()).add(d.target_id)
    per_country: dict[str, set[str]] = {}
    for (country, _), ids in targets.items():
        per_country.setdefault(country, set()).update(ids)
    ranked = Counter({c: len(ids) for c, ids in per_country.items()})
    countries = [c for c, _ in ranked.most_common(top)]
    jurisdictions = sorted({j for _, j in targets})
    z = [[len(targets.get((c, j), ())) for j in jurisdictions] for c in countries]
    figure = go.Figure(go.Heatmap(
        z=z, x=[j.upper() for j in jurisdictions], y=[c.upper() for c in countries],
        colorscale="Blues", text=z, texttemplate="%{text}", hovertemplate=(
            "%{y} targets designated by %{x}: %{z}<extra></extra>")))
    figure.update_layout(**_LAYOUT, height=max(360, 24 * len(countries) + 120),
                         title=f"Targets by nationality (top {len(countries)}) and jurisdiction",
                         yaxis={"autorange": "reversed"})
    return Chart(figure, f"{len(unstated)} targets whose lists state no nationality are left "
                         "out; a target of two nationalities counts under each.")


def lag_distribution(lags: Sequence[Lag], min_count: int = 3) -> Chart:
    groups: dict[str, list[float]] = {}
    for lag in lags:
        if lag.midpoint is not None:
            groups.setdefault(f"{lag.first.upper()} → {lag.follower.upper()}", []).append(
                lag.midpoint)
    figure = go.Figure()
    for name, values in sorted(groups.items()):
        if len(values) >= min_count:
            figure.add_box(name=f"{name} ({len(values)})", y=values, boxpoints="outliers")
    unknown = sum(1 for lag in lags if lag.midpoint is None)
    figure.update_layout(**_LAYOUT, height=440, showlegend=False,
                         title="Days from the first designation to a follower's",
                         yaxis={"title": "days (midpoint of each lag's window)"})
    return Chart(figure, (
        f"Per pair first → follower (with how many lags), pairs with at least {min_count}. "
        f"{unknown} lags whose order is unknown (a date known only as before a list's first "
        "snapshot held) are left out."))
