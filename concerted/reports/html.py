"""The report as one self-contained HTML file: plotly's script and every chart inline, no
external script, style sheet or font, so it opens offline and can be mailed as it is."""

from __future__ import annotations

from pathlib import Path

import plotly.io as pio
from jinja2 import Environment, PackageLoader, select_autoescape
from plotly.offline import get_plotlyjs

from concerted.analysis.suite import Analysis
from concerted.reports import charts, rows
from concerted.reports.summary import summary

__all__ = ["render_html", "write_html"]

_CONFIG = {"displaylogo": False, "responsive": True}


def _environment() -> Environment:
    return Environment(loader=PackageLoader("concerted.reports", "templates"),
                       autoescape=select_autoescape(["html", "j2"]))


def _chart(chart: charts.Chart, name: str) -> dict[str, str]:
    html: str = pio.to_html(chart.figure, full_html=False, include_plotlyjs=False,
                            config=_CONFIG, div_id=f"chart-{name}")
    return {"html": html, "note": chart.note}


def render_html(analysis: Analysis, gap_limit: int = 200) -> str:
    selected = analysis.selected
    template = _environment().get_template("report.html.j2")
    return template.render(
        summary=summary(analysis),
        plotly_js=get_plotlyjs(),
        charts={
            "timeline": _chart(charts.timeline(selected), "timeline"),
            "coverage": _chart(charts.coverage_heatmap(selected), "coverage"),
            "lags": _chart(charts.lag_distribution(analysis.lags), "lags"),
        },
        rounds=[r.to_dict() for r in analysis.rounds],
        gaps=[g.to_dict() for g in analysis.gaps[:gap_limit]],
        gap_total=len(analysis.gaps),
        gap_rows=rows.gap_rows(analysis.gaps[:gap_limit]),
        stats=analysis.statistics,
    )


def write_html(analysis: Analysis, path: Path, gap_limit: int = 200) -> None:
    path.write_text(render_html(analysis, gap_limit), encoding="utf-8")
