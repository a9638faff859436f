"""Incremental resolution benchmark: `concerted resolve` after one further OFAC snapshot.

Builds a store from every shared list file except the two newest US snapshots and resolves
it in full (the run keeps its work in the data folder). Then, each time as a new process
(`concerted resolve`, interpreter start included), as a deployment's daily job runs it:
- adds the US snapshot of 2024-03-05 (the day after 2024-03-04: a daily update) and
  resolves; the incremental run is timed;
- adds the US snapshot of 2024-05-03 (two months later: hundreds of changes) and resolves.
Last, `concerted resolve --full` on a copy of the store says how far the incremental runs
were from a full one: the links it adds or retracts and the review queue it leaves.

    .venv/bin/python bench/resolve_daily.py [--lists ../shared/data/lists]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LISTS = ROOT.parent / "shared" / "data" / "lists"
LATER = ["us/2024-03-05", "us/2024-05-03"]


def _ingest(url: str, data: Path, folders: list[Path]) -> int:
    from concerted.archive import Archive
    from concerted.ingest import IngestOptions, collect, ingest
    from concerted.store.db import connect

    engine = connect(url)
    results = ingest(engine, Archive(data / "archive"), collect(folders), IngestOptions())
    engine.dispose()
    return len(results)


def _resolve(url: str, data: Path, *options: str) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    done = subprocess.run(
        [str(Path(sys.executable).with_name("concerted")), "--db", url, "resolve",
         "--format", "json", *options], check=True, capture_output=True, text=True,
        env={**os.environ, "CONCERTED_DATA_DIR": str(data)})
    seconds = time.perf_counter() - started
    report: dict[str, object] = json.loads(done.stdout)[0]
    return seconds, report


def _show(label: str, seconds: float, report: dict[str, object]) -> None:
    print(f"{label:34} {seconds:6.2f} s wall  ({report['mode']}, {report['changed']} changed, "
          f"{report['candidates']} pairs scored, run {report['seconds']} s; linked "
          f"{report['linked']}, retracted {report['retracted']}, queued {report['queued']})",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=Path, default=DEFAULT_LISTS)
    lists = parser.parse_args().lists
    later = [lists / folder for folder in LATER]
    earlier = sorted(p for p in lists.glob("*/*") if p.is_dir() and p not in later)
    with tempfile.TemporaryDirectory(prefix="concerted-daily-") as tmp:
        folder = Path(tmp)
        data, url = folder / "data", f"sqlite:///{folder / 'store.db'}"
        print(f"ingested {_ingest(url, data, earlier)} file sets (all but {', '.join(LATER)})",
              flush=True)
        _show("first resolve (full)", *_resolve(url, data))
        _show("again, nothing changed", *_resolve(url, data))
        for path in later:
            _ingest(url, data, [path])
            _show(f"after {path.parent.name}/{path.name}", *_resolve(url, data))
        shutil.copy(folder / "store.db", folder / "full.db")
        seconds, report = _resolve(f"sqlite:///{folder / 'full.db'}", data, "--full")
        _show("a full run after them (a copy)", seconds, report)
        ours, theirs = _queue(folder / "store.db"), _queue(folder / "full.db")
        print(f"difference from a full run: {report['linked']} links added, "
              f"{report['retracted']} retracted; review queue {len(ours)} pairs, the full "
              f"run's {len(theirs)}, {len(ours & theirs)} in both")


def _queue(path: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return set(conn.execute("SELECT left_ref, right_ref FROM resolve_queue").fetchall())


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
