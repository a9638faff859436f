"""Scoring: a number in [0, 1], each feature with a sentence saying what it found."""

from __future__ import annotations

import pytest

from concerted.resolve.block import Blocker
from concerted.resolve.record import Record
from concerted.resolve.score import SCORERS, RuleScorer, Score, Scorer, get_scorer

J = "ca_sema:Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)#1#"


@pytest.fixture(scope="module")
def scorer(records: dict[str, Record]) -> Scorer:
    return get_scorer("rules-v1", Blocker(list(records.values())).idf)


def score(scorer: Scorer, records: dict[str, Record], a: str, b: str) -> Score:
    return scorer.score(records[a], records[b])


@pytest.mark.parametrize(("a", "b"), [
    ("us_ofac_sdn:29219", "gb_hmt_conlist:14078"),  # ZHU Hailun
    ("us_ofac_sdn:31492", "gb_hmt_conlist:14077"),  # WANG Junzheng
    ("us_ofac_sdn:29162", "gb_hmt_conlist:14076"),  # WANG Mingshan
    ("us_ofac_sdn:31493", "gb_hmt_conlist:14074"),  # CHEN Mingguo
    ("us_ofac_sdn:26093", "gb_hmt_conlist:13895"),  # AL-QAHTANI, Saud
    ("us_ofac_sdn:26093", J + "65"),
    ("us_ofac_sdn:23343", "gb_hmt_conlist:13042"),  # KADYROV
    ("us_ofac_sdn:23343", "au_dfat:2961"),
    ("gb_hmt_conlist:7055", "un_sc:TAi.121"),
])
def test_same_person_scores_high(scorer: Scorer, records: dict[str, Record], a: str,
                                 b: str) -> None:
    assert score(scorer, records, a, b).score >= 0.9


@pytest.mark.parametrize(("a", "b"), [
    ("us_ofac_sdn:29162", "gb_hmt_conlist:14077"),  # WANG Mingshan / WANG Junzheng
    ("us_ofac_sdn:29220", "gb_hmt_conlist:14074"),  # CHEN Quanguo / CHEN Mingguo
    ("us_ofac_sdn:36462", "gb_hmt_conlist:13042"),  # KADYROVA, Ayshat / KADYROV
    ("us_ofac_sdn:23343", "gb_hmt_conlist:15199"),  # KADYROV Ramzan / German
    ("us_ofac_sdn:26093", "gb_hmt_conlist:13889"),  # Saud / Saif Saad AL-QAHTANI
    ("us_ofac_sdn:16669", "gb_hmt_conlist:14182"),  # ROTENBERG Arkady / Boris
])
def test_relatives_and_namesakes_score_low(scorer: Scorer, records: dict[str, Record],
                                           a: str, b: str) -> None:
    assert score(scorer, records, a, b).score < 0.6


def test_every_feature_is_explained(scorer: Scorer, records: dict[str, Record]) -> None:
    found = score(scorer, records, "us_ofac_sdn:26093", "gb_hmt_conlist:13895")
    assert 0.0 <= found.score <= 1.0
    names = {f.name for f in found.features}
    assert {"name", "birth_date", "identifier", "gender", "nationality"} <= names
    assert all(f.explanation.endswith(".") for f in found.features)
    assert any("D079021" in line for line in found.explanation())


def test_typo_is_told_apart_from_conflict(scorer: Scorer, records: dict[str, Record]) -> None:
    found = score(scorer, records, "us_ofac_sdn:16671", "au_dfat:2696")  # same Boris
    assert found.score >= 0.9
    swapped = score(scorer, records, "us_ofac_sdn:16671", "gb_hmt_conlist:14182")
    date = next(f for f in swapped.features if f.name == "birth_date")
    assert "typo" in date.explanation and date.weight > 0


def test_parent_and_subordinate_unit(scorer: Scorer, records: dict[str, Record]) -> None:
    found = score(scorer, records, "us_ofac_sdn:29299", "gb_hmt_conlist:14079")
    assert found.score < 0.5
    assert any(f.name == "subordinate" for f in found.features)


def test_cheap_features_first(scorer: Scorer, records: dict[str, Record]) -> None:
    found = scorer.score(records["us_ofac_sdn:36462"], records["gb_hmt_conlist:13042"], 0.6)
    assert not found.complete and found.score < 0.6
    assert any("not compared" in line for line in found.explanation())


def test_registry_and_protocol() -> None:
    assert SCORERS["rules-v1"] is RuleScorer
    scorer: Scorer = get_scorer("rules-v1", lambda word: 5.0)
    assert scorer.name == "rules-v1"
    with pytest.raises(KeyError):
        get_scorer("nope", lambda word: 5.0)
