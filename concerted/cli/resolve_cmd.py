"""`concerted resolve [evaluate]`, and the registration of every resolution command.

`resolve` links the same person across lists (system judgements above `--threshold`, the
review queue between `--review-threshold` and it); `resolve evaluate` prints precision,
recall and F1 on the hand-labelled pairs, per part (tune / holdout).
"""

from __future__ import annotations

import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from concerted.cli import review_cmd
from concerted.cli.context import AppContext, pass_app
from concerted.cli.output import FORMAT_OPTION, emit
from concerted.cli.params import PROGRAM, THEME
from concerted.resolve.evaluate import LABELLED

if TYPE_CHECKING:
    from concerted.resolve.xref import ResolveConfig, ResolveReport

__all__ = ["register"]

_REPORT = ["mode", "changed", "listings", "candidates", "linked", "retracted", "queued",
           "refused", "held", "seconds"]
_METRICS = ["mode", "split", "pairs", "tp", "fp", "fn", "tn", "precision", "recall", "f1"]


def _run_with_progress(app: AppContext, config: ResolveConfig, full: bool) -> ResolveReport:
    from concerted.resolve.xref import run

    if not sys.stderr.isatty():  # a scheduled run: no one to show a bar to
        return run(app.engine, config, None, app.settings.resolve_kept, full)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("blocking", total=None)

        def step(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        return run(app.engine, config, step, app.settings.resolve_kept, full)


@click.group("resolve", invoke_without_command=True)
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.9, show_default=True,
              help="Pairs scoring at least this are linked (as the `system` user).")
@click.option("--review-threshold", type=click.FloatRange(0, 1), default=0.75,
              show_default=True, help="Pairs from here up to --threshold go to review.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Processes scoring pairs (default: the cores, up to 4).")
@click.option("--full", is_flag=True,
              help="Prepare, block and score every listing again, not only those changed "
                   "since the last run.")
@FORMAT_OPTION
@click.pass_context
def resolve_group(ctx: click.Context, threshold: float, review_threshold: float,
                  workers: int | None, full: bool, fmt: str) -> None:
    """Link the same person or body across lists; queue the uncertain pairs for review.

    The first run, and any run with --full, resolves every listing; a later run only the
    listings changed since (new or amended), against all the others."""
    from concerted.resolve.xref import ResolveConfig

    if ctx.invoked_subcommand:
        return
    if review_threshold > threshold:
        raise click.BadParameter("must not exceed --threshold", param_hint="--review-threshold")
    app = ctx.ensure_object(AppContext)
    config = ResolveConfig(threshold, review_threshold)
    if workers:
        config = replace(config, workers=workers)
    report = _run_with_progress(app, config, full)
    row = asdict(report) | {"seconds": round(report.seconds, 1)}
    row.pop("stages")
    emit([row], fmt, _REPORT, "resolve")


@resolve_group.command("evaluate")
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=LABELLED, show_default=True, help="Labelled pairs (TSV).")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.9, show_default=True)
@FORMAT_OPTION
@click.pass_context
def evaluate_command(ctx: click.Context, path: Path, threshold: float, fmt: str) -> None:
    """Precision, recall and F1 of cross-list linking on the labelled pairs, per part:
    `pairwise` (the scorer alone, at --threshold) and `targets` (the store's targets, after
    `concerted resolve`, the linker and people's judgements)."""
    from concerted.model import ListingRef
    from concerted.reports.load import load_inputs
    from concerted.resolve.evaluate import evaluate, evaluate_targets, read_pairs
    from concerted.resolve.xref import load_records

    app = ctx.find_object(AppContext)
    assert app is not None
    pairs = read_pairs(path)
    target = {str(ListingRef(source, key)): t.id
              for t in load_inputs(app.engine).targets for source, key in t.listings}
    measured = {"pairwise": evaluate(load_records(app.engine), pairs, threshold),
                "targets": evaluate_targets(pairs, target.get)}
    rows = [{"mode": mode, "split": m.split, "pairs": m.tp + m.fp + m.fn + m.tn, "tp": m.tp,
             "fp": m.fp, "fn": m.fn, "tn": m.tn, "precision": round(m.precision, 4),
             "recall": round(m.recall, 4), "f1": round(m.f1, 4)}
            for mode, metrics in measured.items() for m in metrics.values()]
    emit(rows, fmt, _METRICS, f"evaluation at threshold {threshold}")


@click.command("targets")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "ftm", "xlsx"]),
              default="csv", show_default=True, help="ftm: one FtM entity a line, targets merged.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (required for xlsx).")
@click.option("--program", "programs", type=PROGRAM, multiple=True,
              help="Only targets designated under this program (repeat: any of them).")
@click.option("--theme", "themes", type=THEME, multiple=True,
              help="Only targets designated for this conduct (repeat: any of them).")
@pass_app
def export_targets(app: AppContext, fmt: str, output: Path | None, programs: tuple[str, ...],
                   themes: tuple[str, ...]) -> None:
    """One row per (target, listing): the listings each target brings together, every
    listing the store has seen (the rows of the API's export). With --program or --theme,
    the targets designated so, each with all its listings."""
    from concerted.analysis.designations import build_designations
    from concerted.analysis.filters import Filter
    from concerted.reports.load import load_inputs
    from concerted.views.exports import chosen_targets, targets_to

    if fmt == "xlsx" and output is None:
        raise click.UsageError("--format xlsx needs --output FILE")
    inputs = load_inputs(app.engine)
    flt = Filter(programs=programs, themes=themes)
    # Designations are worked out only when a filter needs them.
    designations = build_designations(inputs) if programs or themes else ()
    body = targets_to(fmt, chosen_targets(inputs.targets, designations, flt), inputs.records)
    if output is not None:
        output.write_bytes(body)
    else:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()


def register(group: click.Group) -> None:
    from concerted.cli.lists_cmd import export_group

    group.add_command(resolve_group)
    review_cmd.register(group)
    export_group.add_command(export_targets)
