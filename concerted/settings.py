"""Frozen settings read once from CONCERTED_* environment variables and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_DB", "Settings"]

DEFAULT_DB = "sqlite:///concerted.db"


@dataclass(frozen=True)
class Settings:
    db_url: str = DEFAULT_DB
    data_dir: Path = Path("concerted-data")

    @classmethod
    def from_env(cls, db_url: str | None = None) -> Settings:
        return cls(
            db_url=db_url or os.environ.get("CONCERTED_DB", DEFAULT_DB),
            data_dir=Path(os.environ.get("CONCERTED_DATA_DIR", "concerted-data")),
        )

    @property
    def archive_dir(self) -> Path:
        return self.data_dir / "archive"
