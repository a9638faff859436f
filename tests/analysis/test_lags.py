"""Follow-on lags on the shared files' dates (see test_rounds.py for the sources).

ZHU Hailun: OFSI 14078 Listed On 22/03/2021; OFAC 29219 in the first US snapshot (2021-08-18),
so the order is unknown. Riad SALAMEH: OFSI 10/08/2023; OFAC first seen 2023-08-16 (previous
snapshot 2023-08-03). Tanchon Commercial Bank: DFAT 13/04/2009; OFSI 27/04/2009.
"""

from __future__ import annotations

from analysis_factory import designation

from concerted.analysis.lags import compute_lags, summarise_lags

ZHU = [designation("zhu", "gb", "gb-ghr", "2021-03-22"),
       designation("zhu", "us", "us-glomag", (None, "2021-08-18"))]
SALAMEH = [designation("salameh", "gb", "gb-gac", "2023-08-10", ("corruption",)),
           designation("salameh", "us", "us-lebanon", ("2023-08-03", "2023-08-16"), ("other",))]
TANCHON = [designation("tanchon", "au", "au-un-dprk", "2009-04-13", ("other",)),
           designation("tanchon", "gb", "gb-dprk", "2009-04-27", ("other",))]


def test_exact_dates_give_an_exact_lag() -> None:
    (lag,) = compute_lags(TANCHON)
    assert (lag.first, lag.follower, lag.days_min, lag.days_max) == ("au", "gb", 14, 14)
    assert lag.order == "after" and lag.midpoint == 14 and lag.year == 2009


def test_an_uncertain_date_gives_a_lag_interval() -> None:
    (lag,) = compute_lags(SALAMEH)
    # The US may have acted from 3 to 16 August; the UK on 10 August. The first designation
    # lies in 3..10 August, so the US came 0 to 13 days after it.
    assert (lag.first, lag.follower) == ("gb", "us")
    assert (lag.days_min, lag.days_max, lag.order) == (0, 13, "overlapping")


def test_a_date_without_a_lower_bound_leaves_the_lag_and_order_unknown() -> None:
    (lag,) = compute_lags(ZHU)
    assert lag.days_max is None and lag.days_min == 0 and lag.order == "unknown"
    assert lag.follower_on.label() == "before 2021-08-18"
    assert lag.to_dict()["days_midpoint"] is None


def test_a_target_designated_by_one_jurisdiction_has_no_lag() -> None:
    assert compute_lags([designation("x", "us", "us-glomag", ("2022-12-08", "2022-12-09")),
                         designation("x", "us", "us-cyber2", ("2022-12-08", "2022-12-09"))]) == []


def test_summaries_say_how_many_lags_are_bounded() -> None:
    lags = compute_lags(ZHU + SALAMEH + TANCHON)
    pairs = summarise_lags(lags, lambda lag: (lag.first, lag.follower))
    by_pair = {tuple(s["group"]): s for s in pairs}
    assert by_pair[("gb", "us")]["lags"] == 2
    assert by_pair[("gb", "us")]["bounded"] == 1 and by_pair[("gb", "us")]["unknown_order"] == 1
    assert by_pair[("gb", "us")]["median_midpoint"] == 6.5
    by_year = {s["group"]: s for s in summarise_lags(lags, lambda lag: lag.year or "unknown")}
    assert set(by_year) == {2009, 2021, 2023}
