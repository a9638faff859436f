"""Coordinated rounds, on designations as the shared files show them.

2021-08-20: OFSI group 14132 Alexey ALEXANDROV (Chemical Weapons, Listed On 20/08/2021) and
OFAC 32745 ALEXANDROV (NPWMD + MAGNIT), first seen 2021-08-20, previous snapshot 2021-08-18.
2023-08-10: OFSI 16068 Riad SALAMEH (Global Anti-Corruption, 10/08/2023) and OFAC 44584
(LEBANON), first seen 2023-08-16, previous snapshot 2023-08-03.
2021-03-22: OFSI 14078 ZHU Hailun (Global Human Rights); OFAC 29219 in the first snapshot.
2022: OFSI 15329 GARANTEX EUROPE OU (Russia, 04/05/2022); OFAC 36025 (RUSSIA-EO14024), first
seen 2022-08-08, previous snapshot 2022-03-31.
"""

from __future__ import annotations

from datetime import date

from analysis_factory import designation

from concerted.analysis.rounds import RoundConfig, find_rounds

FSB = [
    designation("alexandrov", "gb", "gb-chemical-weapons", "2021-08-20"),
    designation("alexandrov", "us", "us-npwmd", ("2021-08-18", "2021-08-20")),
    designation("alexandrov", "us", "us-magnit", ("2021-08-18", "2021-08-20")),
    designation("panyaev", "gb", "gb-chemical-weapons", "2021-08-20"),
    designation("panyaev", "us", "us-npwmd", ("2021-08-18", "2021-08-20")),
]
SALAMEH = [
    designation("salameh", "gb", "gb-gac", "2023-08-10", ("corruption",)),
    designation("salameh", "us", "us-lebanon", ("2023-08-03", "2023-08-16"), ("other",)),
]


def test_one_round_across_programs_dated_by_the_printed_date() -> None:
    (found,) = find_rounds(FSB)
    data = found.to_dict()
    assert (data["date_from"], data["date_to"]) == ("2021-08-20", "2021-08-20")
    assert data["jurisdictions"] == ["gb", "us"]
    assert [t["target_id"] for t in data["targets"]] == ["alexandrov", "panyaev"]
    assert data["programs"] == ["gb-chemical-weapons", "us-magnit", "us-npwmd"]
    assert data["dates_uncertain"] is True
    assert len(found.designations) == len(FSB)


def test_an_uncertain_window_joins_when_it_contains_the_other_date() -> None:
    (found,) = find_rounds(SALAMEH)
    assert (found.date_from, found.date_to) == (date(2023, 8, 10), date(2023, 8, 10))
    # The US window (3 to 16 August) allows either order: both could have been first.
    assert found.to_dict()["first"] == ["gb", "us"]


def test_a_date_with_no_lower_bound_joins_no_round() -> None:
    zhu = [designation("zhu", "gb", "gb-ghr", "2021-03-22"),
           designation("zhu", "us", "us-glomag", (None, "2021-08-18"))]
    assert find_rounds(zhu) == []


def test_a_window_wider_than_the_allowed_uncertainty_joins_no_round() -> None:
    wide = [designation("garantex", "gb", "gb-russia", "2022-05-04", ("other",)),
            designation("garantex", "us", "us-russia-eo14024", ("2022-03-31", "2022-08-08"),
                        ("other",))]
    assert find_rounds(wide) == []
    assert len(find_rounds(wide, RoundConfig(max_uncertainty_days=200))) == 1


def test_dates_further_apart_than_the_window_are_no_round() -> None:
    # Tanchon Commercial Bank: DFAT 1115 (UN DPRK) 13/04/2009, OFSI 10894 (DPRK) 27/04/2009.
    apart = [designation("tanchon", "au", "au-un-dprk", "2009-04-13", ("other",)),
             designation("tanchon", "gb", "gb-dprk", "2009-04-27", ("other",))]
    assert find_rounds(apart) == []
    (found,) = find_rounds(apart, RoundConfig(window_days=14))
    assert found.to_dict()["first"] == ["au"] and found.to_dict()["followed"] == ["gb"]


def test_rounds_on_different_days_stay_apart() -> None:
    found = find_rounds(FSB + SALAMEH)
    assert [r.date_from.isoformat() for r in found] == ["2021-08-20", "2023-08-10"]


def test_the_same_day_with_other_partners_is_another_round() -> None:
    # Hypothetical: the UK acting on 2021-08-20 with Australia as well, on another target.
    other = [designation("other", "gb", "gb-cyber", "2021-08-20", ("cyber",)),
             designation("other", "au", "au-thematic", "2021-08-20", ("cyber",))]
    found = find_rounds(FSB + other)
    assert sorted(r.jurisdictions for r in found) == [("au", "gb"), ("gb", "us")]
