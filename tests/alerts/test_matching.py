"""Which subscriptions an event reaches, and why. Events are written as the US list of
2022-12-09 and the UK list of 2025-04-14 show them."""

from __future__ import annotations

import pytest

from concerted.alerts.matching import match, matching
from concerted.alerts.model import Criteria, Event, Subscription

ZHUO = Event("designated", "us_ofac_sdn", "33674", "ZHUO, Xinrong", "2022-12-09", ("us",),
             ("us-glomag",), ("corruption", "human_rights"), ("hk",),
             ("ZHUO, Xinrong", "Xinrong ZHUO"))
SALAMEH = Event("designated", "us_ofac_sdn", "44584", "SALAMEH, Riad", "2023-08-16", ("us",),
                ("us-lebanon",), (), ("lb",), ("SALAMEH, Riad",))
GAP = Event("gap", "analysis", "us_ofac_sdn:33674", "ZHUO, Xinrong", "2022-12-09",
            ("us", "gb"), ("us-glomag",), ("corruption",), ("hk",), state="opened")


@pytest.mark.parametrize(("criteria", "event", "why"), [
    (Criteria(programs=("us-glomag",)), ZHUO, "program us-glomag"),
    (Criteria(jurisdictions=("us",), themes=("corruption",)), ZHUO,
     "jurisdiction us; theme corruption"),
    (Criteria(countries=("HK",)), ZHUO, "target country hk"),
    (Criteria(), ZHUO, "every designated event"),
    (Criteria(watch=("Riad Salameh",)), SALAMEH, "watched name 'Riad Salameh' ~ 'SALAMEH, Riad'"),
    (Criteria(watch=("Xinrong Zhuo", "Someone Else")), ZHUO, "watched name 'Xinrong Zhuo'"),
    (Criteria(gaps=True), GAP, "every gap event"),
    (Criteria(gaps=True, jurisdictions=("gb",)), GAP, "jurisdiction gb"),
    (Criteria(kinds=("designated", "gap"), programs=("us-glomag",)), GAP, "program us-glomag"),
])
def test_matches(criteria: Criteria, event: Event, why: str) -> None:
    reason = match(criteria, event)
    assert reason is not None and reason.startswith(why)


@pytest.mark.parametrize(("criteria", "event"), [
    (Criteria(programs=("gb-ghr",)), ZHUO),
    (Criteria(programs=("us-glomag",), jurisdictions=("gb",)), ZHUO),  # every criterion holds
    (Criteria(watch=("Raja Salameh",)), SALAMEH),  # the brother is not the governor
    (Criteria(watch=("Riad Salameh",), threshold=1.0), ZHUO),
    (Criteria(programs=("us-glomag",)), GAP),  # gaps only for those who asked for gaps
    (Criteria(kinds=("delisted",)), ZHUO),
    (Criteria(gaps=True), ZHUO),  # a gap subscription hears of gaps only
    (Criteria(watch=("Xinrong Zhuo",), followed=True), ZHUO),  # no partner had acted
])
def test_does_not_match(criteria: Criteria, event: Event) -> None:
    assert match(criteria, event) is None


def test_followed_needs_a_partner_that_acted_first() -> None:
    criteria = Criteria(watch=("Xinrong Zhuo",), followed=True)
    event = Event(**{**ZHUO.__dict__, "partners": ("gb",)})
    assert match(criteria, event) == "follows gb; watched name 'Xinrong Zhuo' ~ " \
                                     "'ZHUO, Xinrong' (1.00)"


def test_matching_pairs_every_subscription_with_every_event() -> None:
    subs = [Subscription("a", Criteria(programs=("us-glomag",))),
            Subscription("b", Criteria(countries=("lb",)))]
    pairs = matching(subs, [ZHUO, SALAMEH, GAP])
    assert [(s.id, e.listing_key) for s, e, _ in pairs] == [("a", "33674"), ("b", "44584")]


def test_event_keys_are_stable_and_per_subscription() -> None:
    assert ZHUO.key == Event(**ZHUO.__dict__).key
    assert ZHUO.key != Event(**{**ZHUO.__dict__, "snapshot": "2022-12-10"}).key
    assert ZHUO.dedup_key("a") != ZHUO.dedup_key("b")
    assert GAP.key != Event(**{**GAP.__dict__, "state": "closed"}).key


def test_criteria_round_trip() -> None:
    criteria = Criteria(programs=("us-glomag",), watch=("Riad Salameh",), gaps=True)
    assert Criteria.from_dict(criteria.to_dict()) == criteria
