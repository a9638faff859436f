"""`concerted keys init` and `concerted keys passphrase`: making the keyring and changing the
passphrase that wraps it (`keys rotate`, `list`, `public`, `trust` are in
dossier_security_cmd)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from concerted.cli.context import AppContext, pass_app
from concerted.cli.dossier_security_cmd import keys_group

__all__ = ["register"]


@keys_group.command("init")
@pass_app
def init_command(app: AppContext) -> None:
    """Make a new keyring at CONCERTED_KEY_FILE (default <data dir>/keys/keyring.json),
    wrapped with the passphrase from CONCERTED_KEY_PASSPHRASE_FILE or
    CONCERTED_KEY_PASSPHRASE. Refuses to replace an existing keyring."""
    from concerted.dossiers.keys import PassphraseError, new_keyring, passphrase

    path = app.settings.keyring_path
    try:
        keyring = new_keyring(path, passphrase(app.settings))
    except (FileExistsError, PassphraseError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"new keyring at {path}: data key {keyring.active_data_key().id}, signing key "
               f"{keyring.active_signing_key().id}. Keep a copy of it and of the passphrase, "
               "apart from each other and from the backups.")


@keys_group.command("passphrase")
@click.option("--new-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Read the new passphrase from this file.")
@pass_app
def passphrase_command(app: AppContext, new_file: Path | None) -> None:
    """Re-wrap the keyring under a new passphrase (read from --new-file, else one line of
    standard input); the current one comes from the usual settings. Then point
    CONCERTED_KEY_PASSPHRASE(_FILE) at the new one."""
    from concerted.dossiers.keys import (
        KeyMissing,
        Passphrase,
        PassphraseError,
        load_keyring,
        passphrase,
        save_keyring,
    )
    from concerted.dossiers.keywrap import MIN_PASSPHRASE

    path = app.settings.keyring_path
    try:
        current = passphrase(app.settings)
        keyring = load_keyring(path, current)
    except (KeyMissing, PassphraseError) as exc:
        raise click.ClickException(str(exc)) from None
    raw = new_file.read_text(encoding="utf-8") if new_file else sys.stdin.readline()
    new = raw.rstrip("\r\n")
    if len(new) < MIN_PASSPHRASE:
        raise click.ClickException(f"the new passphrase needs at least {MIN_PASSPHRASE} "
                                   "characters; the keyring was left as it was")
    save_keyring(replace(keyring, passphrase=Passphrase(new, current.cheap)))
    click.echo(f"keyring at {path} re-wrapped under the new passphrase")


def register(_cli: click.Group) -> None:
    """The commands attach to `keys` on import; `keys` itself is registered with the other
    dossier commands."""
