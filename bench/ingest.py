"""Ingest benchmark: the whole shared history on SQLite and PostgreSQL, against the parse floor.

Prints, for each backend, the time and peak memory to ingest every file in
../shared/data/lists (64 OFAC snapshots and the rest), the time to parse the same files
without storing them (the floor), their ratio, and the time to add one further daily OFAC
snapshot on top of the history. Each phase runs in a child process so that its peak
memory (ru_maxrss) is its own, and so is its CPU time (user + system): on a machine shared
with other work the wall clock measures the queue for the cores as much as the ingest, while
the CPU seconds and their ratio to the parse floor's do not.

    .venv/bin/python bench/ingest.py [--lists ../shared/data/lists] [--pg postgresql://...]
                                     [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LISTS = ROOT.parent / "shared" / "data" / "lists"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def _sets(lists: Path) -> list[object]:
    from concerted.ingest import collect

    return collect([lists])


def phase_parse(lists: Path) -> dict[str, float]:
    sets = _sets(lists)
    start = time.perf_counter()
    count = 0
    for fileset in sets:
        assert fileset.source is not None  # type: ignore[attr-defined]
        blobs = {p.name: p.read_bytes() for p in fileset.paths}  # type: ignore[attr-defined]
        count += len(fileset.source.parse(blobs).listings)  # type: ignore[attr-defined]
    return {"seconds": time.perf_counter() - start, "files": len(sets), "listings": count}


def phase_ingest(lists: Path, url: str) -> dict[str, float]:
    from concerted.archive import Archive
    from concerted.ingest import IngestOptions, ingest
    from concerted.store.db import connect

    sets = _sets(lists)
    newest_us = max(
        (s for s in sets if s.source and s.source.id == "us_ofac_sdn"),
        key=lambda s: s.paths[0].parent.name,
    )
    history = [s for s in sets if s is not newest_us]
    engine = connect(url)
    with tempfile.TemporaryDirectory(prefix="concerted-bench-") as folder:
        archive = Archive(Path(folder))
        start = time.perf_counter()
        results = ingest(engine, archive, history, IngestOptions())
        history_seconds = time.perf_counter() - start
        start = time.perf_counter()
        results += ingest(engine, archive, [newest_us], IngestOptions())
        daily_seconds = time.perf_counter() - start
    engine.dispose()
    rejected = [r.message for r in results if r.status != "ingested"]
    return {
        "seconds": history_seconds + daily_seconds,
        "daily_seconds": daily_seconds,
        "files": len(results),
        "rejected": len(rejected),
    }


def _child(phase: str, lists: Path, url: str = "") -> dict[str, float]:
    command = [sys.executable, __file__, "--child", phase, "--lists", str(lists), "--url", url]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def _pg_database(admin: str) -> tuple[str, str]:
    import psycopg

    name = f"concerted_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, admin.rsplit("/", 1)[0] + "/" + name


def _drop(admin: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=Path, default=DEFAULT_LISTS)
    parser.add_argument("--pg", default=PG_ADMIN, help="PostgreSQL admin URL ('' to skip)")
    parser.add_argument("--child", default=None)
    parser.add_argument("--url", default="")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of the floor and of the SQLite ingest, alternating")
    args = parser.parse_args()
    if args.child:
        result = (
            phase_parse(args.lists) if args.child == "parse" else phase_ingest(args.lists, args.url)
        )
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result["peak_mb"] = usage.ru_maxrss / 1024
        result["cpu_seconds"] = usage.ru_utime + usage.ru_stime  # the whole child, imports too
        print(json.dumps(result))
        return
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    # The floor and the SQLite ingest alternate, `--repeat` times each, and the fastest run of
    # each counts: a core shared with other work only ever adds CPU time, so the minimum is
    # the least disturbed measure, and alternating exposes both to the same neighbours.
    floors, ingests = [], []
    for _ in range(args.repeat):
        floors.append(_child("parse", args.lists))
        with tempfile.TemporaryDirectory() as tmp:
            ingests.append(_child("ingest", args.lists, f"sqlite:///{tmp}/bench.db"))
    floor = min(floors, key=lambda run: run["cpu_seconds"])
    print(
        f"parse only (floor): {floor['seconds']:.1f} s ({floor['cpu_seconds']:.1f} s CPU; "
        f"runs {_cpus(floors)}), {floor['files']:.0f} file sets, "
        f"{floor['listings']:.0f} listings, peak {floor['peak_mb']:.0f} MB"
    )
    print(f"sqlite ingest CPU per run: {_cpus(ingests)}")
    _report("sqlite", min(ingests, key=lambda run: run["cpu_seconds"]), floor)
    if args.pg:
        name, url = _pg_database(args.pg)
        try:
            _report("postgresql", _child("ingest", args.lists, url), floor)
        finally:
            _drop(args.pg, name)


def _cpus(runs: list[dict[str, float]]) -> str:
    return ", ".join(f"{run['cpu_seconds']:.1f}" for run in runs) + " s"


def _report(backend: str, result: dict[str, float], floor: dict[str, float]) -> None:
    ratio = result["seconds"] / floor["seconds"] if floor["seconds"] else float("nan")
    cpu_ratio = result["cpu_seconds"] / floor["cpu_seconds"] if floor["cpu_seconds"] else 0.0
    print(
        f"{backend}: whole history {result['seconds']:.1f} s (target < 60 s), "
        f"{result['cpu_seconds']:.1f} s CPU ({cpu_ratio:.2f}× the floor's CPU), "
        f"peak {result['peak_mb']:.0f} MB (target < 1024 MB), {ratio:.2f}× the parse floor; "
        f"one further daily OFAC snapshot {result['daily_seconds']:.2f} s (target < 3 s); "
        f"{result['rejected']:.0f} rejected"
    )


if __name__ == "__main__":
    main()
