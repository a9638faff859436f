"""Content-addressed blob store: every raw list file is kept forever, named by its sha256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

__all__ = ["Archive", "sha256_of"]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Archive:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, digest: str) -> Path:
        return self.root / digest[:2] / digest

    def put(self, data: bytes) -> str:
        """Store bytes once; writes are atomic so a crash never leaves half a file."""
        digest = sha256_of(data)
        target = self.path_for(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
        return digest

    def get(self, digest: str) -> bytes:
        data = self.path_for(digest).read_bytes()
        if sha256_of(data) != digest:
            raise ValueError(f"archive blob {digest} is corrupt (its content no longer matches)")
        return data

    def has(self, digest: str) -> bool:
        return self.path_for(digest).exists()
