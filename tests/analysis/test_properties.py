"""Invariants of the analyses, over generated designations (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from concerted.analysis.coverage import build_coverage
from concerted.analysis.dates import Window
from concerted.analysis.designations import Designation, build_designations
from concerted.analysis.inputs import Inputs, ListingRecord, Target
from concerted.analysis.lags import compute_lags
from concerted.analysis.rounds import RoundConfig, find_rounds
from concerted.model import Listing, ProgramRef

JURISDICTIONS = ("us", "gb", "au", "ca")
START = date(2021, 1, 1)


@st.composite
def windows(draw: st.DrawFn) -> Window:
    day = START + timedelta(days=draw(st.integers(0, 120)))
    kind = draw(st.sampled_from(["exact", "window", "open"]))
    if kind == "exact":
        return Window(day, day, exact=True)
    if kind == "open":
        return Window(None, day, basis="snapshots")
    return Window(day - timedelta(days=draw(st.integers(1, 60))), day, basis="snapshots")


@st.composite
def designations(draw: st.DrawFn) -> list[Designation]:
    rows = draw(st.lists(st.tuples(
        st.sampled_from(["t1", "t2", "t3", "t4", "t5"]), st.sampled_from(JURISDICTIONS),
        st.sampled_from(["a", "b"]), windows()), max_size=30))
    unique = {(t, j, p): w for t, j, p, w in rows}
    return [Designation(t, t, j, f"{j}-{p}", w, None, ("human_rights",), "list")
            for (t, j, p), w in unique.items()]


CONFIGS = st.builds(RoundConfig, st.integers(0, 14), st.integers(0, 62))


@settings(max_examples=200)
@given(designations())
def test_coverage_totals_equal_distinct_designations(rows: list[Designation]) -> None:
    coverage = build_coverage(rows)
    assert coverage.totals["designations"] == len({d.key for d in rows})
    assert coverage.totals["targets"] == len({d.target_id for d in rows})
    assert sum(len(c.designations) for r in coverage.rows for c in r.cells.values()) == len(rows)


@settings(max_examples=200)
@given(designations(), CONFIGS)
def test_rounds_partition_the_designations_they_contain(rows: list[Designation],
                                                        config: RoundConfig) -> None:
    rounds = find_rounds(rows, config)
    members = [d.key for r in rounds for d in r.designations]
    assert len(members) == len(set(members))  # no designation in two rounds
    assert set(members) <= {d.key for d in rows}
    for found in rounds:
        assert len(found.jurisdictions) >= 2
        assert found.date_from <= found.date_to
        assert all(d.listed_on.earliest is not None for d in found.designations)


@settings(max_examples=200)
@given(designations())
def test_a_lag_is_never_negative(rows: list[Designation]) -> None:
    for lag in compute_lags(rows):
        assert lag.days_min >= 0
        assert lag.days_max is None or lag.days_max >= lag.days_min
        assert lag.first != lag.follower


@st.composite
def inputs(draw: st.DrawFn) -> Inputs:
    dates = ("2021-08-18", "2021-08-20", "2021-09-01", "2021-12-10")
    records = {}
    for index in range(draw(st.integers(1, 8))):
        source = draw(st.sampled_from(["us_ofac_sdn", "gb_hmt_conlist", "au_dfat"]))
        printed = draw(st.one_of(st.none(), st.sampled_from(dates)))
        first = draw(st.sampled_from(dates))
        listing = Listing(source, str(index), "Person", f"P{index}", listed_on=printed,
                          programs=(ProgramRef("X", f"{source[:2]}-x", "human_rights"),))
        records[(source, str(index))] = ListingRecord(listing, source[:2], first, dates[-1], True)
    keys = sorted(records)
    singles = tuple(Target(f"single:{s}:{k}", "P", listings=((s, k),)) for s, k in keys)
    merged = Target("all", "P", listings=tuple(keys))
    return Inputs((*singles, merged), records, {s: dates for s, _ in keys},
                  source_jurisdictions={s: s[:2] for s, _ in keys})


@settings(max_examples=100)
@given(inputs(), CONFIGS)
def test_a_target_with_a_single_listing_is_in_no_round(data: Inputs, config: RoundConfig
                                                        ) -> None:
    in_rounds = {d.target_id for r in find_rounds(build_designations(data), config)
                 for d in r.designations}
    assert not any(target.startswith("single:") for target in in_rounds)
