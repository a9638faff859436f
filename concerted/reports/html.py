"""The report as one self-contained HTML file: every chart inline as SVG, no script, external
style sheet or font, so it opens offline and can be mailed as it is."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from concerted.analysis.suite import Analysis
from concerted.reports import charts, rows
from concerted.reports.summary import summary

__all__ = ["render_html", "write_html"]

def _environment() -> Environment:
    return Environment(loader=PackageLoader("concerted.reports", "templates"),
                       autoescape=select_autoescape(["html", "j2"]))


def _chart(chart: charts.Chart, name: str) -> dict[str, str]:
    return {"html": f'<figure class="chart" id="chart-{name}">{chart.svg}</figure>',
            "note": chart.note}


def render_html(analysis: Analysis, gap_limit: int = 200) -> str:
    selected = analysis.selected
    template = _environment().get_template("report.html.j2")
    return template.render(
        summary=summary(analysis),
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
