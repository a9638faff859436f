"""The linker: targets as a read-only view over judgements."""

from __future__ import annotations

import hashlib

from concerted.resolve.consistency import cluster_conflict
from concerted.resolve.judgements import SYSTEM, Judgement, JudgementRecord, effective
from concerted.resolve.linker import Linker, target_id
from concerted.resolve.record import Record


def judged(a: str, b: str, judgement: Judgement, user: str = SYSTEM, at: str = "1",
           score: float = 0.95) -> JudgementRecord:
    return JudgementRecord.make(a, b, judgement, user, at, score)


def link(*records: JudgementRecord, refs: tuple[str, ...] = ()) -> Linker:
    return Linker(refs, effective(records))


def test_transitive_over_positives() -> None:
    linker = link(judged("a:1", "b:1", Judgement.POSITIVE),
                  judged("b:1", "c:1", Judgement.POSITIVE))
    assert linker.clusters()[0] == {"a:1", "b:1", "c:1"}


def test_negative_splits_a_chain() -> None:
    linker = link(judged("a:1", "b:1", Judgement.POSITIVE, score=0.99),
                  judged("b:1", "c:1", Judgement.POSITIVE, score=0.95),
                  judged("a:1", "c:1", Judgement.NEGATIVE, user="alice"))
    assert linker.target_of("a:1") == linker.target_of("b:1") != linker.target_of("c:1")
    assert len(linker.refused) == 1


def test_every_listing_is_a_target() -> None:
    linker = link(refs=("a:1", "b:1"))
    assert len(linker.targets()) == 2


def test_target_id_from_smallest_member() -> None:
    expected = "t-" + hashlib.sha1(b"a:1").hexdigest()[:12]
    assert target_id({"b:1", "a:1"}) == expected
    linker = link(judged("b:1", "a:1", Judgement.POSITIVE))
    assert set(linker.targets()) == {expected}


def test_chaining_check_refuses_conflicting_merge(records: dict[str, Record]) -> None:
    # ROTENBERG, Arkady (US) is not ROTENBERG, Boris (UK): birth dates conflict.
    wrong = judged("us_ofac_sdn:16669", "gb_hmt_conlist:14182", Judgement.POSITIVE)
    right = judged("us_ofac_sdn:16669", "gb_hmt_conlist:15498", Judgement.POSITIVE)
    linker = Linker(records, effective([right, wrong]), cluster_conflict(records))
    assert linker.target_of("us_ofac_sdn:16669") == linker.target_of("gb_hmt_conlist:15498")
    assert linker.target_of("us_ofac_sdn:16669") != linker.target_of("gb_hmt_conlist:14182")
    assert "birth dates" in linker.refused[0].reason


def test_people_may_override_the_check(records: dict[str, Record]) -> None:
    human = judged("us_ofac_sdn:16669", "gb_hmt_conlist:14182", Judgement.POSITIVE, "alice")
    linker = Linker(records, effective([human]), cluster_conflict(records))
    assert linker.target_of("us_ofac_sdn:16669") == linker.target_of("gb_hmt_conlist:14182")
