"""OFAC's legacy CSV set is fetched whole: sdn.csv brings alt.csv, add.csv and
sdn_comments.csv from the same address, ingested as one snapshot; a companion the server
lacks (404) is noted and sdn.csv is taken alone, any other failure fails the fetch.

The companions are the real fixture rows (tests/fixtures/us_ofac_sdn/): their ent_nums 306,
4243, 17018 and 28263 are in the 2022-12-08 sdn.csv; 42496 (sdn_comments.csv) is not, and
the parser drops an orphan companion row without a listing of its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from local_servers import Invoke, ListServer
from sqlalchemy import select

from concerted.store.db import connect
from concerted.store.tables import fetch_runs, listings, snapshot_files, snapshots, versions

pytestmark = pytest.mark.shared

FIXTURES = Path(__file__).parents[1] / "fixtures" / "us_ofac_sdn"
COMPANIONS = ("alt.csv", "add.csv", "sdn_comments.csv")
SDN_ROWS_2022_12_08 = 11164  # listings of that sdn.csv alone


def _serve(lists: ListServer, shared: Path, companions: bool = True) -> str:
    lists.serve("/ofac/sdn.csv", (shared / "us" / "2022-12-08" / "sdn.csv").read_bytes())
    for name in COMPANIONS if companions else ():
        lists.serve(f"/ofac/{name}", (FIXTURES / name).read_bytes())
    return lists.url("/ofac/sdn.csv")


def _fetch(invoke: Invoke, url: str) -> dict[str, Any]:
    result = invoke("fetch", "--source", "us_ofac_sdn", "--format", "json", "--url", url)
    assert result.exit_code in (0, 1), result.output
    shown: dict[str, Any] = json.loads(result.output)["sources"][0]
    return shown | {"exit_code": result.exit_code}


def _stored(db_url: str) -> dict[str, Any]:
    engine = connect(db_url)
    with engine.connect() as conn:
        files = conn.execute(select(snapshots.c.published, snapshot_files.c.name)
                             .join(snapshot_files, snapshot_files.c.snapshot_id == snapshots.c.id)
                             ).all()
        data = {row.key: json.loads(row.data) for row in conn.execute(
            select(listings.c.key, versions.c.data)
            .join(versions, versions.c.id == listings.c.version_id)
            .where(listings.c.current))}
        last = conn.execute(select(fetch_runs).order_by(fetch_runs.c.id.desc())).first()
    engine.dispose()
    by_day: dict[str, set[str]] = {}
    for day, name in files:
        by_day.setdefault(day, set()).add(name)
    return {"files": by_day, "listings": data, "last_run": last}


def _names(listing: dict[str, Any]) -> set[str]:
    return {name["value"] for name in listing["names"]}


def test_sdn_csv_brings_its_companions_into_one_snapshot(
    shared_lists: Path, invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
    db_url: str,
) -> None:
    url = _serve(lists, shared_lists)
    set_day("2022-12-08")
    first = _fetch(invoke, url)
    # The dating file (tests/fetch/test_fetch_dated.py) is not served here: named, not fatal.
    assert (first["exit_code"], first["outcome"], first["error"]) == (
        0, "ingested", f"not published (HTTP 404), fetched without: "
                       f"{lists.url('/ofac/sdn_advanced.xml')}")

    stored = _stored(db_url)
    assert stored["files"] == {"2022-12-08": {"sdn.csv", *COMPANIONS}}
    held = stored["listings"]
    assert len(held) == SDN_ROWS_2022_12_08 and "42496" not in held  # orphan rows dropped
    assert "NATIONAL BANK OF CUBA" in _names(held["306"])  # alt.csv: a strong a.k.a.
    assert {a["country"] for a in held["306"]["addresses"]} == \
        {"Switzerland", "Spain", "Japan", "Panama"}  # add.csv
    assert held["28263"]["linked_to"] == ["LAZARUS GROUP"]  # sdn_comments.csv continues it

    lists.hits.clear()
    again = _fetch(invoke, url)  # every file answers 304 to its own validators
    assert again["outcome"] == "not_modified"
    assert sorted(path for path, _ in lists.hits) == \
        sorted(f"/ofac/{n}" for n in ("sdn.csv", *COMPANIONS, "sdn_advanced.xml"))
    assert all("If-None-Match" in headers for path, headers in lists.hits
               if path != "/ofac/sdn_advanced.xml")  # never accepted: nothing to send back

    lists.serve("/ofac/alt.csv", (FIXTURES / "alt.csv").read_bytes().splitlines(True)[1])
    set_day("2022-12-09")
    lists.hits.clear()
    changed = _fetch(invoke, url)  # one companion changed: the whole set is taken again
    assert (changed["outcome"], changed["snapshot"]) == ("ingested", "2022-12-09")
    assert [h for p, h in lists.hits if p == "/ofac/sdn.csv"][-1].get("If-None-Match") is None
    stored = _stored(db_url)
    assert stored["files"]["2022-12-09"] == {"sdn.csv", *COMPANIONS}
    assert "NATIONAL BANK OF CUBA" not in _names(stored["listings"]["306"])  # its row is gone


def test_missing_companions_are_noted_and_sdn_csv_is_taken_alone(
    shared_lists: Path, invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
    db_url: str,
) -> None:
    url = _serve(lists, shared_lists, companions=False)
    set_day("2022-12-08")
    shown = _fetch(invoke, url)
    assert (shown["exit_code"], shown["outcome"]) == (0, "ingested")
    assert "404" in shown["error"] and lists.url("/ofac/alt.csv") in shown["error"]

    stored = _stored(db_url)
    assert stored["files"] == {"2022-12-08": {"sdn.csv"}}
    assert len(stored["listings"]) == SDN_ROWS_2022_12_08
    assert "NATIONAL BANK OF CUBA" not in _names(stored["listings"]["306"])
    assert stored["last_run"].outcome == "ingested" and "404" in stored["last_run"].error
    health = json.loads(invoke("sources", "--format", "json").output)
    us = next(row for row in health if row["source"] == "us_ofac_sdn")
    assert us["status"] == "ok" and us["last_error"] is None  # a note, not a failure


def test_a_failing_companion_fails_the_whole_fetch(
    shared_lists: Path, invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
    db_url: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONCERTED_FETCH_RETRIES", "1")
    url = _serve(lists, shared_lists)
    lists.serve("/ofac/add.csv", b"Internal error", status=500)
    set_day("2022-12-08")
    shown = _fetch(invoke, url)
    assert (shown["exit_code"], shown["outcome"]) == (1, "failed")
    assert lists.url("/ofac/add.csv") in shown["error"] and "HTTP 500" in shown["error"]
    assert _stored(db_url)["files"] == {}
