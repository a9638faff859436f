"""A watched name fires when the list that designates it is fetched: "Riad Salameh" and the
US list of 16 August 2023 (OFAC designated the former governor of Lebanon's central bank,
with his brother Raja and son Nady, on 10 August 2023). The other Salamehs designated the
same day are not the watched person and raise nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from local_servers import Invoke, ListServer

from concerted.alerts.names import SCORER

pytestmark = pytest.mark.shared


def test_riad_salameh_fires_when_the_2023_08_16_list_follows_the_2023_08_03_one(
    shared_lists: Path, invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
) -> None:
    made = invoke("subscriptions", "add", "--watch", "Riad Salameh", "--label", "BdL")
    assert made.exit_code == 0, made.output
    url = lists.url("/sdn.csv")
    for day in ("2023-08-03", "2023-08-16"):
        lists.serve("/sdn.csv", (shared_lists / "us" / day / "sdn.csv").read_bytes())
        set_day(day)
        assert invoke("fetch", "--source", "us_ofac_sdn", "--url", url).exit_code == 0

    raised = json.loads(invoke("alerts", "--format", "json", "--detail").output)
    assert [(a["kind"], a["listing_key"], a["name"], a["snapshot"]) for a in raised] == [
        ("designated", "44584", "SALAMEH, Riad", "2023-08-16")]
    assert raised[0]["detail"]["why"].startswith("watched name 'Riad Salameh' ~ ")
    assert "lb" in raised[0]["detail"]["countries"]
    assert SCORER == "concerted.names.compare"
