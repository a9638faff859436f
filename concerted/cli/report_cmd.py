"""`concerted report --out FILE.html|FILE.xlsx`: the analyses as a report people can read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from concerted.cli.analysis_options import analysis_options, build_analysis
from concerted.cli.context import AppContext, pass_app

__all__ = ["report_command"]


@click.command("report")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="FILE.html (self-contained, works offline) or FILE.xlsx (one sheet a table).")
@analysis_options
@click.option("--gap-limit", type=click.IntRange(1), default=200, show_default=True,
              help="HTML: how many of the top gaps to show (the XLSX has every one).")
@pass_app
def report_command(app: AppContext, /, out: Path, gap_limit: int, **options: Any) -> None:
    """Timeline, coverage heatmap, lag distribution, rounds and gaps in one file."""
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".xlsx"):
        raise click.BadParameter("the file must end in .html or .xlsx", param_hint="--out")
    analysis = build_analysis(app, options)
    # The writers (Jinja2, openpyxl) load for the file asked for: the analysis commands that
    # share this module start without them.
    from concerted.reports.html import write_html
    from concerted.reports.xlsx import write_xlsx

    if suffix == ".xlsx":
        write_xlsx(analysis, out)
    else:
        write_html(analysis, out, gap_limit)
    click.echo(f"wrote {out} ({len(analysis.rounds)} rounds, {len(analysis.gaps)} gaps)")
