"""Options the analysis commands share: filters, the round window, staleness."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from concerted.analysis.filters import Filter
from concerted.analysis.rounds import RoundConfig
from concerted.analysis.suite import AnalysisConfig
from concerted.cli.context import AppContext
from concerted.cli.params import COUNTRY, DATE, JURISDICTION, PROGRAM, THEME

if TYPE_CHECKING:
    from concerted.reports.kept import KeptAnalysis

__all__ = ["analysis_options", "build_analysis"]

F = TypeVar("F", bound=Callable[..., Any])

_OPTIONS = [
    click.option("--program", "programs", multiple=True, type=PROGRAM,
                 help="A program id, e.g. us-glomag (repeatable)."),
    click.option("--theme", "themes", multiple=True, type=THEME),
    click.option("--jurisdiction", "jurisdictions", multiple=True, type=JURISDICTION,
                 help="(repeatable)"),
    click.option("--country", "countries", multiple=True, type=COUNTRY,
                 help="Target nationality, ISO code: ru, cn… (repeatable)."),
    click.option("--since", type=DATE, default=None,
                 help="Designations whose date could fall on or after this day."),
    click.option("--until", type=DATE, default=None),
    click.option("--current-only", is_flag=True, help="Leave out designations since lifted."),
    click.option("--window", "window_days", type=click.IntRange(0), default=7, show_default=True,
                 help="Rounds: days within which designations count as one round."),
    click.option("--max-uncertainty", type=click.IntRange(0), default=31, show_default=True,
                 help="Rounds: a date known only to within more days than this joins none."),
    click.option("--one-per-listing", is_flag=True,
                 help="Skip cross-list resolution: each listing its own target."),
    click.option("--stale-days", type=click.IntRange(0), default=365, show_default=True,
                 help="Gaps: a partner list older than this is possibly stale."),
]


def analysis_options(command: F) -> F:
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def build_analysis(app: AppContext, options: dict[str, Any], **extra: Any) -> KeptAnalysis:
    """The analysis the shared options describe; `extra` sets other AnalysisConfig fields."""
    flt = Filter(
        programs=tuple(options.pop("programs")), themes=tuple(options.pop("themes")),
        jurisdictions=tuple(j.lower() for j in options.pop("jurisdictions")),
        countries=tuple(c.lower() for c in options.pop("countries")),
        since=options.pop("since"), until=options.pop("until"),
        current_only=options.pop("current_only"),
    )
    rounds = RoundConfig(options.pop("window_days"), options.pop("max_uncertainty"))
    config = AnalysisConfig(filter=flt, rounds=rounds, stale_days=options.pop("stale_days"),
                            **extra)
    # The inputs live as long as the command; keeping the cycle collector from walking them
    # again and again halves the time of the analyses.
    gc.freeze()
    # The kept results need the database libraries: loaded to answer, not for --help.
    from concerted.reports.kept import Keeper, KeptAnalysis

    keeper = Keeper(app.engine, app.settings.data_dir / "derived")
    return KeptAnalysis(keeper, app.engine, config, options.pop("one_per_listing"))
