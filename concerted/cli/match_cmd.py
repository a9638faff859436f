"""`concerted match`: screen a name against every list.

Kept light on purpose (issue 12: a warm answer under a second): only what answering from the
kept matcher needs is imported here; the parsers, the program registry and the web state
are imported only when the kept matcher has to be built (`state.kept_matcher`).
"""

from __future__ import annotations

from typing import Any

import click

from concerted.cli.context import AppContext, pass_app
from concerted.cli.output import FORMAT_OPTION, emit
from concerted.matching.query import DEFAULT_LIMIT, DEFAULT_THRESHOLD

__all__ = ["register"]

_MATCH_COLUMNS = ["id", "score", "match", "caption", "schema", "datasets", "explanation"]


def _partial_days(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
                  ) -> tuple[str, ...]:
    # The parameter types module imports the parsers and the program registry for its other
    # choices; it is asked only when a birth date is given.
    if not values:
        return values
    from concerted.cli.params import PARTIAL_DAY

    return tuple(PARTIAL_DAY.convert(value, param, ctx) for value in values)


@click.command("match")
@click.option("--name", "names", multiple=True, required=True, help="A name (repeatable).")
@click.option("--birth-date", "birth_dates", multiple=True, metavar="YYYY[-MM[-DD]]",
              callback=_partial_days)
@click.option("--nationality", "nationalities", multiple=True, help="A country name or code.")
@click.option("--schema", type=click.Choice(["Person", "Organization", "Vessel", "Airplane"]),
              default="Person", show_default=True)
@click.option("--dataset", default="default", show_default=True,
              help="default (every list), a source id or a jurisdiction code.")
@click.option("--limit", type=click.IntRange(1, 100), default=DEFAULT_LIMIT, show_default=True)
@click.option("--threshold", type=click.FloatRange(0, 1), default=DEFAULT_THRESHOLD,
              show_default=True, help="A hit at or above this is reported as a match.")
@FORMAT_OPTION
@pass_app
def match_command(app: AppContext, names: tuple[str, ...], birth_dates: tuple[str, ...],
                  nationalities: tuple[str, ...], schema: str, dataset: str, limit: int,
                  threshold: float, fmt: str) -> None:
    """Scored targets for a name, with the explanation of each score: the same matcher and
    results as `POST /match/{dataset}` (kept on disk per store state, so warm runs are fast)."""
    from concerted.matching.query import QueryError, check_request, query_from_options
    from concerted.state.kept_matcher import kept_matcher

    query = query_from_options(names, birth_dates, nationalities, schema)
    try:
        check_request({"query": query})
    except QueryError as exc:
        raise click.UsageError(str(exc)) from None
    matcher = kept_matcher(app.engine, app.settings.data_dir / "cache")
    sources = matcher.sources(dataset)
    if sources is None:
        raise click.BadParameter(f"no dataset {dataset!r}: use default, a source id or a "
                                 "jurisdiction code", param_hint="--dataset")
    rows: list[dict[str, Any]] = matcher.match(query, sources, limit, threshold)["results"]
    emit(rows, fmt, _MATCH_COLUMNS, f"matches for {names[0]}")


def register(group: click.Group) -> None:
    group.add_command(match_command)
