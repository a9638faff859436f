"""`concerted allegations add` and `concerted evidence add | get | level | remove`."""

from __future__ import annotations

from pathlib import Path

import click

from concerted.cli.context import AppContext, pass_app
from concerted.cli.dossier_common import AS_OPTION, LEVELS, acting, refusals
from concerted.cli.params import PARTIAL_DAY
from concerted.dossiers.model import KINDS

__all__ = ["GROUPS"]


@click.group("allegations")
def allegations_group() -> None:
    """What the subject is said to have done, under the programs' conduct categories."""


@allegations_group.command("add")
@click.argument("dossier_id")
@click.option("--conduct", multiple=True, required=True,
              help="A conduct category id (see `concerted eligible --help`); repeat.")
@click.option("--summary", required=True)
@click.option("--places", default="")
@click.option("--victims", default="", help="Described without identifying anyone.")
@click.option("--from", "date_from", type=PARTIAL_DAY, default=None)
@click.option("--to", "date_to", type=PARTIAL_DAY, default=None)
@click.option("--level", type=LEVELS, default="governments", show_default=True)
@AS_OPTION
@pass_app
@refusals
def add_allegation(app: AppContext, dossier_id: str, conduct: tuple[str, ...], summary: str,
                   places: str, victims: str, date_from: str | None, date_to: str | None,
                   level: str, as_email: str) -> None:
    """Add an allegation; prints its id."""
    from concerted.dossiers import allegations
    from concerted.dossiers.model import Level

    env, actor = acting(app, as_email)
    click.echo(allegations.add_allegation(env, actor, dossier_id, allegations.AllegationInput(
        conduct, summary, places, victims, date_from, date_to, Level(level))))


@click.group("evidence")
def evidence_group() -> None:
    """Evidence items with provenance and a confidentiality level each."""


def _kind(path: Path | None, url: str | None, testimony: str | None, kind: str | None) -> str:
    if kind:
        return kind
    if url:
        return "link"
    if testimony is not None:
        return "testimony"
    image = path is not None and path.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif", ".webp")
    return "image" if image else "document"


@evidence_group.command("add")
@click.argument("dossier_id")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False,
                                                        path_type=Path))
@click.option("--level", type=LEVELS, required=True)
@click.option("--title", default=None, help="Default: the file's name.")
@click.option("--kind", type=click.Choice(list(KINDS)), default=None)
@click.option("--url", default=None, help="For a link.")
@click.option("--testimony", default=None, help="A testimony's summary (never the witness).")
@click.option("--source", default="", help="Where it came from.")
@click.option("--obtained", type=PARTIAL_DAY, default=None, help="When it was obtained.")
@click.option("--collected-by", default="", help="Who collected it.")
@click.option("--supports", multiple=True, metavar="ALLEGATION_ID")
@AS_OPTION
@pass_app
@refusals
def add_evidence(app: AppContext, dossier_id: str, file: Path | None, level: str,
                 title: str | None, kind: str | None, url: str | None, testimony: str | None,
                 source: str, obtained: str | None, collected_by: str,
                 supports: tuple[str, ...], as_email: str) -> None:
    """Add an evidence item (a file, a link or a testimony summary); prints its id."""
    from concerted.dossiers import allegations, evidence
    from concerted.dossiers.model import EvidenceKind, Level
    from concerted.dossiers.records import Provenance

    env, actor = acting(app, as_email)
    allegations.check_date(obtained)
    item = evidence.EvidenceInput(
        EvidenceKind(_kind(file, url, testimony, kind)), Level(level),
        title or (file.name if file else url or "testimony"), testimony or "", url,
        Provenance(source, obtained, collected_by), supports,
        file.name if file else None, file.read_bytes() if file else None)
    click.echo(evidence.add_evidence(env, actor, dossier_id, item))


@evidence_group.command("get")
@click.argument("evidence_id")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@AS_OPTION
@pass_app
@refusals
def get_evidence(app: AppContext, evidence_id: str, out: Path, as_email: str) -> None:
    """Write an evidence file, decrypted, to --out (the read is audited)."""
    from concerted.dossiers import evidence

    env, actor = acting(app, as_email)
    item, data = evidence.evidence_file(env, actor, evidence_id)
    out.write_bytes(data)
    click.echo(f"{item.sha256}  {out}")


@evidence_group.command("level")
@click.argument("evidence_id")
@click.argument("level", type=LEVELS)
@AS_OPTION
@pass_app
@refusals
def set_level(app: AppContext, evidence_id: str, level: str, as_email: str) -> None:
    """Change an item's confidentiality level."""
    from concerted.dossiers import evidence
    from concerted.dossiers.model import Level

    env, actor = acting(app, as_email)
    evidence.set_level(env, actor, evidence_id, Level(level))


@evidence_group.command("remove")
@click.argument("evidence_id")
@AS_OPTION
@pass_app
@refusals
def remove(app: AppContext, evidence_id: str, as_email: str) -> None:
    """Delete an item and its encrypted file (owners only)."""
    from concerted.dossiers import evidence

    env, actor = acting(app, as_email)
    evidence.remove_evidence(env, actor, evidence_id)


GROUPS = (allegations_group, evidence_group)
