"""Read commands answering from kept results (issue 12 item 6): `concerted gaps`, `rounds`
and `coverage --format json` on a store, cold (results computed and kept) then warm.

    .venv/bin/python bench/kept.py --db sqlite:///path/to/store.db

Measured 2026-12-05 on the shared history resolved (26,202 listings), 2 loaded cores:
cold gaps 5.5 s, rounds 2.7 s, coverage 4.2 s; warm gaps 1.1 s, rounds 1.0 s, coverage
1.8 s (of which about 0.5 s is starting Python and the command line)."""

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
        for phase in ("cold", "warm"):
            for command in COMMANDS:
                print(f"{phase:5} {command:9} {_run(args.db, command, data):6.2f} s")
    finally:
        shutil.rmtree(data)


if __name__ == "__main__":
    main()
