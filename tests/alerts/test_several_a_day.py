"""A list republished within a day is a second snapshot of that day, with its own alerts
(issue 11 item 9): two fetches minutes apart, the first serving the real 2022-12-08 sdn.csv,
the second the 2022-12-09 one, give two snapshots dated the same day and the 182 GLOMAG
designations of 9 December 2022 as alerts; SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from local_servers import ListServer
from sqlalchemy import select

from concerted.store.db import connect
from concerted.store.tables import listings, snapshots

pytestmark = pytest.mark.shared
Invoke = Callable[..., Result]
DAY = "2026-05-28"


def test_two_fetches_in_one_day_give_two_snapshots_and_alerts_for_both(
    shared_lists: Path, invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
    db_url: str,
) -> None:
    made = invoke("subscriptions", "add", "--program", "us-glomag", "--format", "json")
    assert made.exit_code == 0, made.output
    url = lists.url("/sdn.csv")
    fetch = ("fetch", "--source", "us_ofac_sdn", "--url", url, "--format", "json")
    set_day(DAY)  # both fetches at the same moment of one day: the closest two can be

    lists.serve("/sdn.csv", (shared_lists / "us" / "2022-12-08" / "sdn.csv").read_bytes())
    first = invoke(*fetch)
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["sources"][0]["outcome"] == "ingested"

    lists.serve("/sdn.csv", (shared_lists / "us" / "2022-12-09" / "sdn.csv").read_bytes())
    second = invoke(*fetch)
    assert second.exit_code == 0, second.output
    shown = json.loads(second.output)
    assert (shown["sources"][0]["outcome"], shown["sources"][0]["snapshot"]) == ("ingested", DAY)
    assert shown["alerts"] == 182

    raised = json.loads(invoke("alerts", "--format", "json").output)
    assert len(raised) == 182
    assert {a["kind"] for a in raised} == {"designated"}
    assert all("us-glomag" in a["programs"] and a["snapshot"] == DAY for a in raised)

    engine = connect(db_url)
    with engine.connect() as conn:
        held = conn.execute(select(snapshots.c.published, snapshots.c.listing_count)
                            .order_by(snapshots.c.id)).all()
        current = conn.execute(select(listings.c.key).where(listings.c.current)).scalars().all()
    engine.dispose()
    assert [day for day, _ in held] == [DAY, DAY]
    assert len(current) == held[1][1]  # current: what the later snapshot shows

    groups = json.loads(invoke("changes", "us_ofac_sdn", "--format", "json").output)
    assert len(groups) == 1 and groups[0]["snapshot"] == groups[0]["previous"] == DAY
    assert groups[0]["retrieved_at"].startswith(DAY)  # which version of the day
    assert len(groups[0]["added"]) == 217  # 182 of them GLOMAG (issue 11 item 10)

    again = invoke(*fetch)  # nothing new: no snapshot, no alert
    assert json.loads(again.output)["alerts"] == 0
    assert len(json.loads(invoke("alerts", "--format", "json").output)) == 182
