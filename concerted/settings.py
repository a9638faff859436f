"""The one settings object: every CONCERTED_* environment variable is read here, once, and
the `Settings` it makes is passed down (CLI context, app state, dossier environment).
Nothing else in Concerted reads the environment. The variables and their defaults are listed
in README.md ("Configuration"); docs/fetch.md and docs/alerts.md say more of theirs.

An empty variable counts as unset. A value that does not fit is refused when the settings
are read, naming the variable (`SettingsError`), not later wherever it is used.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

__all__ = ["DEFAULT_DB", "Settings", "SettingsError"]

DEFAULT_DB = "sqlite:///concerted.db"
_PREFIX = "CONCERTED_"
_URL = _PREFIX + "URL_"


class SettingsError(ValueError):
    """A CONCERTED_* variable whose value does not fit; the message names it."""


class _SourceUrls(PydanticBaseSettingsSource):
    """CONCERTED_URL_<SOURCE ID>: one variable per source, so not a fixed field name."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        urls = {key[len(_URL):].lower(): value for key, value in os.environ.items()
                if key.upper().startswith(_URL) and value}
        return {"source_urls": urls} if urls else {}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=_PREFIX, env_ignore_empty=True, frozen=True,
                                      extra="ignore", validate_by_name=True,
                                      validate_by_alias=True)

    # The store and the data folder (`--db` overrides CONCERTED_DB).
    db_url: str = Field(default=DEFAULT_DB, validation_alias="CONCERTED_DB")
    data_dir: Path = Path("concerted-data")

    # The dossier keyring (concerted.dossiers.keys / keywrap).
    key_file: Path | None = None  # default: <data dir>/keys/keyring.json
    key_passphrase: SecretStr | None = None
    key_passphrase_file: Path | None = None
    key_kdf_test: bool = False  # cheap argon2id parameters: the test suite only
    max_upload_mb: float = Field(default=50, gt=0)

    # Serving (concerted.app_options).
    public: bool = True
    secure_cookies: Literal["auto", "always", "never"] = "auto"
    match_rate: int = Field(default=300, ge=1)  # names one client may have matched per minute

    # Ingest and fetch (concerted.updates.settings).
    ingest_wait: float = Field(default=600, ge=0)  # seconds to wait for another ingest to finish
    fetch_timeout: float = 60
    fetch_retries: int = Field(default=3, ge=0)
    fetch_backoff: float = 2
    fetch_max_mb: float = Field(default=256, gt=0)
    fetch_deadline: float = 600
    fetch_parallel: int = 4
    source_urls: dict[str, str] = Field(default_factory=dict)  # source id -> address

    # Alerts (concerted.alerts.settings).
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "concerted@localhost"
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    webhook_timeout: float = 10
    webhook_retries: int = Field(default=3, ge=0)
    webhook_backoff: float = 2
    webhook_allow_private: bool = False
    base_url: str = "http://localhost:8000"

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Arguments first, then the environment; no .env file, no secrets folder.
        return init_settings, env_settings, _SourceUrls(settings_cls)

    @field_validator("secure_cookies", mode="before")
    @classmethod
    def _cookies(cls, value: object) -> object:
        text = str(value).strip().lower()
        return ("always" if text in ("1", "true", "yes", "always") else
                "never" if text in ("0", "false", "no", "never") else "auto")

    @classmethod
    def from_env(cls, db_url: str | None = None) -> Settings:
        """The settings from the environment; `db_url` (from `--db`) wins over CONCERTED_DB."""
        try:
            return cls(db_url=db_url) if db_url else cls()
        except ValidationError as exc:
            raise SettingsError(_explain(exc)) from None

    @property
    def archive_dir(self) -> Path:
        return self.data_dir / "archive"

    @property
    def resolve_kept(self) -> Path:
        """Where `concerted resolve` keeps its work for the next run: one file per store
        (`concerted.resolve.kept`)."""
        store = hashlib.sha256(self.db_url.encode()).hexdigest()[:16]
        return self.data_dir / "resolve" / f"kept-{store}.db"

    @property
    def keyring_path(self) -> Path:
        return self.key_file or self.data_dir / "keys" / "keyring.json"

    @property
    def max_upload(self) -> int:
        """The largest evidence file accepted, in bytes."""
        return int(self.max_upload_mb * 1024 * 1024)


def _explain(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "?"
        variable = name if name.startswith(_PREFIX) else _PREFIX + name.upper()
        problems.append(f"{variable}={error.get('input')!r}: {error['msg']}")
    return "; ".join(problems) + " (fix or unset the variable)"
