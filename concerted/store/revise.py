"""`python -m concerted.store.revise "what changed"`: write the next schema revision.

Edit `store/tables.py` first; this builds a scratch SQLite store at the newest revision,
compares it with the tables and writes `migrations/versions/NNNN_<slug>.py` with the
operations Alembic found (batch mode, so that SQLite can alter tables). Read and adjust the
file (data moves, server defaults for new NOT NULL columns), then run
`pytest tests/store/test_migrations.py`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from concerted.store.migrate import config, script_directory, upgrade

__all__ = ["main", "next_revision_id"]


def next_revision_id() -> str:
    numbers = [int(s.revision) for s in script_directory().walk_revisions()
               if s.revision.isdigit()]
    return f"{max(numbers, default=0) + 1:04d}"


def _slug(message: str, limit: int = 40) -> str:
    words = re.findall(r"[a-z0-9]+", message.lower())
    slug = words[0][:limit] if words else "revision"
    for word in words[1:]:
        if len(slug) + 1 + len(word) > limit:
            break
        slug += "_" + word
    return slug


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not args[0].strip():
        print('usage: python -m concerted.store.revise "what changed"', file=sys.stderr)
        return 2
    message = args[0].strip()
    rev_id = next_revision_id()
    slug = _slug(message)
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(f"sqlite:///{Path(scratch) / 'scratch.db'}")
        upgrade(engine)
        cfg = config()
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            cfg.set_main_option("file_template", f"{rev_id}_{slug}")
            script = command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()
    path = getattr(script, "path", None)
    if path and shutil.which("ruff"):
        subprocess.run(["ruff", "format", "--quiet", path], check=False)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
