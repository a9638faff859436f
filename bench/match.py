"""Match benchmark: `concerted match --name "Ramzan Kadyrov"` cold and warm on the shared
store, end to end (a fresh process each time, as a user runs it) and the matching step alone.

Uses `--db` (already ingested and resolved), else ingests every file in the shared lists into
a temporary SQLite store and runs `concerted resolve` first. The first run builds what the
matcher keeps (`<data dir>/cache/`); the warm runs read it back. Target (issue 12): warm
under 1 s. The end-to-end figure includes starting Python and importing the command line.

    .venv/bin/python bench/match.py [--db sqlite:////tmp/shared.db] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT.parent / "shared" / "data" / "lists"
CONCERTED = str(Path(sys.executable).with_name("concerted"))  # this interpreter's entry point
NAME = "Ramzan Kadyrov"
TARGET_SECONDS = 1.0


def _store(folder: Path) -> str:
    url = f"sqlite:///{folder / 'concerted.db'}"
    env = {**os.environ, "CONCERTED_DATA_DIR": str(folder / "data")}
    for args in (["ingest", str(LISTS)], ["resolve"]):
        subprocess.run([CONCERTED, "--db", url, *args], env=env, check=True,
                       stdout=subprocess.DEVNULL)
    return url


def _cli(url: str, data: Path) -> float:
    env = {**os.environ, "CONCERTED_DATA_DIR": str(data)}
    start = time.perf_counter()
    subprocess.run([CONCERTED, "--db", url, "match", "--name", NAME, "--format", "json"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _in_process(url: str, data: Path) -> tuple[float, float]:
    """Seconds to load the kept matcher, and to match once with it."""
    from concerted.matching.query import query_from_options
    from concerted.state.kept_matcher import kept_matcher
    from concerted.store.db import connect

    start = time.perf_counter()
    matcher = kept_matcher(connect(url), data / "cache")
    loaded = time.perf_counter()
    matcher.match(query_from_options([NAME]), matcher.sources("default") or frozenset())
    return loaded - start, time.perf_counter() - loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=None, metavar="URL")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="concerted-bench-match-"))
    url = args.db or _store(folder)
    data = folder / "data"
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(other work on the machine skews the figures)")
    print(f"cold (builds the kept matcher): {_cli(url, data):.2f} s")
    warm = [_cli(url, data) for _ in range(args.runs)]
    verdict = "ok" if statistics.median(warm) < TARGET_SECONDS else f"OVER {TARGET_SECONDS} s"
    print(f"warm, end to end: median {statistics.median(warm):.2f} s, "
          f"best {min(warm):.2f} s over {args.runs} runs  {verdict}")
    start = time.perf_counter()
    subprocess.run([CONCERTED, "--help"], check=True, stdout=subprocess.DEVNULL)
    print(f"of which starting the command line (`concerted --help`): "
          f"{time.perf_counter() - start:.2f} s")
    load, match = _in_process(url, data)
    print(f"in process: load the kept matcher {load:.2f} s, match {match:.2f} s")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(f"bare interpreter start (the machine's load): {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
