"""`concerted sources | listings | changes | export listings`: what the store holds.

The store reader and the health checks (SQLAlchemy, HTTP client) are imported inside the
commands: `--help` and a mistyped option answer without loading them.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import TYPE_CHECKING, Any

import click

from concerted import clock
from concerted.cells import csv_row
from concerted.cli.context import AppContext, pass_app
from concerted.cli.output import FORMAT_OPTION, emit, emit_json
from concerted.cli.params import DAY, PROGRAM
from concerted.sources import SOURCES

if TYPE_CHECKING:
    from concerted.store.reader import AsOf, ListingRow

__all__ = ["register"]

_LISTING_COLUMNS = [
    "source",
    "key",
    "schema",
    "name",
    "programs",
    "listed_on",
    "first_seen",
    "last_seen",
    "current",
]


@click.command("sources")
@FORMAT_OPTION
@pass_app
def sources_command(app: AppContext, fmt: str) -> None:
    """Each source: snapshots held, newest date, listings per program (newest), and health:
    when last confirmed current, age, STALE beyond its cadence, the last fetch error."""
    from concerted.store.reader import Reader
    from concerted.updates.health import HEALTH_COLUMNS, with_health

    rows = [
        {"source": s["source"], "jurisdiction": SOURCES[s["source"]].jurisdiction, **s}
        for s in Reader(app.engine).source_summaries()
    ]
    rows = with_health(rows, app.engine, clock.now().date())
    if fmt == "table":
        rows = [{**row, "programs": _thematic_summary(row["programs"], row["program_themes"])}
                for row in rows]
    emit(
        rows,
        fmt,
        ["source", "jurisdiction", "snapshots", "newest", "listings", "programs",
         *HEALTH_COLUMNS],
        "sources",
    )


def _thematic_summary(programs: dict[str, int], themes: dict[str, dict[str, int]]) -> str:
    """For people: the thematic programs' counts, and how many country programs besides."""
    from concerted.programs.registry import find_program  # on use, as the commands' imports

    thematic = {}
    for program_id, count in programs.items():
        program = find_program(program_id)
        if program is not None and program.type == "thematic":
            thematic[program_id] = count
    others = len(programs) - len(thematic)
    parts = [f"{k} {v}" + _themes(themes.get(k, {})) for k, v in thematic.items()]
    return "; ".join([*parts, f"+{others} country programs"] if others else parts)


def _themes(counts: dict[str, int]) -> str:
    if len(counts) < 2:
        return ""
    return " (" + ", ".join(f"{theme} {n}" for theme, n in counts.items()) + ")"


def _flat_listing(row: ListingRow) -> dict[str, Any]:
    item = row.listing
    return {
        "source": item.source,
        "key": item.key,
        "schema": item.schema,
        "name": item.name,
        "programs": list(item.program_ids),
        "listed_on": item.listed_on,
        "first_seen": row.first_seen,
        "last_seen": row.last_seen,
        "current": row.current,
    }


@click.command("listings")
@click.option("--source", type=click.Choice(sorted(SOURCES)), default=None)
@click.option("--program", type=PROGRAM, default=None,
              help="A normalised program id, e.g. us-glomag.")
@click.option("--all", "include_removed", is_flag=True, help="Include listings since removed.")
@click.option("--on", "day", type=DAY, default=None,
              help="The listings as the lists stood on this day (YYYY-MM-DD): each list's "
                   "newest snapshot published on or before it.")
@FORMAT_OPTION
@pass_app
def listings_command(
    app: AppContext, source: str | None, program: str | None, include_removed: bool,
    day: str | None, fmt: str,
) -> None:
    """Listings currently on the lists (with --all, also those since removed; with --on, those
    on the lists that day)."""
    from concerted.store.reader import Reader

    reader = Reader(app.engine)
    if day is None:
        rows = reader.listings(source, program, None if include_removed else True)
        emit([_flat_listing(r) for r in rows], fmt, _LISTING_COLUMNS, "listings")
        return
    if include_removed:
        raise click.UsageError("--on gives the listings of one day; it takes no --all")
    held = reader.snapshots_on(day, source)
    _note_as_of(day, held, source)
    rows = reader.listings_on(day, source, program)
    emit([_flat_listing(r) for r in rows], fmt, _LISTING_COLUMNS, f"listings on {day}")


def _note_as_of(day: str, held: dict[str, AsOf], source: str | None) -> None:
    """Say on stderr what answers for each list, and which lists had none."""
    for sid in [source] if source else sorted(SOURCES):
        got = held.get(sid)
        if got is None:
            click.echo(f"{sid}: no snapshot held", err=True)
        elif got.printed:
            click.echo(f"{sid}: not held on {day} (first snapshot {got.published}): only the "
                       f"listings it shows with a printed listing date on or before {day}; "
                       "any delisted before it are not known", err=True)
        elif got.published != day:
            click.echo(f"{sid}: as of its snapshot of {got.published}, the newest held on or "
                       f"before {day}", err=True)


@click.command("changes")
@click.argument("source", type=click.Choice(sorted(SOURCES)), metavar="SOURCE")
@click.option("--since", type=DAY, default=None, help="From this day (YYYY-MM-DD) on.")
@click.option("--until", type=DAY, default=None, help="Up to this day (YYYY-MM-DD), included.")
@click.option("--on", "day", type=DAY, default=None,
              help="The changes of the snapshots published on this day (YYYY-MM-DD).")
@FORMAT_OPTION
@pass_app
def changes_command(app: AppContext, source: str, since: str | None, until: str | None,
                    day: str | None, fmt: str) -> None:
    """Additions, removals and amendments per snapshot of SOURCE, with a count per program
    (JSON: `by_program`)."""
    if day is not None:
        if since or until:
            raise click.UsageError("--on is one day: give it alone, or --since/--until")
        since = until = day
    if since and until and until < since:
        raise click.UsageError(f"--until {until} is before --since {since}")
    from concerted.analysis.changes import KINDS
    from concerted.store.reader import Reader

    reader = Reader(app.engine)
    groups = reader.changes(source, since, until)
    if day is not None and not groups:
        _note_no_snapshot(source, day, [s["published"] for s in reader.snapshots(source)])
    if fmt == "json":
        emit_json(groups)
        return
    rows = [
        {
            "snapshot": g["snapshot"],
            "previous": g["previous"],
            "kind": kind,
            "listing_key": c["listing_key"],
            "name": c["name"],
            "programs": c["programs"],
            "fields": c.get("fields", []),
        }
        for g in groups
        for kind in KINDS
        for c in g[kind]
    ]
    if fmt == "table" and groups:
        emit([_summary(g) for g in groups], fmt, ["snapshot", "previous", *KINDS],
             f"changes in {source}, per program")
    emit(
        rows,
        fmt,
        ["snapshot", "previous", "kind", "listing_key", "name", "programs", "fields"],
        f"changes in {source}",
    )


def _summary(group: dict[str, Any]) -> dict[str, Any]:
    """One snapshot for people: `217 (us-glomag 182, us-russia-eo14024 24, …)` per kind."""
    from concerted.analysis.changes import KINDS

    row = {"snapshot": group["snapshot"], "previous": group["previous"]}
    for kind in KINDS:
        counts = group["by_program"][kind]
        detail = ", ".join(f"{p} {n}" for p, n in counts.items())
        row[kind] = f"{len(group[kind])} ({detail})" if detail else str(len(group[kind]))
    return row


def _note_no_snapshot(source: str, day: str, dates: list[str]) -> None:
    from concerted.analysis.changes import nearest

    before, after = nearest(dates, day)
    held = ", ".join(f"{d} {which}" for which, d in (("before", before), ("after", after)) if d)
    extra = (f"; what changed between {before} and {after} shows under {after}"
             if before and after else "")
    click.echo(f"{source}: no snapshot published on {day} (nearest held: {held or 'none'})"
               f"{extra}", err=True)


@click.group("export")
def export_group() -> None:
    """Export data for other tools."""


@export_group.command("listings")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "ftm"]),
    default="json",
    show_default=True,
    help="ftm: FollowTheMoney entities, one JSON object a line.",
)
@click.option("--source", type=click.Choice(sorted(SOURCES)), default=None)
@click.option("--program", type=PROGRAM, default=None)
@pass_app
def export_listings(app: AppContext, fmt: str, source: str | None, program: str | None) -> None:
    """Every current listing with all it says: CSV (flat), JSON (full) or FtM entities."""
    from concerted.store.reader import Reader

    rows = Reader(app.engine).listings(source, program, True)
    if fmt == "ftm":
        # FollowTheMoney's model takes ~2 s to import: only this format pays it (start-up time).
        from concerted.ftm import listing_entities

        for row in rows:
            jurisdiction = SOURCES[row.listing.source].jurisdiction
            for entity in listing_entities(row.listing, jurisdiction):
                sys.stdout.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
    elif fmt == "json":
        emit_json([r.to_dict() for r in rows])
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=_LISTING_COLUMNS)
        writer.writeheader()
        for row in rows:
            flat = _flat_listing(row)
            writer.writerow(csv_row({**flat, "programs": ";".join(flat["programs"])}))


def register(group: click.Group) -> None:
    for command in (sources_command, listings_command, changes_command, export_group):
        group.add_command(command)
