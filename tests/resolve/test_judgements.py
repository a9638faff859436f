"""Judgements: the algebra, which record counts, and the text form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concerted.resolve.judgements import SYSTEM, Judgement, JudgementRecord, effective, pair_key

P, N, U, X = (Judgement.POSITIVE, Judgement.NEGATIVE, Judgement.UNSURE,
              Judgement.NO_JUDGEMENT)


def record(judgement: Judgement, user: str, at: str, score: float | None = None
           ) -> JudgementRecord:
    return JudgementRecord.make("us_ofac_sdn:29219", "gb_hmt_conlist:14078", judgement, user,
                                at, score)


def test_algebra() -> None:
    assert P + P == P
    assert P + N == N and N + P == N
    assert N + N == X
    assert P + U == U and U + N == U
    assert X + P == X


def test_pairs_are_order_free() -> None:
    assert pair_key("b:1", "a:2") == ("a:2", "b:1")
    assert record(P, "x", "t").left == "gb_hmt_conlist:14078"
    with pytest.raises(ValueError):
        pair_key("a:1", "a:1")


def test_human_wins_over_system() -> None:
    found = effective([record(P, SYSTEM, "1", 0.97), record(N, "alice", "2"),
                       record(P, SYSTEM, "3", 0.98)])
    assert found[record(P, "x", "t").key].judgement == N


def test_retraction_falls_back_to_the_system() -> None:
    found = effective([record(P, SYSTEM, "1", 0.97), record(N, "alice", "2"),
                       record(X, "alice", "3")])
    assert found[record(P, "x", "t").key].judgement == P


def test_system_retraction_removes_the_link() -> None:
    assert effective([record(P, SYSTEM, "1", 0.97), record(X, SYSTEM, "2")]) == {}


def test_latest_human_counts() -> None:
    found = effective([record(N, "alice", "1"), record(P, "bob", "2")])
    assert found[record(P, "x", "t").key].user == "bob"


refs = st.from_regex(r"[a-z_]{2,10}:[A-Za-z0-9#. ()]{1,12}", fullmatch=True)


@given(refs, refs, st.sampled_from(list(Judgement)), st.text(min_size=1),
       st.none() | st.floats(0, 1), st.none() | st.text())
def test_text_round_trip(a: str, b: str, judgement: Judgement, user: str,
                         score: float | None, note: str | None) -> None:
    if a == b:
        return
    item = JudgementRecord.make(a, b, judgement, user, "2026-11-28T01:00:00Z", score, note)
    assert JudgementRecord.from_line(item.to_line()) == item
    assert "\n" not in item.to_line()
