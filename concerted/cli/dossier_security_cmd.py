"""`concerted audit verify | head`, `concerted keys rotate | list | public | trust`,
`concerted backup FILE`, `concerted restore FILE`, and `concerted dossiers export | import`
(signed exchange bundles)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from concerted.cli.context import AppContext, pass_app
from concerted.cli.dossier_common import AS_OPTION, acting, dossier_env, refusals
from concerted.cli.output import FORMAT_OPTION, emit

if TYPE_CHECKING:
    from concerted.dossiers.keys import Keyring

__all__ = ["COMMANDS", "add_bundle_commands"]

FILE = click.Path(dir_okay=False, path_type=Path)


@click.group("audit")
def audit_group() -> None:
    """The hash-chained log of every read and write of confidential material."""


@audit_group.command("verify")
@click.option("--head", "heads", multiple=True, metavar="SEQ:HASH",
              help="An entry's number and hash recorded elsewhere by `audit head` (repeatable;"
                   " catches a log rewritten or put back from an old copy).")
@click.option("--heads", "heads_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), default=None,
              help="A file of `audit head` lines kept where the server cannot write.")
@pass_app
def verify_command(app: AppContext, heads: tuple[str, ...], heads_file: Path | None) -> None:
    """Exit 0 when the chain, the permission rows, the encrypted files and the sealed fields
    are intact."""
    from concerted.dossiers import audit, verify

    try:
        lines = [*heads, *(_head_lines(heads_file) if heads_file else [])]
        expected = [audit.parse_head(line) for line in lines]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--head") from None
    faults = verify.verify(dossier_env(app), expected)
    if faults:
        click.echo(f"FAULT: {faults[0]}", err=True)
        if len(faults) > 1:
            click.echo(f"({len(faults) - 1} more fault(s) found)", err=True)
        sys.exit(1)
    with dossier_env(app).engine.connect() as conn:
        seq, last = audit.head(conn)
    click.echo(f"intact: {seq} audit entries, head {seq}:{last}")


def _head_lines(path: Path) -> list[str]:
    # Each line as `audit head` printed it, perhaps with a date after a space.
    return [line.split()[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


@audit_group.command("head")
@pass_app
def head_command(app: AppContext) -> None:
    """The last entry as SEQ:HASH, to append somewhere the server cannot write (a file owned
    by another user, a ticket, a signed e-mail) and give to `audit verify --head(s)`."""
    from concerted.dossiers import audit

    with app.engine.connect() as conn:
        seq, last = audit.head(conn)
    click.echo(f"{seq}:{last}")


@audit_group.command("bind")
@pass_app
@refusals
def bind_command(app: AppContext) -> None:
    """Once, after upgrading a store made before keyed audit: MAC the audit log and tag the
    permission rows with the keyring's MAC key. Refused on a store already keyed."""
    from concerted.dossiers import verify

    counts = verify.bind(dossier_env(app))
    click.echo(f"keyed {counts['entries']} audit entries and tagged {counts['rows']} "
               "permission row(s)")


@click.group("keys")
def keys_group() -> None:
    """Data keys (encryption at rest) and signing keys (exchange bundles)."""


@keys_group.command("rotate")
@click.option("--drop-old", is_flag=True, help="Forget old data keys once re-encrypted "
              "(backups made before cannot then be read).")
@pass_app
@refusals
def rotate_command(app: AppContext, drop_old: bool) -> None:
    """Make a new data key and re-encrypt every sealed field and file under it."""
    from concerted.dossiers import rotation

    keyring, counts = rotation.rotate(dossier_env(app), drop_old)
    click.echo(f"now using {keyring.active_data_key().id}: re-encrypted {counts['fields']} "
               f"field(s) and {counts['files']} file(s)")


@keys_group.command("list")
@FORMAT_OPTION
@pass_app
def list_command(app: AppContext, fmt: str) -> None:
    """Key ids, kinds and dates (never the keys)."""
    ring = dossier_env(app).keyring
    rows = [{"id": k.id, "kind": "data", "created": k.created, "active": k.active}
            for k in ring.data_keys]
    rows += [{"id": k.id, "kind": "signing", "created": k.created, "active": k.active}
             for k in ring.signing_keys]
    emit(rows, fmt, ["id", "kind", "created", "active"], "keys")


@keys_group.command("public")
@pass_app
def public_command(app: AppContext) -> None:
    """This instance's Ed25519 public key (hex), for partners to trust its bundles."""
    from concerted.dossiers.keys import public_key_hex

    click.echo(public_key_hex(dossier_env(app).keyring.active_signing_key()))


@keys_group.command("trust")
@click.argument("public_key")
@click.option("--org", required=True, metavar="NAME")
@click.option("--from", "sender", required=True, metavar="ORG",
              help="The sending organisation, as its instance names it: an instance signs "
                   "for all its organisations, so the key alone is not enough.")
@click.option("--label", required=True, help="Whose key it is.")
@AS_OPTION
@pass_app
@refusals
def trust_command(app: AppContext, public_key: str, org: str, sender: str, label: str,
                  as_email: str) -> None:
    """Let ORG import bundles that organisation --from sends, signed by its instance's
    PUBLIC_KEY (owners only)."""
    from concerted.dossiers import bundle_import

    env, actor = acting(app, as_email)
    click.echo(bundle_import.trust_key(env, actor, org, public_key, label, sender))


@click.command("backup")
@click.argument("file", type=FILE)
@pass_app
@refusals
def backup_command(app: AppContext, file: Path) -> None:
    """Write every table and archived file to FILE, encrypted and signed with the keyring's
    active data key (the keyring itself is never in it). Works on a store that still needs
    `concerted upgrade`."""
    from concerted.dossiers import backup
    from concerted.dossiers.env import instance_keyring
    from concerted.store.db import connect
    from concerted.store.migrate import SchemaError

    engine = connect(app.settings.db_url, create=False)
    try:
        keyring = instance_keyring(app.settings, engine)
        summary = backup.backup(engine, app.archive, keyring, file)
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        engine.dispose()
    click.echo(f"backed up {len(summary['tables'])} tables and {len(summary['files'])} files "
               f"(schema revision {summary['schema_revision']}, data key {summary['key_id']})")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--unsigned", is_flag=True,
              help="Accept a concerted-backup/1 file (neither signed nor encrypted).")
@pass_app
@refusals
def restore_command(app: AppContext, file: Path, unsigned: bool) -> None:
    """Restore a backup into an empty store and data folder, then migrate it to the newest
    schema revision. Needs the keyring holding the backup's data key."""
    from concerted.cli.upgrade_cmd import after_upgrade_steps
    from concerted.dossiers import backup
    from concerted.dossiers.keys import load_keyring, passphrase
    from concerted.store.migrate import head_revision

    path = app.settings.keyring_path
    # A format-1 backup needs no keyring; a missing one is never made here.
    keyring: Keyring | None = (load_keyring(path, passphrase(app.settings)) if path.exists()
                               else None)
    summary = backup.restore(app.engine, app.archive, keyring, file, unsigned)
    after_upgrade_steps(app, summary["restored_revision"])
    click.echo(f"restored {len(summary['tables'])} tables and {len(summary['files'])} files "
               f"(taken at schema revision {summary['restored_revision']}, now "
               f"{head_revision()})")


def add_bundle_commands(group: click.Group) -> None:
    @group.command("export")
    @click.argument("dossier_id")
    @click.option("--level", type=click.Choice(["public", "governments", "internal"]),
                  required=True, help="The recipient's level: nothing above it is included.")
    @click.option("--out", type=FILE, required=True)
    @AS_OPTION
    @pass_app
    @refusals
    def export_command(app: AppContext, dossier_id: str, level: str, out: Path,
                       as_email: str) -> None:
        """Export a signed bundle redacted to the recipient's level (owners only)."""
        from concerted.dossiers import bundle
        from concerted.dossiers.model import Level

        env, actor = acting(app, as_email)
        out.write_bytes(bundle.export_bundle(env, actor, dossier_id, Level(level)))

    @group.command("import")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--org", required=True, metavar="NAME")
    @AS_OPTION
    @pass_app
    @refusals
    def import_command(app: AppContext, file: Path, org: str, as_email: str) -> None:
        """Import a bundle signed by a trusted key; prints the new dossier's id."""
        from concerted.dossiers import bundle_import

        env, actor = acting(app, as_email)
        click.echo(bundle_import.import_bundle(env, actor, org, file.read_bytes()))


COMMANDS = (audit_group, keys_group, backup_command, restore_command)
