"""What every dossier operation needs, as one object: the store, the archive, the keyring,
the upload limit. Built once by a surface (CLI, API) from the settings and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import Engine, func, select

from concerted.accounts.users import find_user
from concerted.archive import Archive
from concerted.dossiers.binding import Binder
from concerted.dossiers.crypto import Sealer
from concerted.dossiers.keys import KeyMissing, Keyring, load_keyring, passphrase
from concerted.dossiers.policy import Actor, NotFound, load_actor
from concerted.settings import Settings
from concerted.store.tables import dossiers

__all__ = ["DossierEnv", "field", "instance_keyring"]


def field(table: str, column: str, row_id: str) -> str:
    """The associated data binding a sealed value to its place."""
    return f"{table}.{column}:{row_id}"


def instance_keyring(settings: Settings, engine: Engine) -> Keyring:
    """This instance's keyring. A new one is made only at the default place and only while
    the store holds no dossier; a missing CONCERTED_KEY_FILE, or a missing keyring beside
    existing dossiers, is refused (a new keyring would read none of them)."""
    path, secret = settings.keyring_path, passphrase(settings)
    if path.exists() or settings.key_file is not None:
        return load_keyring(path, secret)
    with engine.connect() as conn:
        held = conn.execute(select(func.count()).select_from(dossiers)).scalar_one()
    if held:
        raise KeyMissing(f"no keyring at {path}, but the store holds {held} encrypted "
                         "dossier(s): set CONCERTED_KEY_FILE to their keyring")
    return load_keyring(path, secret, create=True)


@dataclass(frozen=True)
class DossierEnv:
    engine: Engine
    archive: Archive
    keyring: Keyring
    max_upload: int  # bytes: Settings.max_upload

    @cached_property
    def sealer(self) -> Sealer:
        return Sealer(self.keyring)

    @cached_property
    def binder(self) -> Binder:
        return Binder(self.keyring)

    @classmethod
    def from_settings(cls, settings: Settings, engine: Engine) -> DossierEnv:
        return cls(engine, Archive(settings.archive_dir), instance_keyring(settings, engine),
                   settings.max_upload)

    def actor(self, email: str) -> Actor:
        """The user behind an e-mail with their roles; NotFound when there is none."""
        user = find_user(self.engine, email)
        if user is None or user.disabled:
            raise NotFound(f"no active user {email.strip().lower()}")
        with self.engine.connect() as conn:
            return load_actor(conn, self.binder, user.id, user.email)
