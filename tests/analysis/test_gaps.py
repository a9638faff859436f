"""Gaps, against the program registry's eligibility, on designations dated as in the shared
files: ZHU Hailun (OFSI 14078 GHR 22/03/2021; OFAC 29219 GLOMAG before 2021-08-18), Riad SALAMEH
(OFSI 16068 GAC 10/08/2023; OFAC 44584 LEBANON), Alexey ALEXANDROV (OFSI 14132 Chemical
Weapons 20/08/2021; OFAC 32745 NPWMD + MAGNIT). Partners' newest lists: US 2024-05-03, GB
2025-04-14, AU 2024-11-11, CA 2020-04-15, UN 2024-11-30.
"""

from __future__ import annotations

from datetime import date

from analysis_factory import designation

from concerted.analysis.gaps import GapConfig, Partner, conduct_of, find_gaps
from concerted.analysis.partners import registry_eligibility

PARTNERS = [Partner("au", "2024-11-11"), Partner("ca", "2020-04-15"),
            Partner("gb", "2025-04-14"), Partner("un", "2024-11-30"), Partner("us", "2024-05-03")]
CONFIG = GapConfig(as_of=date(2025, 4, 14))
ZHU = [designation("zhu", "gb", "gb-ghr", "2021-03-22", countries=("cn",), name="ZHU Hailun"),
       designation("zhu", "us", "us-glomag", (None, "2021-08-18"),
                   ("corruption", "human_rights"), countries=("cn",), name="ZHU Hailun")]
SALAMEH = [designation("salameh", "gb", "gb-gac", "2023-08-10", ("corruption",), ("lb",)),
           designation("salameh", "us", "us-lebanon", ("2023-08-03", "2023-08-16"), ("other",),
                       ("lb",))]


def _gap(designations: list, partners: list[Partner] = PARTNERS):  # type: ignore[no-untyped-def]
    (gap,) = find_gaps(designations, partners, registry_eligibility, CONFIG)
    return gap


def test_the_xinjiang_officials_are_a_gap_for_australia_under_its_thematic_regime() -> None:
    gap = _gap(ZHU)
    assert gap.designated_by == ("gb", "us")
    assert gap.conduct == ("human_rights",) and gap.conduct_stated
    missing = {m.jurisdiction: m for m in gap.missing}
    assert set(missing) == {"au", "ca"}  # the UN has no program for this conduct
    assert missing["au"].eligible_programs == ("au-thematic",)
    assert not missing["au"].possibly_stale
    assert any("au-thematic (human_rights)" in why for why in missing["au"].why)


def test_gaps_against_an_old_list_are_marked_possibly_stale_with_its_date() -> None:
    canada = next(m for m in _gap(ZHU).missing if m.jurisdiction == "ca")
    assert canada.possibly_stale and canada.data_as_of == "2020-04-15"
    assert canada.stale_reason is not None and "2020-04-15" in canada.stale_reason
    assert "ca-jvcfoa" in canada.eligible_programs


def test_no_gap_for_a_partner_whose_programs_do_not_cover_the_conduct() -> None:
    # The EU's global regime covers human rights, not corruption.
    assert find_gaps(SALAMEH, [Partner("eu", "2025-04-14")], registry_eligibility, CONFIG) == []
    gap = _gap(SALAMEH, [Partner("eu", "2025-04-14"), Partner("au", "2024-11-11")])
    assert [m.jurisdiction for m in gap.missing] == ["au"]


def test_a_partner_that_acted_under_any_program_is_not_missing() -> None:
    # Min Aung HLAING: OFSI 13897 (Global Human Rights, 06/07/2020); DFAT 7317 (Myanmar
    # regime, no date printed, in the only DFAT snapshot held).
    hlaing = [designation("hlaing", "gb", "gb-ghr", "2020-07-06", countries=("mm",)),
              designation("hlaing", "au", "au-myanmar", (None, "2024-11-11"), ("other",),
                          ("mm",))]
    assert "au" not in {m.jurisdiction for m in _gap(hlaing).missing}


def test_a_delisting_counts_as_having_acted() -> None:
    # OFAC 23306 Angel RONDON RIJO (GLOMAG) was removed between 2024-03-04 and 2024-03-05.
    # The UK designation beside it is hypothetical, there to show the rule.
    rondon = [designation("rondon", "gb", "gb-gac", "2023-06-01", ("corruption",), ("do",)),
              designation("rondon", "us", "us-glomag", (None, "2021-08-18"),
                          ("corruption", "human_rights"), ("do",),
                          delisted=("2024-03-04", "2024-03-05"))]
    gap = _gap(rondon)
    assert "us" not in {m.jurisdiction for m in gap.missing}
    assert gap.designated_by == ("gb",)


def test_an_ambiguous_program_needs_partners_covering_every_theme_it_may_be() -> None:
    glomag_only = ZHU[1:]
    assert conduct_of(glomag_only, ("human_rights", "corruption", "cyber")) == (
        ("corruption", "human_rights"), False)
    found = find_gaps(glomag_only, [Partner("eu", "2025-04-14"), Partner("gb", "2025-04-14")],
                      registry_eligibility, CONFIG)
    (gap,) = found
    assert [m.jurisdiction for m in gap.missing] == ["gb"]
    assert set(gap.missing[0].eligible_programs) >= {"gb-ghr", "gb-gac"}


def test_a_target_designated_only_under_country_programs_is_not_sought() -> None:
    country = [designation("x", "gb", "gb-russia", "2022-03-15", ("other",), ("ru",))]
    assert find_gaps(country, PARTNERS, registry_eligibility, CONFIG) == []


def test_the_score_is_explained_and_ranks_more_precedent_higher() -> None:
    gaps = find_gaps(ZHU + SALAMEH[:1], PARTNERS, registry_eligibility, CONFIG)
    assert [g.target_id for g in gaps] == ["zhu", "salameh"]
    top = gaps[0]
    assert 0 < top.score <= 100
    assert top.explanation[0].startswith("precedent 22.5: designated by 2 (gb, us)")
    assert any(line.startswith("severity 25.0: human_rights") for line in top.explanation)
    assert top.to_dict()["missing"][0].keys() >= {"jurisdiction", "eligible_programs"}
