"""A failed or suspicious download never replaces the last good snapshot, and says why.

Each fault is served after a good baseline (the real US list of 2022-12-08); the store must
hold exactly what it held before, the attempt must be recorded with its reason, and
`concerted sources` must show that reason and flag the source as failing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from local_servers import Invoke, ListServer
from sqlalchemy import func, select

from concerted.store.db import connect
from concerted.store.tables import changes, fetch_runs, listings, snapshots

pytestmark = pytest.mark.shared

FETCH = ("fetch", "--source", "us_ofac_sdn", "--format", "json", "--url")
HTML = (b"<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head><body>"
        b"<p>The list is being updated, try again later.</p></body></html>")


def _sdn(shared: Path, day: str) -> bytes:
    return (shared / "us" / day / "sdn.csv").read_bytes()


def _prefix(shared: Path) -> bytes:
    """The first 2,000 rows of the real file: a well-formed list, far too short."""
    return b"\r\n".join(_sdn(shared, "2022-12-09").split(b"\r\n")[:2000]) + b"\r\n"


def _duplicated(shared: Path) -> bytes:
    """The real file with its first row twice: it parses, and the parser refuses it."""
    data = _sdn(shared, "2022-12-09")
    return data.split(b"\r\n", 1)[0] + b"\r\n" + data


FAULTS: dict[str, tuple[Callable[[Path], dict[str, Any]], str]] = {
    "http 500": (lambda _: {"body": b"Internal error", "status": 500}, "HTTP 500"),
    "timeout": (lambda s: {"body": _sdn(s, "2022-12-09"), "mode": "slow", "delay": 1.5},
                "timed out"),
    "truncated body": (lambda s: {"body": _sdn(s, "2022-12-09"), "mode": "truncate"},
                       "cut short"),
    "html page": (lambda _: {"body": HTML, "content_type": "text/html"}, "HTML page"),
    "not the list": (lambda _: {"body": b"id,name\r\n1,someone\r\n"}, "is not a file of"),
    "too few rows": (lambda s: {"body": _prefix(s)}, "outside the expected"),
    "parse failure": (lambda s: {"body": _duplicated(s)}, "the same ent_num"),
}


def _store(db_url: str) -> dict[str, Any]:
    engine = connect(db_url)
    with engine.connect() as conn:
        state = {"snapshots": conn.execute(select(snapshots.c.published, snapshots.c.sha256)
                                           .order_by(snapshots.c.id)).all(),
                 "listings": conn.scalar(select(func.count()).select_from(listings)),
                 "changes": conn.scalar(select(func.count()).select_from(changes))}
        runs = conn.execute(select(fetch_runs).order_by(fetch_runs.c.id)).all()
    engine.dispose()
    return state | {"runs": runs}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_bad_download_keeps_the_last_good_snapshot(
    fault: str, shared_lists: Path, invoke: Invoke, lists: ListServer,
    set_day: Callable[[str], None], db_url: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONCERTED_FETCH_TIMEOUT", "0.5")
    monkeypatch.setenv("CONCERTED_FETCH_RETRIES", "1")
    url = lists.url("/sdn.csv")
    lists.serve("/sdn.csv", _sdn(shared_lists, "2022-12-08"))
    set_day("2022-12-08")
    assert invoke(*FETCH, url).exit_code == 0
    before = _store(db_url)

    make, reason = FAULTS[fault]
    lists.serve("/sdn.csv", **make(shared_lists))
    set_day("2022-12-09")
    result = invoke(*FETCH, url)

    assert result.exit_code == 1
    shown = json.loads(result.output)["sources"][0]
    assert shown["outcome"] == "failed" and reason in shown["error"]
    after = _store(db_url)
    assert {k: v for k, v in after.items() if k != "runs"} == \
        {k: v for k, v in before.items() if k != "runs"}
    last = after["runs"][-1]
    assert (last.outcome, last.source, last.url) == ("failed", "us_ofac_sdn", url)
    assert reason in last.error and last.finished >= last.started
    health = json.loads(invoke("sources", "--format", "json").output)
    us = next(row for row in health if row["source"] == "us_ofac_sdn")
    assert us["newest"] == "2022-12-08" and us["snapshots"] == 1
    assert reason in us["last_error"] and "FAILING" in us["status"]
