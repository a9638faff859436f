"""`concerted programs [show | compare]` and `concerted eligible`: the program landscape.

Reads the packaged program data only; none of these commands opens the store.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from concerted.cli.output import FORMAT_OPTION, emit, emit_json
from concerted.programs import UnknownConduct, UnknownProgram, get_program
from concerted.programs import comparison as cmp
from concerted.programs.eligibility import eligible_programs
from concerted.programs.views import SUMMARY_COLUMNS, detail_rows, program_detail, program_summary
from concerted.programs.workbook import to_xlsx

__all__ = ["register"]

THEMES = click.Choice(["human_rights", "corruption", "cyber", "other"])
_ELIGIBLE_COLUMNS = ["jurisdiction", "id", "name", "conduct", "criteria", "scope", "submission"]


@click.group("programs", invoke_without_command=True)
@click.option("--jurisdiction", default=None, metavar="J", help="e.g. us, gb, eu, ca, au.")
@click.option("--theme", type=THEMES, default=None)
@FORMAT_OPTION
@click.pass_context
def programs_group(ctx: click.Context, jurisdiction: str | None, theme: str | None,
                   fmt: str) -> None:
    """Magnitsky-style and related sanctions programs, from the curated program data."""
    if ctx.invoked_subcommand is None:
        rows = [program_summary(p) for p in cmp.select(jurisdiction, theme)]
        emit(rows, fmt, SUMMARY_COLUMNS, "programs")


@programs_group.command("show")
@click.argument("program_id")
@FORMAT_OPTION
def show_command(program_id: str, fmt: str) -> None:
    """Everything known about one program: criteria, standard, measures, list, sources."""
    try:
        program = get_program(program_id)
    except UnknownProgram as exc:
        raise click.ClickException(exc.args[0]) from None
    if fmt == "json":
        emit_json(program_detail(program))
    else:
        emit(detail_rows(program), fmt, ["field", "value"], program.id)


@programs_group.command("compare")
@click.option("--jurisdiction", default=None, metavar="J")
@click.option("--theme", type=THEMES, default=None)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write FILE.xlsx (matrix and criteria sheets) or FILE.csv instead.")
@FORMAT_OPTION
def compare_command(jurisdiction: str | None, theme: str | None, out: Path | None,
                    fmt: str) -> None:
    """Programs side by side: conduct covered (yes / conditional), measures, standard."""
    programs = cmp.select(jurisdiction, theme)
    if out is not None:
        _write(out, programs)
    elif fmt == "json":
        emit_json(cmp.compare_rows(programs))
    elif fmt == "csv":
        sys.stdout.write(cmp.to_csv(cmp.matrix(programs), cmp.matrix_columns()))
    else:
        emit(cmp.matrix(programs), fmt, cmp.matrix_columns(), "programs compared")


def _write(out: Path, programs: list[cmp.Program]) -> None:
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        out.write_bytes(to_xlsx(programs))
    elif suffix == ".csv":
        out.write_text(cmp.to_csv(cmp.matrix(programs), cmp.matrix_columns()), "utf-8")
    else:
        raise click.BadParameter("the file name must end in .xlsx or .csv", param_hint="--out")
    click.echo(f"wrote {out}", err=True)


@click.command("eligible")
@click.option("--conduct", "conduct", multiple=True, required=True, metavar="C",
              help="A conduct category (torture, bribery...) or group (human_rights, "
                   "corruption, cyber). Repeat for several.")
@click.option("--country", default=None, metavar="CC", help="The target's country (ISO alpha-2).")
@click.option("--jurisdiction", "jurisdictions", multiple=True, metavar="J",
              help="Only these jurisdictions (repeatable).")
@click.option("--include-inactive", is_flag=True, help="Also proposed or considered programs.")
@FORMAT_OPTION
def eligible_command(conduct: tuple[str, ...], country: str | None,
                     jurisdictions: tuple[str, ...], include_inactive: bool, fmt: str) -> None:
    """Which governments could act on this conduct, under which program, and how to ask."""
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
    emit(flat, fmt, _ELIGIBLE_COLUMNS, "eligible programs")


def register(group: click.Group) -> None:
    for command in (programs_group, eligible_command):
        group.add_command(command)
