"""Blocking: candidate pairs without comparing everything with everything."""

from __future__ import annotations

import dataclasses

from concerted.model import Listing
from concerted.resolve.block import BlockConfig, Blocker
from concerted.resolve.record import Record, prepare


def pairs(records: list[Record], config: BlockConfig | None = None) -> set[tuple[str, str]]:
    found = Blocker(records, config).candidates()
    return {tuple(sorted((records[c.left].ref, records[c.right].ref))) for c in found}  # type: ignore[misc]


def test_cross_list_pairs_of_one_person(records: dict[str, Record]) -> None:
    found = pairs(list(records.values()), BlockConfig(lists="cross"))
    assert ("gb_hmt_conlist:14078", "us_ofac_sdn:29219") in found  # ZHU Hailun
    assert ("au_dfat:2961", "gb_hmt_conlist:13042") in found  # KADYROV
    assert all(a.split(":")[0] != b.split(":")[0] for a, b in found)
    assert found <= pairs(list(records.values()))  # by default same-list pairs as well


def test_schema_compatible_only(records: dict[str, Record]) -> None:
    found = pairs(list(records.values()))
    schema = {ref: r.schema for ref, r in records.items()}
    assert all((schema[a] == "Person") == (schema[b] == "Person") for a, b in found)


def test_same_list_pairs_on_their_own(records: dict[str, Record]) -> None:
    found = pairs(list(records.values()), BlockConfig(lists="same", min_weight=4.0))
    assert found and all(a.split(":")[0] == b.split(":")[0] for a, b in found)


def test_han_script_meets_pinyin(listings: list[Listing]) -> None:
    chen = next(item for item in listings if item.key == "29220")  # CHEN, Quanguo (US)
    han = dataclasses.replace(chen, source="gb_hmt_conlist", key="x", name="陈全国", names=())
    corpus = [prepare(item) for item in listings if item.key != "29220"]
    assert ("gb_hmt_conlist:x", "us_ofac_sdn:29220") in pairs([prepare(chen), prepare(han),
                                                                *corpus])


def test_shared_document_number_is_enough(listings: list[Listing]) -> None:
    saud = next(item for item in listings if item.key == "26093")  # passport D079021
    other = dataclasses.replace(saud, source="gb_hmt_conlist", key="y", name="Unrelated Name",
                                names=())
    assert ("gb_hmt_conlist:y", "us_ofac_sdn:26093") in pairs([prepare(saud), prepare(other)])


def test_word_rarity(records: dict[str, Record]) -> None:
    blocker = Blocker(list(records.values()))
    assert blocker.idf("quanguo") > blocker.idf("wang")
