"""`concerted review` (decide queued pairs) and `concerted judgements export|import`.

Review shows both listings side by side with the scorer's explanation and asks: `s` same,
`d` different, `u` unsure, `k` skip, `q` quit. Every answer is a new, attributed judgement.
Judgements travel as text: one JSON object a line (see `concerted.resolve.judgements`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

import click

from concerted import clock
from concerted.cli.context import AppContext, pass_app
from concerted.resolve.judgements import Judgement

if TYPE_CHECKING:
    from rich.console import Console

    from concerted.model import Listing
    from concerted.resolve import journal
    from concerted.store.reader import Reader

__all__ = ["register"]

_ANSWERS = {"s": Judgement.POSITIVE, "d": Judgement.NEGATIVE, "u": Judgement.UNSURE}
_FIELDS: list[tuple[str, Callable[[Listing], str | None]]] = [
           ("name", lambda x: x.name), ("schema", lambda x: x.schema),
           ("aliases", lambda x: "; ".join(n.value for n in x.names[:8])),
           ("birth", lambda x: ", ".join(x.birth_dates)),
           ("nationality", lambda x: ", ".join((*x.nationalities, *x.citizenships))),
           ("gender", lambda x: x.gender or ""), ("positions", lambda x: "; ".join(x.positions)),
           ("identifiers", lambda x: ", ".join(f"{i.kind} {i.value}" for i in x.identifiers)),
           ("programs", lambda x: ", ".join(x.program_ids)), ("listed on", lambda x: x.listed_on)]



def _show(console: Console, reader: Reader, item: journal.QueueItem) -> None:
    from rich.table import Table

    from concerted.model import ListingRef

    rows = [reader.listing(*ListingRef.parse(ref)) for ref in (item.left, item.right)]
    table = Table(title=f"score {item.score:.3f} ({item.reason})", show_lines=True)
    table.add_column("")
    for ref in (item.left, item.right):
        table.add_column(ref, overflow="fold")
    for label, get in _FIELDS:
        table.add_row(label, *(str(get(r.listing) or "") if r else "(gone)" for r in rows))
    console.print(table)
    for feature in item.features:
        console.print(f"  {feature['weight']:+.1f}  {feature['explanation']}")


@click.command("review")
@click.option("--as", "user", required=True, metavar="USER", help="Who is judging.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Stop after N pairs.")
@pass_app
def review_command(app: AppContext, user: str, limit: int | None) -> None:
    """Decide the pairs `concerted resolve` was unsure about, best-scored first."""
    from rich.console import Console

    from concerted.resolve import journal
    from concerted.resolve.judgements import JudgementRecord
    from concerted.store.reader import Reader

    decided = {r.key for r in journal.load(app.engine) if not r.is_system}
    items = journal.queue(app.engine, decided)[:limit]
    console, reader, counts = Console(), Reader(app.engine), {"judged": 0, "skipped": 0}
    for number, item in enumerate(items, 1):
        console.rule(f"pair {number} of {len(items)}")
        _show(console, reader, item)
        answer = click.prompt("same (s) / different (d) / unsure (u) / skip (k) / quit (q)",
                              type=click.Choice(["s", "d", "u", "k", "q"]), show_choices=False)
        if answer == "q":
            break
        if answer == "k":
            counts["skipped"] += 1
            continue
        journal.append(app.engine, [JudgementRecord.make(
            item.left, item.right, _ANSWERS[answer], user, clock.precise_stamp(), item.score)])
        counts["judged"] += 1
    click.echo(f"{counts['judged']} judged, {counts['skipped']} skipped, "
               f"{len(items) - counts['judged'] - counts['skipped']} left in this session")


@click.group("judgements")
def judgements_group() -> None:
    """Judgements as text: one JSON object a line."""


@judgements_group.command("export")
@click.argument("output", type=click.File("w", encoding="utf-8"), default="-")
@pass_app
def export_command(app: AppContext, output: TextIO) -> None:
    """Every judgement ever made, oldest first, to OUTPUT (default: standard output)."""
    from concerted.resolve import journal

    for record in journal.load(app.engine):
        output.write(record.to_line() + "\n")


@judgements_group.command("import")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@pass_app
def import_command(app: AppContext, source: TextIO) -> None:
    """Append the judgements in SOURCE (default: standard input); ones already held are
    skipped, so importing the same file twice changes nothing."""
    from concerted.resolve import journal
    from concerted.resolve.judgements import JudgementRecord

    held = set(journal.load(app.engine))
    lines = [line for line in source if line.strip()]
    fresh = [r for r in (JudgementRecord.from_line(line) for line in lines) if r not in held]
    journal.append(app.engine, list(dict.fromkeys(fresh)))
    click.echo(f"{len(fresh)} imported, {len(lines) - len(fresh)} already held", err=True)
    sys.stderr.flush()


def register(group: click.Group) -> None:
    group.add_command(review_command)
    group.add_command(judgements_group)
