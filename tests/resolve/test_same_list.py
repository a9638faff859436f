"""Two entries of one person on one list (MATCHING.md; issue 12 item 3).

`fixtures/same_list.json` holds listings parsed from the shared official files: Ramzan
KADYROV's two OFAC entries (23343, and 36459, listed 2022-09-15 and removed 2022-11-09),
BORTNIKOV's two OFSI Group IDs (13037 Russia, 13972 Chemical Weapons), BORODAI's two DFAT
references (2976, 6498); and entries that must stay apart: the MEJIA MUNERA twins on OFAC
(10470, 10471: one birth date, one shared alias "LOS MELLIZOS") and two Sergei NEVEROVs of
different patronymics on the OFSI list (12956, 15123, the second without a birth date).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from concerted.model import Listing
from concerted.reports.load import load_inputs
from concerted.resolve.block import BlockConfig, Blocker
from concerted.resolve.duplicates import SameList
from concerted.resolve.record import Record, prepare
from concerted.resolve.score import get_scorer
from concerted.resolve.xref import ResolveConfig, run
from concerted.store.db import connect
from tests.resolve.conftest import store_listings

FIXTURE = Path(__file__).parent / "fixtures" / "same_list.json"
ONE = [("us_ofac_sdn:23343", "us_ofac_sdn:36459"), ("gb_hmt_conlist:13037", "gb_hmt_conlist:13972"),
       ("au_dfat:2976", "au_dfat:6498")]
APART = [("us_ofac_sdn:10470", "us_ofac_sdn:10471"),
         ("gb_hmt_conlist:12956", "gb_hmt_conlist:15123")]


@pytest.fixture(scope="module")
def same_list() -> list[Listing]:
    return [Listing.from_dict(item) for item in json.loads(FIXTURE.read_text("utf-8"))]


@pytest.fixture(scope="module")
def prepared(same_list: list[Listing]) -> dict[str, Record]:
    return {r.ref: r for r in map(prepare, same_list)}


def test_blocking_proposes_pairs_within_a_list(prepared: dict[str, Record]) -> None:
    records = list(prepared.values())

    def found(config: BlockConfig) -> set[tuple[str, str]]:
        return {tuple(sorted((records[c.left].ref, records[c.right].ref)))  # type: ignore[misc]
                for c in Blocker(records, config).candidates()}

    assert set(ONE) | set(APART) <= found(BlockConfig(min_weight=3.0))
    assert not found(BlockConfig(min_weight=3.0, lists="cross")) & set(ONE)


def test_only_identity_evidence_beyond_the_name_links_two_entries(
        same_list: list[Listing], prepared: dict[str, Record]) -> None:
    listings = {f"{item.source}:{item.key}": item for item in same_list}
    check = SameList(listings, get_scorer("rules-v1", lambda word: 8.0), 0.9)

    def evidence(left: str, right: str) -> str | None:
        return check(prepared[left], prepared[right])

    assert [evidence(*pair) for pair in ONE] == [None, None, None]
    twins, neverov = (evidence(*pair) for pair in APART)
    assert twins is not None and "names" in twins  # one birth date; "LOS MELLIZOS" is an alias
    assert neverov is not None and "birth date" in neverov


def test_resolve_makes_one_target_of_two_entries_of_one_person(
        same_list: list[Listing], tmp_path: Path) -> None:
    engine = connect(f"sqlite:///{tmp_path / 'c.db'}")
    store_listings(engine, same_list, "2022-10-01")
    store_listings(engine, [item for item in same_list if item.key != "36459"], "2022-11-09")
    report = run(engine, ResolveConfig(workers=1))
    assert report.listings == len(same_list)  # 36459, since removed, is resolved too
    target = {f"{s}:{k}": t.id for t in load_inputs(engine).targets for s, k in t.listings}
    assert all(target[a] == target[b] for a, b in ONE)
    assert all(target[a] != target[b] for a, b in APART)
    engine.dispose()
