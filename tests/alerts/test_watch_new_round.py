"""`concerted watch` on real snapshots: a new OFAC snapshot that creates a coordinated round
raises a "new round" alert for it and for nothing else, and the gap alerts are exactly the
change in `concerted gaps` (issue 12, must-show).

The store holds the UK's consolidated list (2025-04-14, its own listing dates) and the OFAC
list of 8 December 2022; the watch then fetches OFAC's list of 9 December 2022 (the day of
the UK's and the US's Human Rights Day designations). Each pass resolves (`concerted
resolve`), so the new listings are linked to the UK's before the analyses run. Marked
`shared`: a few minutes (two resolutions of ~16,000 listings).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from local_servers import Invoke, ListServer

from concerted.alerts.queries import list_alerts
from concerted.store.db import connect

pytestmark = pytest.mark.shared


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    """SQLite only: the watch's analyses are the same code on PostgreSQL (tests/store)."""
    return f"sqlite:///{tmp_path / 'concerted.db'}"


def _json(invoke: Invoke, *args: str) -> Any:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _rounds(rows: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(r["date_from"], r["date_to"], tuple(r["jurisdictions"]),
             frozenset(t["target_id"] for t in r["targets"])) for r in rows}


def _gaps(rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(g["target_id"], m["jurisdiction"]) for g in rows for m in g["missing"]}


def _watch(invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
           snapshot: Path) -> dict[str, Any]:
    lists.serve("/sdn.csv", (snapshot / "sdn.csv").read_bytes())
    set_day(snapshot.name)
    report: dict[str, Any] = _json(invoke, "watch", "--once", "--source", "us_ofac_sdn")
    assert report["outcome"] == "ok", report
    return report


def test_a_new_snapshot_raises_its_round_and_the_gaps_change(
    shared_lists: Path, invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
    db_url: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    us = shared_lists / "us"
    assert invoke("ingest", str(shared_lists / "gb"), str(us / "2022-12-08")).exit_code == 0
    assert invoke("subscriptions", "add", "--kind", "round", "--kind", "gap").exit_code == 0
    monkeypatch.setenv("CONCERTED_URL_US_OFAC_SDN", lists.url("/sdn.csv"))

    baseline = _watch(invoke, lists, set_day, us / "2022-12-08")  # unchanged: the baseline
    assert baseline["sources"][0]["outcome"] == "unchanged" and baseline["alerts"] == 0
    rounds_before = _rounds(_json(invoke, "rounds"))
    gaps_before = _gaps(_json(invoke, "gaps"))

    report = _watch(invoke, lists, set_day, us / "2022-12-09")
    assert report["sources"][0]["outcome"] == "ingested"
    rounds_after = _json(invoke, "rounds")
    gaps_after = _gaps(_json(invoke, "gaps"))
    assert f"analyse: {len(rounds_after)} rounds, {len(_json(invoke, 'gaps'))} gaps" in " ".join(
        report["notes"])

    engine = connect(db_url)
    raised = list_alerts(engine)
    engine.dispose()
    new_rounds = sorted(r[:3] for r in _rounds(rounds_after) - rounds_before)
    alerted = sorted((a["detail"]["date_from"], a["detail"]["date_to"],
                      tuple(a["detail"]["jurisdictions"])) for a in raised if a["kind"] == "round")
    assert alerted == new_rounds
    assert ("2022-12-09", "2022-12-09", ("gb", "us")) in new_rounds

    opened = {(a["listing_key"], j) for a in raised if a["kind"] == "gap"
              and a["detail"]["state"] == "opened" for j in a["detail"]["missing"]}
    closed = {(a["listing_key"], j) for a in raised if a["kind"] == "gap"
              and a["detail"]["state"] == "closed" for j in a["detail"]["closed"]}
    assert opened == gaps_after - gaps_before and opened  # the new GLOMAG listings' gaps
    assert closed == gaps_before - gaps_after
    assert report["alerts"] == len(raised)
