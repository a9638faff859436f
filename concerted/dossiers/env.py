"""What every dossier operation needs, as one object: the store, the archive, the keyring,
the upload limit. Built once by a surface (CLI, API) from the settings and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import Engine

from concerted.accounts.users import find_user
from concerted.archive import Archive
from concerted.dossiers.binding import Binder
from concerted.dossiers.crypto import Sealer
from concerted.dossiers.keys import Keyring, key_file, load_keyring
from concerted.dossiers.policy import Actor, NotFound, load_actor
from concerted.settings import Settings

__all__ = ["DEFAULT_MAX_UPLOAD", "DossierEnv", "field"]

DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024


def field(table: str, column: str, row_id: str) -> str:
    """The associated data binding a sealed value to its place."""
    return f"{table}.{column}:{row_id}"


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
        limit = os.environ.get("CONCERTED_MAX_UPLOAD_MB")
        return cls(engine, Archive(settings.archive_dir),
                   load_keyring(key_file(settings.data_dir)),
                   int(float(limit) * 1024 * 1024) if limit else DEFAULT_MAX_UPLOAD)

    def actor(self, email: str) -> Actor:
        """The user behind an e-mail with their roles; NotFound when there is none."""
        user = find_user(self.engine, email)
        if user is None or user.disabled:
            raise NotFound(f"no active user {email.strip().lower()}")
        with self.engine.connect() as conn:
            return load_actor(conn, self.binder, user.id, user.email)
