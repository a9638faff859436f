"""Web benchmark: latency (p50/p95/p99) and throughput of search, the target page and
match, under concurrent clients, against `concerted serve` on SQLite and on PostgreSQL.

Starts `concerted serve` on a free loopback port for each store, waits until the analyses
are computed, then runs each scenario with `--clients` concurrent httpx clients for at most
`--requests` requests or `--seconds` seconds, whichever comes first. Loopback only; every
loop is bounded. Targets: p95 under 100 ms for search and for match; `/healthz` under
200 ms while four clients send the largest match requests the caps admit (issue 15).

Stores: `--sqlite URL` / `--postgres URL` (already ingested), else the shared lists are
ingested first (the snapshot subset of tests/web_store.py) and resolved (`concerted resolve`)
into a temporary SQLite file and
into a fresh PostgreSQL database on $CONCERTED_TEST_PG (default postgres@127.0.0.1:5432),
dropped afterwards. `--skip-postgres` for SQLite alone.

    .venv/bin/python bench/web.py [--clients 20] [--requests 2000] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT.parent / "shared" / "data" / "lists"
TARGET_P95_MS = 100.0
NAMES = ["zhu hailun", "putin", "lukashenko", "chen quanguo", "kadyrov", "ali", "Лукашенко",
         "min aung hlaing", "bastrykin", "wang junzheng", "soleimani", "maduro"]
Request = Callable[[httpx.AsyncClient, int], Any]


def _build(url: str, folder: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from web_store import US_SNAPSHOTS

    from concerted.archive import Archive
    from concerted.ingest import IngestOptions, collect, ingest
    from concerted.resolve.xref import run as resolve
    from concerted.store.db import connect

    folders = [LISTS / "us" / d for d in US_SNAPSHOTS]
    folders += [p for p in sorted(LISTS.iterdir()) if p.is_dir() and p.name != "us"]
    engine = connect(url)
    ingest(engine, Archive(folder / "archive"), collect(folders), IngestOptions())
    resolve(engine)
    engine.dispose()


@contextmanager
def _postgres_db() -> Iterator[str]:
    import psycopg

    admin = os.environ.get("CONCERTED_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"concerted_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{admin.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def _serve(db_url: str) -> Iterator[str]:
    port = _port()
    command = [str(ROOT / ".venv" / "bin" / "concerted"), "--db", db_url, "serve",
               "--host", "127.0.0.1", "--port", str(port), "--no-access-log"]
    # One benchmark client sends thousands of names: lift the per-client match budget.
    env = {**os.environ, "CONCERTED_MATCH_RATE": "100000000"}
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, server)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def _wait(base: str, server: subprocess.Popen[bytes], limit: float = 180.0) -> None:
    """Until the analyses are computed (the first /api/v1/sources waits for them)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"concerted serve exited: {server.stderr.read()!r}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"{base}/api/v1/sources", timeout=limit).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("the server did not become ready")


def _scenarios(base: str) -> dict[str, Request]:
    targets = [r["target_id"] for name in NAMES[:6] for r in httpx.get(
        f"{base}/api/v1/search", params={"q": name, "limit": 3}).json()["results"]]

    def search(client: httpx.AsyncClient, i: int) -> Any:
        return client.get("/api/v1/search", params={"q": NAMES[i % len(NAMES)]})

    def target_page(client: httpx.AsyncClient, i: int) -> Any:
        return client.get(f"/targets/{targets[i % len(targets)]}")

    def match(client: httpx.AsyncClient, i: int) -> Any:
        query = {"schema": "Person", "properties": {"name": [NAMES[i % len(NAMES)]]}}
        return client.post("/match/default", json={"queries": {"q1": query}})

    return {"search": search, "target page": target_page, "match": match}


async def _run(base: str, request: Request, clients: int, total: int, seconds: float
               ) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))
    deadline = time.monotonic() + seconds

    async def client_loop() -> None:
        # One client (one keep-alive connection) each, as separate users would be.
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=30.0) as client:
            for i in counter:
                if time.monotonic() > deadline:
                    return
                start = time.perf_counter()
                response = await request(client, i)
                latencies.append((time.perf_counter() - start) * 1000)
                errors += response.status_code != 200

    started = time.perf_counter()
    await asyncio.gather(*(client_loop() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {"requests": len(latencies), "errors": errors, "p50": cuts[49], "p95": cuts[94],
            "p99": cuts[98], "rps": len(latencies) / elapsed}


async def _health_under_match(base: str, clients: int = 4, rounds: int = 3) -> dict[str, float]:
    """/healthz latency while `clients` clients each send `rounds` of the largest request the
    caps admit (5 queries of 10 names; issue 15: scoring must not hold the event loop)."""
    big = {f"q{i}": {"schema": "Person", "properties": {
        "name": [f"{NAMES[(i * 10 + j) % len(NAMES)]} {j}" for j in range(10)]}}
        for i in range(5)}
    spans: list[tuple[float, float]] = []
    waits: list[tuple[float, float]] = []

    async def large(client: httpx.AsyncClient) -> None:
        for _ in range(rounds):
            start = time.perf_counter()
            response = await client.post("/match/default", json={"queries": big})
            response.raise_for_status()
            spans.append((start, time.perf_counter()))

    async with httpx.AsyncClient(base_url=base, timeout=120.0) as client:
        idle = []  # the same checks with no match running: what the machine's load alone costs
        for _ in range(25):
            start = time.perf_counter()
            (await client.get("/healthz")).raise_for_status()
            idle.append((time.perf_counter() - start) * 1000)
            await asyncio.sleep(0.02)
        matches = [asyncio.create_task(large(client)) for _ in range(clients)]
        while not all(m.done() for m in matches):
            start = time.perf_counter()
            (await client.get("/healthz")).raise_for_status()
            waits.append((start, (time.perf_counter() - start) * 1000))
            await asyncio.sleep(0.02)
        await asyncio.gather(*matches)
    during = sorted(ms for at, ms in waits if any(a <= at <= b for a, b in spans))
    longest = max(b - a for a, b in spans)
    return {"health checks": len(during), "p50": statistics.median(during),
            "max": during[-1], "match seconds": longest, "idle p50": statistics.median(idle),
            "idle max": max(idle)}


def _report(backend: str, base: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    load = os.getloadavg()[0]
    print(f"{backend}: {args.clients} clients, load average before {load:.1f} on "
          f"{os.cpu_count()} cores (other work on the machine skews the figures)", flush=True)
    rows = []
    for name, request in _scenarios(base).items():
        asyncio.run(_run(base, request, args.clients, 100, 10))  # warm-up
        result = asyncio.run(_run(base, request, args.clients, args.requests, args.seconds))
        rows.append({"backend": backend, "scenario": name, **result})
        verdict = "" if name == "target page" else (
            "  ok" if result["p95"] < TARGET_P95_MS else f"  OVER {TARGET_P95_MS:.0f} ms")
        print(f"{backend:10} {name:12} n={result['requests']:5.0f} err={result['errors']:.0f} "
              f"p50={result['p50']:6.1f} p95={result['p95']:6.1f} p99={result['p99']:6.1f} ms "
              f"{result['rps']:7.1f} req/s{verdict}", flush=True)
    health = asyncio.run(_health_under_match(base))
    rows.append({"backend": backend, "scenario": "healthz during large matches", **health})
    verdict = "ok" if health["max"] < 200 else "OVER 200 ms"
    print(f"{backend:10} healthz while 4 clients send 50-name matches (up to "
          f"{health['match seconds']:.1f} s each): n={health['health checks']:.0f} "
          f"p50={health['p50']:.1f} max={health['max']:.1f} ms  {verdict} (no match running: "
          f"p50={health['idle p50']:.1f} max={health['idle max']:.1f} ms)", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--sqlite", default=None, metavar="URL")
    parser.add_argument("--postgres", default=None, metavar="URL")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="concerted-bench-web-"))
    sqlite = args.sqlite or f"sqlite:///{folder / 'web.db'}"
    if args.sqlite is None:
        _build(sqlite, folder)
    with _serve(sqlite) as base:
        _report("sqlite", base, args)
    if args.skip_postgres:
        return
    if args.postgres:
        with _serve(args.postgres) as base:
            _report("postgresql", base, args)
        return
    with _postgres_db() as url:
        _build(url, folder)
        with _serve(url) as base:
            _report("postgresql", base, args)


if __name__ == "__main__":
    main()
