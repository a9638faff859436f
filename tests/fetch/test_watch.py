"""`concerted watch`: intervals, one recorded pass (fetch → ingest → resolve → analyse →
alert), and a clean stop on SIGTERM / SIGINT."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from local_servers import Invoke, ListServer
from sqlalchemy import select

from concerted.archive import Archive
from concerted.fetch import HttpPolicy, make_client
from concerted.store.db import connect
from concerted.store.tables import watch_runs
from concerted.updates.cycle import Cycle, CycleReport
from concerted.updates.health import freshness
from concerted.updates.watch import parse_interval, watch


@pytest.mark.parametrize(("text", "seconds"), [("6h", 21600), ("30m", 1800), ("1d", 86400),
                                               ("90", 90), ("1.5h", 5400)])
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0h", "6 hours", "-1m"])
def test_bad_intervals(text: str) -> None:
    with pytest.raises(ValueError, match="not an interval"):
        parse_interval(text)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_watch_after_the_pass(tmp_path: Path, signum: int) -> None:
    engine = connect(f"sqlite:///{tmp_path}/c.db")
    reports: list[CycleReport] = []

    def on_report(report: CycleReport) -> None:
        reports.append(report)
        os.kill(os.getpid(), signum)

    with make_client(HttpPolicy()) as client:
        cycle = Cycle(engine, Archive(tmp_path / "archive"), client, ())
        assert watch(cycle, 3600, on_report) == 1
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # handlers restored
    with engine.connect() as conn:
        assert conn.execute(select(watch_runs.c.outcome)).scalars().all() == ["ok"]
    engine.dispose()


@pytest.mark.shared
def test_watch_once_records_the_pass(
    shared_lists: Path, invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
    db_url: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    lists.serve("/sdn.csv", (shared_lists / "us" / "2022-12-08" / "sdn.csv").read_bytes())
    monkeypatch.setenv("CONCERTED_URL_US_OFAC_SDN", lists.url("/sdn.csv"))  # a mirror
    set_day("2022-12-08")
    result = invoke("watch", "--once", "--source", "us_ofac_sdn", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["outcome"] == "ok" and report["sources"][0]["outcome"] == "ingested"
    assert any(n.startswith("resolve: ") for n in report["notes"])
    assert any(n.startswith("analyse: ") for n in report["notes"])
    engine = connect(db_url)
    with engine.connect() as conn:
        run = conn.execute(select(watch_runs)).one()
    engine.dispose()
    assert run.outcome == "ok" and run.finished >= run.started
    assert json.loads(run.detail)["sources"][0]["snapshot"] == "2022-12-08"


@pytest.mark.parametrize(("newest", "checked", "cadence", "expected"), [
    ("2024-05-01", None, 1, {"age_days": 2, "stale": True}),
    ("2024-05-01", "2024-05-03T06:00:00+00:00", 1, {"age_days": 0, "stale": False}),
    ("2024-05-01", None, 7, {"age_days": 2, "stale": False}),
    (None, None, 7, {"age_days": None, "stale": True}),
])
def test_freshness(newest: str | None, checked: str | None, cadence: int,
                   expected: dict[str, object]) -> None:
    assert freshness(newest, checked, cadence, date(2024, 5, 3)) == expected


@pytest.mark.shared
def test_the_next_pass_resolves_only_what_changed(
    shared_lists: Path, invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONCERTED_URL_US_OFAC_SDN", lists.url("/sdn.csv"))
    notes = []
    for day in ("2022-12-08", "2022-12-09"):  # the second adds 217 listings, amends one
        lists.serve("/sdn.csv", (shared_lists / "us" / day / "sdn.csv").read_bytes())
        set_day(day)
        result = invoke("watch", "--once", "--source", "us_ofac_sdn", "--format", "json")
        assert result.exit_code == 0, result.output
        notes.append(next(n for n in json.loads(result.output)["notes"]
                          if n.startswith("resolve: ")))
    assert "(full: " in notes[0]
    assert "(incremental: 218 prepared and scored again)" in notes[1], notes[1]
