"""`concerted programs [show | compare]` and `concerted eligible`: the program landscape.

Reads the packaged program data only; none of these commands opens the store.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from concerted.cli.output import FORMAT_OPTION, emit, emit_json
from concerted.cli.params import COUNTRY, PROGRAM_JURISDICTION, THEME, known_programs

if TYPE_CHECKING:
    from concerted.programs import Program

__all__ = ["register"]

_TABLE_COLUMNS = ["id", "jurisdiction", "status", "type", "themes", "name"]
_ELIGIBLE_COLUMNS = ["jurisdiction", "id", "name", "conduct", "criteria", "scope", "submission"]


@click.group("programs", invoke_without_command=True)
@click.option("--jurisdiction", type=PROGRAM_JURISDICTION, default=None)
@click.option("--theme", type=THEME, default=None)
@FORMAT_OPTION
@click.pass_context
def programs_group(ctx: click.Context, jurisdiction: str | None, theme: str | None,
                   fmt: str) -> None:
    """Magnitsky-style and related sanctions programs, from the curated program data.

    Country regimes without an entry of their own (gb-russia, us-russia-eo14024...) resolve
    by family rules: `concerted programs show ID` shows what any such id stands for.
    """
    from concerted.programs import comparison
    from concerted.programs.views import SUMMARY_COLUMNS, program_summary

    if ctx.invoked_subcommand is None:
        rows = [program_summary(p) for p in comparison.select(jurisdiction, theme)]
        emit(rows, fmt, _TABLE_COLUMNS if fmt == "table" else SUMMARY_COLUMNS, "programs")


@programs_group.command("show")
@click.argument("program_id")
@FORMAT_OPTION
@click.pass_context
def show_command(ctx: click.Context, program_id: str, fmt: str) -> None:
    """Everything known about one program: criteria, standard, measures, list, sources."""
    from concerted.programs import UnknownProgram, get_program
    from concerted.programs.views import detail_rows, program_detail

    try:
        program = get_program(program_id)
    except UnknownProgram as exc:
        raise click.ClickException(exc.args[0]) from None
    # A family id is real when it names a country (gb-russia) or a list held carries it
    # (us-sdgt); else the family rule would describe a made-up id (gb-xyz) as a program.
    if (program.family is not None and not program.target_countries
            and program.id not in known_programs(ctx)):
        raise click.ClickException(
            f"no program {program_id!r}: it is not in the program data, and no list held "
            "carries it (`concerted programs` lists the programs)")
    if fmt == "json":
        emit_json(program_detail(program))
    else:
        emit(detail_rows(program), fmt, ["field", "value"], program.id)


@programs_group.command("compare")
@click.option("--jurisdiction", type=PROGRAM_JURISDICTION, default=None)
@click.option("--theme", type=THEME, default=None)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write FILE.xlsx (matrix and criteria sheets) or FILE.csv instead.")
@FORMAT_OPTION
def compare_command(jurisdiction: str | None, theme: str | None, out: Path | None,
                    fmt: str) -> None:
    """Programs side by side: conduct covered (yes / conditional), measures, standard."""
    from concerted.programs import comparison

    programs = comparison.select(jurisdiction, theme)
    if out is not None:
        _write(out, programs)
    elif fmt == "json":
        emit_json(comparison.compare_rows(programs))
    elif fmt == "csv":
        sys.stdout.write(comparison.matrix_csv(programs))
    else:
        rows = [{**row, "covers": _covers(row["coverage"])}
                for row in comparison.compare_rows(programs)]
        emit(rows, fmt, ["id", "status", "covers", "measures"], "conduct covered (~ conditional)")


def _covers(coverage: dict[str, str]) -> list[str]:
    from concerted.programs import comparison

    return [c if mark == comparison.COVERED else f"{c}~" for c, mark in coverage.items()]


def _write(out: Path, programs: list[Program]) -> None:
    from concerted.programs import comparison
    from concerted.programs.workbook import to_xlsx

    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        out.write_bytes(to_xlsx(programs))
    elif suffix == ".csv":
        out.write_text(comparison.matrix_csv(programs), "utf-8")
    else:
        raise click.BadParameter("the file name must end in .xlsx or .csv", param_hint="--out")
    click.echo(f"wrote {out}", err=True)


@click.command("eligible")
@click.option("--conduct", "conduct", multiple=True, required=True, metavar="C",
              help="A conduct category (torture, bribery...) or group (human_rights, "
                   "corruption, cyber). Repeat for several.")
@click.option("--country", type=COUNTRY, default=None, help="The target's country (ISO alpha-2).")
@click.option("--jurisdiction", "jurisdictions", multiple=True, type=PROGRAM_JURISDICTION,
              help="Only these jurisdictions (repeatable).")
@click.option("--include-inactive", is_flag=True, help="Also proposed or considered programs.")
@FORMAT_OPTION
def eligible_command(conduct: tuple[str, ...], country: str | None,
                     jurisdictions: tuple[str, ...], include_inactive: bool, fmt: str) -> None:
    """Which governments could act on this conduct, under which program, and how to ask."""
    from concerted.programs import UnknownConduct
    from concerted.programs.eligibility import eligible_programs

    try:
        results = eligible_programs(conduct, jurisdictions=jurisdictions or None,
                                    target_country=country, active_only=not include_inactive)
    except UnknownConduct as exc:
        raise click.BadParameter(str(exc), param_hint="--conduct") from None
    rows = [r.to_dict() for r in results]
    if fmt == "json":
        emit_json(rows)
        return
    flat = [{**row, "conduct": sorted({c for k in row["criteria"] for c in k["conduct"]}),
             "criteria": [k["text"] for k in row["criteria"]],
             "submission": row["submission"].get("channel", "")} for row in rows]
    columns = [c for c in _ELIGIBLE_COLUMNS if fmt != "table" or c != "name"]  # narrow tables
    emit(flat, fmt, columns, "eligible programs")


def register(group: click.Group) -> None:
    for command in (programs_group, eligible_command):
        group.add_command(command)
