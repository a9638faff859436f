"""gb_fcdo_uksl: the FCDO UK Sanctions List — AWAITING VERIFICATION ON A REAL FILE.

No UK Sanctions List file is in the shared data. The XML fixture is cut (whole records,
unchanged) from a published excerpt kept by another project; the CSV and ODS fixtures carry
the same records in the documented column layout. See tests/fixtures/gb_fcdo_uksl/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from concerted.model import Identifier, Listing
from concerted.sources import gb_fcdo_uksl, gb_hmt_conlist
from concerted.sources.base import Parsed
from concerted.sources.gb_fcdo_build import regime_short_name

FORMS = ("UK-Sanctions-List.xml", "UK-Sanctions-List.csv", "UK-Sanctions-List.ods")


def _parse(fixtures: Path, name: str = FORMS[0]) -> Parsed:
    return gb_fcdo_uksl.parse({name: (fixtures / "gb_fcdo_uksl" / name).read_bytes()})


def _by_key(fixtures: Path, name: str = FORMS[0]) -> dict[str, Listing]:
    return {listing.key: listing for listing in _parse(fixtures, name).listings}


def test_excerpt_is_one_listing_per_unique_id(fixtures: Path) -> None:
    parsed = _parse(fixtures)
    assert parsed.published == "2026-09-07"  # <DateGenerated>
    assert [listing.key for listing in parsed.listings] == [
        "AFG0009", "AQD0190", "BEL0004", "BEL0108", "DPR0076", "GAC0072", "RUS1683", "RUS2701",
    ]  # fmt: skip


def test_gac_designation(fixtures: Path) -> None:
    evrazia = _by_key(fixtures)["GAC0072"]
    assert (evrazia.schema, evrazia.name) == ("Organization", "Evrazia")
    assert [(p.raw, p.id, p.theme) for p in evrazia.programs] == [
        ("The Global Anti-Corruption Sanctions Regulations 2021", "gb-gac", "corruption")
    ]
    assert evrazia.listed_on == "2025-04-02"  # Date Designated
    assert evrazia.reasons is not None and evrazia.reasons.startswith("EVRAZIA is an involved")
    assert [i.value for i in evrazia.identifiers if i.kind == "registration"] == [
        "OGRN: 1247700291200", "KPP: 770701001", "INN: 9707028663",
    ]  # fmt: skip
    assert Identifier(kind="ofsi_group_id", value="16846") in evrazia.identifiers
    assert {n.kind for n in evrazia.names} == {"primary", "variation"}


def test_uk_person_with_statement_of_reasons(fixtures: Path) -> None:
    sivakau = _by_key(fixtures)["BEL0004"]
    assert sivakau.name == "Iury Leanidavich Sivakau"
    assert sivakau.names[1].value == "Sivakau, Iury Leanidavich"
    assert sivakau.program_ids == ("gb-belarus",)
    assert (sivakau.gender, sivakau.birth_dates) == ("Male", ("1946-08-05",))
    assert sivakau.birth_places == ("Onory, Sakhalin Region, Belarus",)
    assert sivakau.positions == (
        "Former Minister of Tourism and Sports",
        "Former Minister of Interior",
        "Former Deputy Head of the Presidential Administration",
    )
    assert sivakau.reasons is not None and sivakau.reasons.startswith("Involved in the unresolved")
    assert ("sanctions_imposed", "Travel Ban") in sivakau.extra


def test_un_designation_names_and_documents(fixtures: Path) -> None:
    listings = _by_key(fixtures)
    anwari = listings["AFG0009"]
    assert anwari.titles == ("Mullah", "Haji")
    assert anwari.birth_dates == ("1961",)  # `dd/mm/1961`
    grades = {n.value: n.quality for n in anwari.names if n.kind == "alias"}
    assert grades == {
        "Mohammad Taher Anwari": "good", "Mohammad Tahre Anwari": "good",
        "Muhammad Tahir Anwari": "good", "Mudir": "low",
    }  # fmt: skip
    assert [(n.script, n.kind) for n in anwari.names if n.script] == [("Arabic", "original")]
    assert Identifier(kind="un_ref", value="TAi.005") in anwari.identifiers
    al_ali = listings["AQD0190"]
    assert al_ali.program_ids == ("gb-isil-al-qaida",)
    assert (
        Identifier(
            kind="passport",
            value="1739010",
            note="issue date: 26/05/2003, expiry date: 25/05/2008, issued in Kuwait",
        )
        in al_ali.identifiers
    )


def test_ship_and_dates(fixtures: Path) -> None:
    listings = _by_key(fixtures)
    ship = listings["DPR0076"]
    assert (ship.schema, ship.program_ids) == ("Vessel", ("gb-dprk",))
    assert Identifier(kind="imo", value="8628597") in ship.identifiers
    assert ("previous_flag", "China") in ship.extra
    assert listings["RUS1683"].birth_dates == ("1975",)  # `00/00/1975`
    romanova = listings["RUS2701"]
    assert romanova.birth_dates == () and ("dob", "15/08/19yy") in romanova.extra
    original = [n for n in romanova.names if n.kind == "original"]
    assert [(n.value, n.script, n.lang) for n in original] == [
        ("Екатерина РОМАНОВА", "Cyrillic", "Russian")
    ]


@pytest.mark.parametrize("form", FORMS[1:])
def test_csv_and_ods_read_like_the_xml(fixtures: Path, form: str) -> None:
    """Built to the documented CSV/ODS layout from the XML excerpt: awaiting a real file."""
    parsed = _parse(fixtures, form)
    assert parsed.published == "2026-09-07"  # `Report Date: 07-Sep-2026`
    assert {listing.key: listing for listing in parsed.listings} == _by_key(fixtures)


@pytest.mark.parametrize("form", FORMS)
def test_detect_recognises_every_form(fixtures: Path, form: str) -> None:
    data = (fixtures / "gb_fcdo_uksl" / form).read_bytes()
    assert gb_fcdo_uksl.detect(form, data)
    assert gb_fcdo_uksl.detect("renamed.bin", data)


@pytest.mark.parametrize(
    ("instrument", "short"),
    [("The Russia (Sanctions) (EU Exit) Regulations 2019", "Russia"),
     ("The Global Human Rights Sanctions Regulations 2020", "Global Human Rights"),
     ("The Global Anti-Corruption Sanctions Regulations 2021", "Global Anti-Corruption"),
     ("The Iran (Sanctions) (Nuclear) (EU Exit) Regulations 2019", "Iran (Nuclear)"),
     ("The Counter-Terrorism (International Sanctions) (EU Exit) Regulations 2019",
      "Counter-Terrorism (International)"),
     ("Isil (Da'esh) and Al-Qaeda (United Nations Sanctions) (EU Exit) Regulations 2019",
      "ISIL (Da'esh) and Al-Qaida"),
     ("The Republic of Belarus (Sanctions) (EU Exit) Regulations 2019", "Belarus"),
     ("Global Human Rights", "Global Human Rights")],
)  # fmt: skip
def test_regime_names_reduce_to_the_ofsi_short_names(instrument: str, short: str) -> None:
    assert regime_short_name(instrument) == short


def test_both_uk_lists_share_programme_ids_and_the_ofsi_group_id(fixtures: Path) -> None:
    """GAC0072 on the UK Sanctions List is OFSI Group ID 16846 on the Consolidated List."""
    conlist = gb_hmt_conlist.parse(
        {"ConList.xlsx": (fixtures / "gb_hmt_conlist" / "ConList.xlsx").read_bytes()}
    )
    ofsi = {listing.key: listing for listing in conlist.listings}
    uksl = _by_key(fixtures)
    for key in ("GAC0072", "BEL0004", "BEL0108"):
        [group] = [i.value for i in uksl[key].identifiers if i.kind == "ofsi_group_id"]
        assert ofsi[group].program_ids == uksl[key].program_ids
        refs = [i.value for i in ofsi[group].identifiers if i.kind == "uk_sanctions_list_ref"]
        assert key in refs


def test_source_metadata() -> None:
    source = gb_fcdo_uksl.SOURCE
    assert (source.id, source.jurisdiction, source.verified) == ("gb_fcdo_uksl", "gb", False)
    assert set(source.formats) == {"xml", "csv", "ods"}
    assert source.url.startswith("https://sanctionslist.fcdo.gov.uk/")
    assert source.min_listings < 6334 < source.max_listings


def test_a_default_namespace_is_tolerated(fixtures: Path) -> None:
    data = (fixtures / "gb_fcdo_uksl" / FORMS[0]).read_bytes()
    namespaced = data.replace(b"<Designations ", b'<Designations xmlns="urn:example" ', 1)
    parsed = gb_fcdo_uksl.parse({"list.xml": namespaced})
    assert parsed.listings == _parse(fixtures).listings
