"""Finding a new dossier's subject on the lists: suggest the matching targets, have one
confirmed (a prompt at a terminal; `--target` or `--yes` in a script), so that a dossier
never says a government has not acted when its list holds the subject."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from concerted.dossiers.targets import Suggestion

__all__ = ["choose_target", "describe"]


def describe(found: Suggestion) -> str:
    """One line a person can tell namesakes apart by."""
    from concerted.labels import listing_label

    facts = [f"born {'; '.join(found.birth_dates)}" if found.birth_dates else "",
             ", ".join(found.countries)]
    lists = "; ".join(listing_label(s, k) for s, k in found.listings)
    about = " — ".join(f for f in facts if f)
    return (f"{found.name}{f' ({about})' if about else ''}: {lists}; "
            f"match score {found.score:.3f} [--target {found.target_id}]")


def choose_target(engine: Engine, cache_dir: Path, subject: str, schema: str,
                  take_best: bool) -> tuple[tuple[str, str], ...]:
    """The listings of the target confirmed, or none when nothing matches."""
    from concerted.dossiers.targets import suggest_targets
    from concerted.state.kept_matcher import kept_matcher

    found = suggest_targets(kept_matcher(engine, cache_dir), subject, schema)
    if not found:
        click.echo(f"No listed {schema.lower()} matches {subject!r}: the dossier is linked to "
                   "no listing (`concerted dossiers link` adds one later).", err=True)
        return ()
    if take_best:
        click.echo(f"Linked to {describe(found[0])}", err=True)
        return found[0].listings
    menu = "\n".join(f"  {n}. {describe(s)}" for n, s in enumerate(found, 1))
    if not sys.stdin.isatty():
        raise click.ClickException(
            f"{subject!r} may be one of these listed targets:\n{menu}\nConfirm one with "
            "--target TARGET_ID (or --yes for the first), or open it unlinked with --no-target.")
    click.echo(f"{subject!r} may be one of these listed targets:\n{menu}\n  0. none of these",
               err=True)
    choice = click.prompt("Which is the subject?", type=click.IntRange(0, len(found)),
                          default=1, err=True)
    return found[choice - 1].listings if choice else ()
