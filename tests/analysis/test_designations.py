"""Designations built from listings placed in their list's history.

The listings are those of ZHU Hailun in the shared files: OFAC ent_num 29219 (GLOMAG, in every
US snapshot from 2021-08-18) and OFSI Group ID 14078 (Global Human Rights, Listed On
22/03/2021, UK Sanctions List ref GHR0078), and Riad SALAMEH's OFAC entry 44584 (LEBANON,
first seen 2023-08-16, previous snapshot 2023-08-03).
"""

from __future__ import annotations

import dataclasses
from datetime import date

from concerted.analysis.designations import build_designations
from concerted.analysis.inputs import Inputs, ListingRecord, Target
from concerted.model import Listing, ProgramRef

US_DATES = ("2021-08-18", "2021-08-20", "2023-08-03", "2023-08-16", "2024-05-03")
GLOMAG = ProgramRef(raw="GLOMAG", id="us-glomag", theme=None)
GHR = ProgramRef(raw="Global Human Rights", id="gb-ghr", theme="human_rights")


def _inputs(*records: ListingRecord, targets: tuple[Target, ...]) -> Inputs:
    return Inputs(
        targets=targets, records={r.key: r for r in records},
        calendars={"us_ofac_sdn": US_DATES, "gb_hmt_conlist": ("2025-04-14",)},
        program_themes={"us-glomag": ("human_rights", "corruption")},
        source_jurisdictions={"us_ofac_sdn": "us", "gb_hmt_conlist": "gb"},
    )


ZHU_US = ListingRecord(Listing("us_ofac_sdn", "29219", "Person", "ZHU, Hailun", programs=(GLOMAG,)),
                       "us", "2021-08-18", "2024-05-03", True)
ZHU_GB = ListingRecord(Listing("gb_hmt_conlist", "14078", "Person", "HAILUN ZHU", programs=(GHR,),
                               listed_on="2021-03-22"), "gb", "2025-04-14", "2025-04-14", True)
ZHU = Target("zhu", "ZHU Hailun", countries=("cn",),
             listings=(("us_ofac_sdn", "29219"), ("gb_hmt_conlist", "14078")))


def test_one_row_per_target_jurisdiction_and_program() -> None:
    rows = build_designations(_inputs(ZHU_US, ZHU_GB, targets=(ZHU,)))
    assert [(d.target_id, d.jurisdiction, d.program) for d in rows] == [
        ("zhu", "gb", "gb-ghr"), ("zhu", "us", "us-glomag")]


def test_a_printed_date_is_exact_and_a_first_snapshot_date_is_only_an_upper_bound() -> None:
    gb, us = build_designations(_inputs(ZHU_US, ZHU_GB, targets=(ZHU,)))
    assert gb.listed_on.exact and gb.listed_on.label() == "2021-03-22"
    assert us.listed_on.label() == "before 2021-08-18"
    assert us.listed_on.earliest is None and not us.listed_on.exact


def test_the_list_states_the_theme_else_the_registry_does() -> None:
    gb, us = build_designations(_inputs(ZHU_US, ZHU_GB, targets=(ZHU,)))
    assert (gb.themes, gb.theme_basis) == (("human_rights",), "list")
    assert (us.themes, us.theme_basis) == (("corruption", "human_rights"), "registry")


def test_a_listing_first_seen_later_gets_the_window_from_the_previous_snapshot() -> None:
    salameh = ListingRecord(Listing("us_ofac_sdn", "44584", "Person", "SALAMEH, Riad",
                                    programs=(ProgramRef("LEBANON", "us-lebanon", "other"),)),
                            "us", "2023-08-16", "2024-05-03", True)
    target = Target("salameh", "Riad SALAMEH", listings=(salameh.key,))
    (row,) = build_designations(_inputs(salameh, targets=(target,)))
    assert (row.listed_on.earliest, row.listed_on.latest) == (date(2023, 8, 3), date(2023, 8, 16))


def test_a_removed_listing_is_delisted_between_its_last_snapshot_and_the_next() -> None:
    gone = ListingRecord(ZHU_US.listing, "us", "2021-08-18", "2021-08-20", False)
    target = Target("zhu", "ZHU Hailun", listings=(gone.key,))
    (row,) = build_designations(_inputs(gone, targets=(target,)))
    assert row.delisted_on is not None
    assert row.delisted_on.label() == "between 2021-08-20 and 2023-08-03"


def test_a_program_added_later_takes_its_own_first_seen() -> None:
    both = ListingRecord(Listing("us_ofac_sdn", "29219", "Person", "ZHU, Hailun",
                                 programs=(GLOMAG, ProgramRef("CYBER2", "us-cyber2", "cyber"))),
                         "us", "2021-08-18", "2024-05-03", True,
                         program_seen={"us-cyber2": ("2023-08-16", "2024-05-03")})
    target = Target("zhu", "ZHU Hailun", listings=(both.key,))
    cyber, glomag = build_designations(_inputs(both, targets=(target,)))
    assert cyber.listed_on.label() == "between 2023-08-03 and 2023-08-16"
    assert glomag.listed_on.label() == "before 2021-08-18"


def test_two_listings_in_one_jurisdiction_and_program_merge_keeping_the_exact_date() -> None:
    uksl = ListingRecord(Listing("gb_fcdo_uksl", "GHR0078", "Person", "ZHU Hailun",
                                 programs=(GHR,)), "gb", "2025-04-14", "2025-04-14", True)
    target = Target("zhu", "ZHU Hailun", listings=(ZHU_GB.key, uksl.key))
    inputs = _inputs(ZHU_GB, uksl, targets=(target,))
    inputs = Inputs(inputs.targets, inputs.records,
                    {**inputs.calendars, "gb_fcdo_uksl": ("2025-04-14",)})
    (row,) = build_designations(inputs)
    assert row.listed_on.label() == "2021-03-22"
    assert row.listings == (("gb_fcdo_uksl", "GHR0078"), ("gb_hmt_conlist", "14078"))


def test_each_program_of_a_listing_is_dated_by_its_own_printed_date() -> None:
    # Min Aung HLAING, OFSI Group ID 13897: Global Human Rights 06/07/2020, Myanmar 25/02/2021.
    hlaing = ListingRecord(Listing(
        "gb_hmt_conlist", "13897", "Person", "Min Aung HLAING", listed_on="2020-07-06",
        programs=(ProgramRef("Global Human Rights", "gb-ghr", "human_rights", "2020-07-06"),
                  ProgramRef("Myanmar", "gb-myanmar", "other", "2021-02-25"))),
        "gb", "2025-04-14", "2025-04-14", True)
    target = Target("hlaing", "Min Aung HLAING", listings=(hlaing.key,))
    rows = {d.program: d.listed_on for d in build_designations(_inputs(hlaing, targets=(target,)))}
    assert {p: (w.label(), w.exact) for p, w in rows.items()} == {
        "gb-ghr": ("2020-07-06", True), "gb-myanmar": ("2021-02-25", True)}



def test_bounds_the_list_gives_narrow_the_snapshot_window() -> None:
    # BASTRYKIN on DFAT's list, reference 6854: no listing date printed, Control Date
    # 2022-03-30, named instrument of 2022.
    ref = ProgramRef("Autonomous (Thematic - Human Rights)", "au-thematic", "human_rights",
                     "2022/2022-03-30")
    record = ListingRecord(Listing("au_dfat", "6854", "Person", "Alexander Ivanovich BASTRYKIN",
                                   programs=(ref,)), "au", "2024-11-11", "2024-11-11", True)
    target = Target("bastrykin", "BASTRYKIN", listings=(record.key,))
    inputs = dataclasses.replace(_inputs(record, targets=(target,)),
                                 calendars={"au_dfat": ("2024-11-11",)})
    (row,) = build_designations(inputs)
    assert row.listed_on.label() == "between 2022-01-01 and 2022-03-30"
    assert (row.listed_on.basis, row.listed_on.exact) == ("bounds", False)


def test_a_second_entry_of_one_person_adds_no_designation_and_no_delisting() -> None:
    # Ramzan KADYROV on OFAC: ent_num 23343 (GLOMAG, in every snapshot from 2021-08-18) and a
    # second entry, 36459, shown from 2023-08-16 (2022-09-15 in the full history) and removed
    # after 2023-08-16 (2022-11-09). One person: his designation stays the first one, never
    # lifted.
    first = ListingRecord(Listing("us_ofac_sdn", "23343", "Person", "KADYROV, Ramzan Akhmatovich",
                                  programs=(GLOMAG,)), "us", "2021-08-18", "2024-05-03", True)
    second = ListingRecord(Listing("us_ofac_sdn", "36459", "Person",
                                   "KADYROV, Ramzan Akhmatovich", programs=(GLOMAG,)),
                           "us", "2023-08-16", "2023-08-16", False)
    target = Target("kadyrov", "Ramzan KADYROV", listings=(first.key, second.key))
    (row,) = build_designations(_inputs(first, second, targets=(target,)))
    assert row.listed_on.label() == "before 2021-08-18"
    assert row.delisted_on is None
    assert row.listings == (first.key, second.key)
