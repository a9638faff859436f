"""On the whole shared history, resolved (marked `shared`): one target per person across
all their listings, same-list entries included, as `concerted export targets` shows them
(issue 12 item 3, issue 11 item 3)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from concerted.cli import cli
from concerted.resolve import journal
from concerted.store.db import connect

pytestmark = pytest.mark.shared

# The people the issue names, with every listing of theirs in the shared files.
PEOPLE = {
    "BORTNIKOV": {"gb_hmt_conlist:13037", "gb_hmt_conlist:13972", "us_ofac_sdn:31126"},
    "MENYAILO": {"gb_hmt_conlist:12953", "gb_hmt_conlist:13971", "us_ofac_sdn:16934"},
    "KRIVORUCHKO": {"gb_hmt_conlist:13974", "gb_hmt_conlist:14748", "us_ofac_sdn:31124",
                    "us_ofac_sdn:35168"},
    "PROKOPENKO": {"gb_hmt_conlist:13864", "gb_hmt_conlist:15643", "us_ofac_sdn:15892",
                   "au_dfat:6842"},
    "KADYROV": {"us_ofac_sdn:23343", "us_ofac_sdn:36459", "gb_hmt_conlist:13042",
                "au_dfat:2961"},
}


def _json(store: str, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--db", store, *args, "--format", "json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def target_of(resolved_shared_store: str) -> dict[str, str]:
    rows = _json(resolved_shared_store, "export", "targets")
    return {f"{r['source']}:{r['listing_key']}": r["target_id"] for r in rows}


def test_each_person_is_one_target_across_all_their_listings(target_of: dict[str, str]
                                                             ) -> None:
    for name, refs in PEOPLE.items():
        assert len({target_of[ref] for ref in refs}) == 1, name


def test_twins_and_namesakes_on_one_list_stay_apart(target_of: dict[str, str]) -> None:
    assert target_of["us_ofac_sdn:10470"] != target_of["us_ofac_sdn:10471"]  # MEJIA MUNERA
    assert target_of["gb_hmt_conlist:12956"] != target_of["gb_hmt_conlist:15123"]  # NEVEROV
    assert target_of["us_ofac_sdn:23343"] != target_of["us_ofac_sdn:36462"]  # his daughter


def test_prokopenko_has_no_us_gap(resolved_shared_store: str, target_of: dict[str, str]
                                  ) -> None:
    gaps = {g["target_id"]: g for g in _json(resolved_shared_store, "gaps")}
    gap = gaps.get(target_of["gb_hmt_conlist:13864"])
    assert gap is None or "us" not in {m["jurisdiction"] for m in gap["missing"]}


def test_kadyrovs_second_entry_adds_no_designation_and_no_delisting(
        resolved_shared_store: str, target_of: dict[str, str]) -> None:
    # 36459 was on OFAC's list from 2022-09-15 to 2022-11-09 under GLOMAG, MAGNIT and EO 14024;
    # 23343 was there before (MAGNIT since before 2018, GLOMAG since December 2020) and since,
    # with EO 14024 added when the second entry went. Only EO 14024 is new on 2022-09-15.
    target = target_of["us_ofac_sdn:23343"]
    assert target_of["us_ofac_sdn:36459"] == target
    rows = _json(resolved_shared_store, "coverage")["rows"]
    us = next(r for r in rows if r["target_id"] == target)["cells"]["us"]["designations"]
    dates = {d["program"]: d["listed_on"]["date"] for d in us}
    assert dates["us-magnit"] == "before 2018-01-27"
    assert dates["us-glomag"] == "between 2020-06-11 and 2021-01-14"
    assert dates["us-russia-eo14024"] == "between 2022-09-14 and 2022-09-15"
    assert all(d["delisted_on"] is None for d in us)


def test_the_queue_is_short_and_targets_stay_precise(resolved_shared_store: str) -> None:
    engine = connect(resolved_shared_store)
    assert len(journal.queue(engine)) < 300
    engine.dispose()
    rows = _json(resolved_shared_store, "resolve", "evaluate")
    targets = next(r for r in rows if r["mode"] == "targets" and r["split"] == "all")
    assert targets["precision"] >= 0.99
