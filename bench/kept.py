"""Read commands answering from kept results (issue 12 item 6): `concerted gaps`, `rounds`
and `coverage --format json` on a store, cold (results computed and kept), warm, then after
one judgement (the kept results brought up to it: `concerted.reports.rejudge`) and warm
again. A SQLite store is copied first (the judgement is written to the copy only).

    .venv/bin/python bench/kept.py --db sqlite:///path/to/store.db

Measured 2026-12-06 on the shared history resolved (/tmp/dbg/concerted.db, 26,379 listings),
2 cores, load about 1: cold gaps 6.3 s, rounds 2.3 s, coverage 4.2 s; warm 0.59 s, 0.61 s,
0.68 s (was 1.4, 1.3, 1.5 s before the command line stopped importing what --help does not
need: nearly all of a warm answer is starting Python, SQLAlchemy and the settings); after one
judgement 3.7 s, 2.4 s, 4.7 s (inputs and designations brought up to it, then kept again;
coverage is computed again whole)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = ("gaps", "rounds", "coverage")


def _run(db: str, command: str, data: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("concerted")), "--db", db, command,
                    "--format", "json"], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "CONCERTED_DATA_DIR": str(data)})
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="concerted-kept-"))
    try:
        db = args.db
        if db.startswith("sqlite:///"):
            shutil.copy(db.removeprefix("sqlite:///"), data / "bench.db")
            db = f"sqlite:///{data / 'bench.db'}"
        for phase in ("cold", "warm", "judged", "warm"):
            if phase == "judged":
                _judge(db)
            for command in COMMANDS:
                print(f"{phase:6} {command:9} {_run(db, command, data):6.2f} s", flush=True)
    finally:
        shutil.rmtree(data)


def _judge(db: str) -> None:
    """One person's judgement: the review queue's first pair, the same target."""
    from concerted.model import ListingRef
    from concerted.resolve import journal
    from concerted.state import judging
    from concerted.store.db import connect

    engine = connect(db)
    pair = journal.queue(engine)[0]
    judging.record(engine, ListingRef.parse(pair.left), ListingRef.parse(pair.right), "positive",
                   "bench@example.org")
    engine.dispose()


if __name__ == "__main__":
    main()
