"""gb_hmt_conlist: the OFSI Consolidated List (XLSX verified; CSV and XML to documented layout).

Unit tests read `tests/fixtures/gb_hmt_conlist/` (real rows of the shared 2025-04-14
ConList.xlsx, see its README); tests marked `shared` read the whole real file.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from concerted.model import Identifier, Listing
from concerted.sources import gb_hmt_conlist
from concerted.sources.base import Parsed
from concerted.sources.dates import iso_date
from concerted.sources.gb_shared import CONLIST, split_items

FORMS = ("ConList.xlsx", "ConList.csv", "ConList.xml")


def _parse(fixtures: Path, name: str = "ConList.xlsx") -> Parsed:
    return gb_hmt_conlist.parse({name: (fixtures / "gb_hmt_conlist" / name).read_bytes()})


def _by_key(fixtures: Path, name: str = "ConList.xlsx") -> dict[str, Listing]:
    return {listing.key: listing for listing in _parse(fixtures, name).listings}


def test_excerpt_is_one_listing_per_group_id(fixtures: Path) -> None:
    parsed = _parse(fixtures)
    assert parsed.published == "2025-04-14"
    assert len(parsed.listings) == 21
    assert {listing.source for listing in parsed.listings} == {"gb_hmt_conlist"}


def test_xinjiang_official(fixtures: Path) -> None:
    zhu = _by_key(fixtures)["14078"]
    assert (zhu.schema, zhu.name) == ("Person", "HAILUN ZHU")
    assert [(n.value, n.kind) for n in zhu.names] == [
        ("HAILUN ZHU", "primary"),
        ("ZHU, HAILUN", "primary"),
    ]
    assert zhu.birth_dates == ("1958-01",)
    assert zhu.birth_places == ("Lianshui, Jangsu, China",)
    assert zhu.nationalities == ("China",)
    assert zhu.gender == "Male"
    assert zhu.listed_on == "2021-03-22"
    assert [(p.raw, p.id, p.theme) for p in zhu.programs] == [
        ("Global Human Rights", "gb-ghr", "human_rights")
    ]
    assert Identifier(kind="uk_sanctions_list_ref", value="GHR0078") in zhu.identifiers
    assert ("uk_sanctions_list_ref", "GHR0078") in zhu.extra
    assert ("uk_sanctions_list_date_designated", "2021-03-22") in zhu.extra
    assert ("last_updated", "2021-04-01") in zhu.extra
    assert zhu.reasons is not None and zhu.reasons.startswith("Zhu Hailun was a provincial-level")
    assert len(zhu.positions) == 3 and zhu.positions[2].startswith("Secretary of the Political")


def test_name_variations_and_alias_quality(fixtures: Path) -> None:
    listings = _by_key(fixtures)
    haq = listings["15672"]
    assert haq.name == "Mian Abdul HAQ"
    assert [n.value for n in haq.names if n.kind == "variation"] == [
        "Mian MITHOO", "Mian MITHU", "Mian MITTO", "Mian MITTU",
    ]  # fmt: skip
    assert haq.titles == ("Mr",)
    kony = listings["13378"]
    assert kony.birth_dates == ("1994", "1993", "1995", "1992")  # `00/00/yyyy` in the list
    qualities = {n.value: n.quality for n in kony.names if n.kind == "alias"}
    assert qualities["Ali Lalobo BASHIR"] == "good" and qualities["ONE-P"] == "low"
    assert Identifier(kind="un_ref", value="CFi.010") in kony.identifiers


def test_entity_addresses_and_other_information(fixtures: Path) -> None:
    entity = _by_key(fixtures)["12431"]
    assert entity.schema == "Organization"
    assert entity.name == "HANDASIEH ORGANIZATION FOR ENGINEERING INDUSTRIES"
    assert [a.full for a in entity.addresses] == [
        "PO Box 21120, Baramkeh, Damascus",
        "PO Box 5966, Abou Bakr Al Seddeq St., Damascus",
        "PO Box 2849, Al Moutanabi Street, Damascus",
    ]
    assert {a.country for a in entity.addresses} == {"Syria"}
    assert [v for k, v in entity.extra if k == "phone"][:2] == ["+963112121816", "+963112121834"]
    assert entity.reasons is not None and entity.reasons.startswith("Front company")


def test_two_regimes_each_keep_their_own_listing_date(fixtures: Path) -> None:
    qods = _by_key(fixtures)["11241"]
    assert [(p.id, p.listed_on) for p in qods.programs] == [
        ("gb-iran-nuclear", "2010-07-27"), ("gb-syria", "2011-08-24")]
    assert qods.listed_on == "2010-07-27"  # the group's first listing
    refs = [i.value for i in qods.identifiers if i.kind == "uk_sanctions_list_ref"]
    assert refs == ["INU0082", "SYR0310"]
    assert ("parent_company", "Iranian Revolutionary Guard Corps") in qods.extra


PER_REGIME = {  # Group ID -> regime -> `Listed On`, as the 2025-04-14 file prints them
    "13897": {"gb-ghr": "2020-07-06", "gb-myanmar": "2021-02-25"},  # Min Aung HLAING
    "13748": {"gb-chemical-weapons": "2019-01-21", "gb-cyber": "2020-10-23"},  # KOSTYUKOV
    "13919": {"gb-ghr": "2020-09-29", "gb-belarus": "2020-11-06"},  # LUKASHENKO
}


@pytest.mark.parametrize("form", FORMS)
def test_each_regime_carries_its_own_listed_on(fixtures: Path, form: str) -> None:
    listings = _by_key(fixtures, form)
    for key, dates in PER_REGIME.items():
        assert {p.id: p.listed_on for p in listings[key].programs} == dates, key


def test_ship_un_reference_and_contact_details(fixtures: Path) -> None:
    listings = _by_key(fixtures)
    ship = listings["13651"]
    assert ship.schema == "Vessel"
    assert Identifier(kind="imo", value="7408873") in ship.identifiers
    assert ("flag", "North Korea") in ship.extra
    # OFSI printed the UN reference where the UK one belongs: kept as the UN one.
    sudan = listings["16681"]
    assert [i.kind for i in sudan.identifiers if i.value == "SDi.005"] == ["un_ref"]
    assert "info@140zavod.org" in listings["14042"].emails


def test_documents_script_and_places(fixtures: Path) -> None:
    listings = _by_key(fixtures)
    russian = listings["15842"]
    original = [n for n in russian.names if n.kind == "original"]
    assert original and {(n.script, n.lang) for n in original} == {("Cyrillic", "Russian")}
    assert {i.kind for i in russian.identifiers} >= {"passport", "national_id"}
    passports = [i for i in listings["13312"].identifiers if i.kind == "passport"]
    assert [(i.value, i.note) for i in passports] == [
        ("223611", "Libya number"),
        ("C00146605", "British passport number"),
    ]
    assert listings["6909"].birth_places == (
        "Baghlan Jadid District, Baghlan Province, Afghanistan",
        "Pul-e-Khumri, Afghanistan",
    )
    # Two numbered towns, three numbered countries: each town stays with its country.
    assert listings["13074"].birth_places == (
        "Leningrad (now St Petersburg), USSR (now Russian Federation)",
        "Moscow, USSR (now Russian Federation)",
        "Belarus",
    )


def test_gac_program(fixtures: Path) -> None:
    evrazia = _by_key(fixtures)["16846"]
    assert [(p.id, p.theme) for p in evrazia.programs] == [("gb-gac", "corruption")]


@pytest.mark.parametrize("form", FORMS[1:])
def test_csv_and_xml_forms_read_like_the_xlsx(fixtures: Path, form: str) -> None:
    """CSV and XML fixtures are the same real rows in the documented layouts (awaiting
    verification on a real ConList.csv / ConList.xml, which the shared data lacks)."""
    assert _by_key(fixtures, form) == _by_key(fixtures)
    assert _parse(fixtures, form).published == ("2025-04-14" if form.endswith("csv") else None)


@pytest.mark.parametrize("form", FORMS)
def test_detect_recognises_every_form(fixtures: Path, form: str) -> None:
    data = (fixtures / "gb_hmt_conlist" / form).read_bytes()
    assert gb_hmt_conlist.detect(form, data)
    assert gb_hmt_conlist.detect("renamed.bin", data)  # by content, not by name


@pytest.mark.parametrize(
    ("text", "iso"),
    [("22/03/2021", "2021-03-22"), ("00/00/1961", "1961"), ("00/05/1963", "1963-05"),
     ("10/1966", "1966-10"), ("1951", "1951"), ("dd/mm/1945", "1945"), ("dd/09/1958", "1958-09"),
     ("2022-12-09T00:00:00", "2022-12-09"), ("15/08/19yy", None), ("31/13/2001", None)],
)  # fmt: skip
def test_uk_dates(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


def test_enumerations_keep_placeholders_aligned() -> None:
    assert split_items("(1) Tunis (2) - (3) -") == ["Tunis", "", ""]
    assert split_items("(1) Germany. (2) Morocco", ".") == ["Germany", "Morocco"]
    assert split_items("Russia") == ["Russia"]


def test_source_metadata() -> None:
    source = gb_hmt_conlist.SOURCE
    assert (source.id, source.jurisdiction, source.verified) == ("gb_hmt_conlist", "gb", True)
    assert set(source.formats) == {"xlsx", "csv", "xml"}
    assert source.min_listings < 4688 < source.max_listings
    assert source.min_listings > 4688 // 2  # half a list is refused


# --- the whole real file ------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(shared_lists: Path) -> Parsed:
    data = (shared_lists / "gb" / "2025-04-14" / "ConList.xlsx").read_bytes()
    return gb_hmt_conlist.parse({"ConList.xlsx": data})


@pytest.mark.shared
def test_real_file_counts(real: Parsed) -> None:
    assert real.published == "2025-04-14"
    assert len(real.listings) == 4688
    gb_hmt_conlist.SOURCE.check_count("ConList.xlsx", len(real.listings))
    programs = collections.Counter(p for listing in real.listings for p in listing.program_ids)
    assert (programs["gb-ghr"], programs["gb-gac"]) == (143, 66)
    assert len(programs) == 31
    assert collections.Counter(listing.schema for listing in real.listings) == {
        "Person": 3663, "Organization": 1010, "Vessel": 15,
    }  # fmt: skip


@pytest.mark.shared
def test_real_xinjiang_officials(real: Parsed) -> None:
    listings = {listing.key: listing for listing in real.listings}
    officials = {key: listings[key] for key in ("14074", "14076", "14077", "14078")}
    assert {key: listing.name for key, listing in officials.items()} == {
        "14074": "MINGGUO CHEN", "14076": "MINGSHAN WANG",
        "14077": "JUNZHENG WANG", "14078": "HAILUN ZHU",
    }  # fmt: skip
    for listing in officials.values():
        assert listing.program_ids == ("gb-ghr",)
        assert listing.listed_on == "2021-03-22"


@pytest.mark.shared
def test_real_birth_places_have_no_stray_full_stops(real: Parsed) -> None:
    listings = {listing.key: listing for listing in real.listings}
    places = [place for listing in real.listings for place in listing.birth_places]
    assert not [p for p in places if p.endswith(".") or "., " in p or p.startswith(("-", "."))]
    assert listings["11650"].birth_places == ("Sudan", "Anefif (Kidal), Mali")  # `- .` town
    assert listings["6911"].birth_places[0] == "Hisarak District, Nangarhar Province, Afghanistan"


@pytest.mark.shared
def test_real_per_regime_listing_dates(real: Parsed) -> None:
    listings = {listing.key: listing for listing in real.listings}
    for key, dates in PER_REGIME.items():
        assert {p.id: p.listed_on for p in listings[key].programs} == dates, key
    # Every regime of every group carries the date the file prints for it.
    assert all(p.listed_on for listing in real.listings for p in listing.programs)


@pytest.mark.shared
def test_every_real_regime_is_in_the_reference_data(shared_lists: Path, real: Parsed) -> None:
    markers = {regime.marker for regime in CONLIST.regimes}
    raws = {p.raw for listing in real.listings for p in listing.programs}
    assert raws <= markers, raws - markers
    assert all(listing.names and listing.listed_on for listing in real.listings)
