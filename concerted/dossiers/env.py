"""What every dossier operation needs, as one object: the store, the archive, the keyring,
the upload limit. Built once by a surface (CLI, API) from the settings and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import Engine, func, select

from concerted.accounts.users import find_user
from concerted.archive import Archive
from concerted.dossiers.binding import Binder
from concerted.dossiers.crypto import Sealer
from concerted.dossiers.keys import (
    KeyMissing,
    Keyring,
    key_file,
    key_file_is_set,
    load_keyring,
    passphrase_from_env,
)
from concerted.dossiers.policy import Actor, NotFound, load_actor
from concerted.settings import Settings
from concerted.store.tables import dossiers

__all__ = ["DEFAULT_MAX_UPLOAD", "DossierEnv", "field", "instance_keyring",
           "max_upload_from_env"]

DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024


def max_upload_from_env() -> int:
    """The upload limit in bytes: `CONCERTED_MAX_UPLOAD_MB`, 50 MB by default."""
    limit = os.environ.get("CONCERTED_MAX_UPLOAD_MB")
    return int(float(limit) * 1024 * 1024) if limit else DEFAULT_MAX_UPLOAD


def field(table: str, column: str, row_id: str) -> str:
    """The associated data binding a sealed value to its place."""
    return f"{table}.{column}:{row_id}"


def instance_keyring(settings: Settings, engine: Engine) -> Keyring:
    """This instance's keyring. A new one is made only at the default place and only while
    the store holds no dossier; a missing CONCERTED_KEY_FILE, or a missing keyring beside
    existing dossiers, is refused (a new keyring would read none of them)."""
    path = key_file(settings.data_dir)
    passphrase = passphrase_from_env(settings.data_dir)
    if path.exists() or key_file_is_set():
        return load_keyring(path, passphrase=passphrase)
    with engine.connect() as conn:
        held = conn.execute(select(func.count()).select_from(dossiers)).scalar_one()
    if held:
        raise KeyMissing(f"no keyring at {path}, but the store holds {held} encrypted "
                         "dossier(s): set CONCERTED_KEY_FILE to their keyring")
    return load_keyring(path, create=True, passphrase=passphrase)


@dataclass(frozen=True)
class DossierEnv:
    engine: Engine
    archive: Archive
    keyring: Keyring
    max_upload: int = DEFAULT_MAX_UPLOAD

    @cached_property
    def sealer(self) -> Sealer:
        return Sealer(self.keyring)

    @cached_property
    def binder(self) -> Binder:
        return Binder(self.keyring)

    @classmethod
    def from_settings(cls, settings: Settings, engine: Engine) -> DossierEnv:
        return cls(engine, Archive(settings.archive_dir), instance_keyring(settings, engine),
                   max_upload_from_env())

    def actor(self, email: str) -> Actor:
        """The user behind an e-mail with their roles; NotFound when there is none."""
        user = find_user(self.engine, email)
        if user is None or user.disabled:
            raise NotFound(f"no active user {email.strip().lower()}")
        with self.engine.connect() as conn:
            return load_actor(conn, self.binder, user.id, user.email)
