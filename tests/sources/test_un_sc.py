"""un_sc: the UN Security Council Consolidated List (consolidated.xml).

`tests/fixtures/un_sc/consolidated-excerpt.xml` holds 20 INDIVIDUAL and 5 ENTITY elements cut
byte for byte from the real 2024-11-30 file, inside its real wrapper (see the README there).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from concerted.model import Address, Identifier, Listing, Name, ProgramRef
from concerted.names.scripts import split_scripts
from concerted.sources import un_sc
from concerted.sources.base import ParseError

EXCERPT = "consolidated-excerpt.xml"


def _excerpt(fixtures: Path) -> bytes:
    return (fixtures / "un_sc" / EXCERPT).read_bytes()


def _parse(fixtures: Path) -> dict[str, Listing]:
    parsed = un_sc.parse({"consolidated.xml": _excerpt(fixtures)})
    assert parsed.published == "2024-11-30"
    return {listing.key: listing for listing in parsed.listings}


def test_individual(fixtures: Path) -> None:
    cherizier = _parse(fixtures)["HTi.001"]
    assert cherizier.schema == "Person"
    assert cherizier.name == "JIMMY CHERIZIER"
    assert cherizier.names == (
        Name("JIMMY CHERIZIER", "primary"),
        Name("BARBEQUE", "alias", quality="low"),
    )
    assert cherizier.birth_dates == ("1977-03-30",)
    assert cherizier.birth_places == ("Port-au-Prince, Haiti",)
    assert cherizier.nationalities == ("Haiti",)
    assert cherizier.positions == ("Former Police Officer",)
    assert cherizier.identifiers == (
        Identifier(
            "national_id", "001-843-989-7", None, "National Identification Number; NIF - Haiti"
        ),
    )
    assert cherizier.addresses == (
        Address("16, Imp Manius, Delmas 40 B, Port-au-Prince, Haiti", "Haiti"),
    )
    assert cherizier.programs == (ProgramRef("Haiti", "un-haiti", "other"),)
    assert cherizier.listed_on == "2022-10-21"
    assert cherizier.reasons is not None
    assert cherizier.reasons.startswith("Jimmy Cherizier (AKA “Barbeque”) has engaged in acts")
    assert ("dataid", "6908911") in cherizier.extra


def test_names_scripts_and_aliases(fixtures: Path) -> None:
    listings = _parse(fixtures)
    anwari = listings["TAi.005"]
    assert Name("محمد طاهر أنوري", "original", script="Arabic") in anwari.names
    assert Name("Haji Mudir", "alias", quality="low") in anwari.names
    assert anwari.titles == ("Mullah",)
    assert Name("Mohammad Naim", "fka", quality="good") in listings["TAi.013"].names
    aqim = listings["QDe.014"]
    assert aqim.schema == "Organization"
    assert Name("Salafist Group For Call and Combat", "fka") in aqim.names
    assert Name("AQIM", "alias") in aqim.names
    assert "Alias Al Kawthar Co.: in Arabic script: شركة الكوثر" in listings["QDe.157"].notes


def test_dates_of_birth(fixtures: Path) -> None:
    listings = _parse(fixtures)
    assert listings["TAi.005"].birth_dates == ("~1961",)
    assert listings["TAi.038"].birth_dates == ("1960/1962",)  # BETWEEN, note "Approximately"
    assert listings["TAi.004"].birth_dates == ("~1966", "1960", "1953")  # 2 given for aliases
    assert listings["LYi.022"].birth_dates == ()
    assert "Date of birth: 30-35 years old" in listings["LYi.022"].notes
    assert listings["LYi.023"].birth_places == ("possibly Sabratha, Talil neighbourhood",)
    # Ranges given on aliases (`1958 - 1964`) are kept as ranges.
    assert listings["TAi.150"].birth_dates == ("1966-01-01", "1958/1964")
    assert listings["TAi.153"].birth_dates == ("1966", "1961", "1968/1970", "1962")
    assert listings["YEi.002"].birth_dates == ("~1985", "1984/1986")
    # Given only in words: `Between Aug. and Sep. 1977`, now read and not left as a note.
    assert listings["QDi.306"].birth_dates == ("1977-08/1977-09", "1976")
    assert not any("Date of birth" in note for note in listings["QDi.306"].notes)


def test_a_name_with_its_form_in_another_script_is_two_names(fixtures: Path) -> None:
    kim = _parse(fixtures)["KPi.035"]  # alias `Jin Tiesan (金铁三)`
    assert Name("Jin Tiesan", "alias", quality="good") in kim.names
    assert Name("金铁三", "alias", quality="good", script="Han") in kim.names
    assert not any("(" in name.value for name in kim.names)


def test_documents_addresses_and_odd_values(fixtures: Path) -> None:
    listings = _parse(fixtures)
    assert listings["TAi.011"].identifiers == (
        Identifier(
            "passport",
            "SE-011697",
            "Afghanistan",
            "Passport; issued 1988-01-25; Kabul; expired on 23 Feb. 2000",
        ),
    )
    assert listings["QDi.356"].gender == "Female"
    assert listings["TAi.114"].nationalities == ("Afghanistan", "Pakistan")
    assert "KPe.023" in listings  # REFERENCE_NUMBER "KPe.023 " has a trailing space
    assert listings["TAe.014"].listed_on == "2015-03-27"  # LISTED_ON 2015-03-27-04:00
    assert listings["SSi.001"].programs[0].id == "un-south-sudan"
    assert (
        Address(
            "Woreda District 24 Kebele Section 13, Addis Ababa, Ethiopia (at time of listing)",
            "Ethiopia",
        )
        in listings["QDe.113"].addresses
    )


def test_detect(fixtures: Path) -> None:
    assert un_sc.detect("consolidated.xml", _excerpt(fixtures))
    sema = (fixtures / "ca_sema" / "sema-lmes-2020-excerpt.xml").read_bytes()
    assert not un_sc.detect("sema-lmes.xml", sema)
    assert not un_sc.detect("x.xml", b"")


# --- bad input: every refusal names the file ------------------------------------------


def _refused(name: str, data: bytes, match: str = "") -> None:
    with pytest.raises(ParseError, match=match) as info:
        un_sc.parse({name: data})
    assert info.value.file == name
    assert str(info.value).startswith(f"{name}: ")


def test_truncated_file_is_refused(fixtures: Path) -> None:
    data = _excerpt(fixtures)
    _refused("consolidated.xml", data[: len(data) // 2], "truncated")


def test_wrong_encoding_is_refused(fixtures: Path) -> None:
    text = _excerpt(fixtures).decode("utf-8")
    _refused("consolidated.xml", text.encode("cp1256", errors="replace"), "not well-formed")
    _refused("consolidated.xml", text.encode("latin-1", errors="replace"), "not well-formed")


def test_entity_bomb_and_external_entity_are_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<CONSOLIDATED_LIST>&lol2;</CONSOLIDATED_LIST>"
    )
    _refused("consolidated.xml", bomb, "DTD or entities")
    external = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://example.org/x">]>'
        b"<CONSOLIDATED_LIST>&e;</CONSOLIDATED_LIST>"
    )
    _refused("consolidated.xml", external, "DTD or entities")
    # In UTF-16 a byte search cannot see the DTD; the parsed tree's doctype still does.
    utf16 = bomb.decode("ascii").replace('<?xml version="1.0"?>', "").encode("utf-16")
    _refused("consolidated.xml", utf16, "DTD or entities")


def test_another_lists_file_is_refused(fixtures: Path) -> None:
    sema = (fixtures / "ca_sema" / "sema-lmes-2020-excerpt.xml").read_bytes()
    _refused("sema-lmes.xml", sema, "expected <CONSOLIDATED_LIST>")
    xlsx = (fixtures / "au_dfat" / "regulation8-excerpt.xlsx").read_bytes()
    assert not un_sc.detect("regulation8_consolidated.xlsx", xlsx)
    _refused("regulation8_consolidated.xlsx", xlsx, "not well-formed")


def test_missing_elements_are_refused() -> None:
    _refused("consolidated.xml", b"<CONSOLIDATED_LIST/>", "no INDIVIDUAL or ENTITY")
    nameless = (
        b"<CONSOLIDATED_LIST><ENTITIES><ENTITY><REFERENCE_NUMBER>QDe.1</REFERENCE_NUMBER>"
        b"<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE></ENTITY></ENTITIES></CONSOLIDATED_LIST>"
    )
    _refused("consolidated.xml", nameless, "entity 1 has no FIRST_NAME")
    entity = (
        b"<ENTITY><FIRST_NAME>X</FIRST_NAME><REFERENCE_NUMBER>QDe.1</REFERENCE_NUMBER>"
        b"<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE></ENTITY>"
    )
    twice = b"<CONSOLIDATED_LIST><ENTITIES>" + entity * 2 + b"</ENTITIES></CONSOLIDATED_LIST>"
    _refused("consolidated.xml", twice, "share the reference number 'QDe.1'")


def test_unknown_list_type_still_gets_an_id() -> None:
    entity = (
        b"<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>X</FIRST_NAME>"
        b"<REFERENCE_NUMBER>NEe.1</REFERENCE_NUMBER><UN_LIST_TYPE>NewRegime</UN_LIST_TYPE>"
        b"</ENTITY></ENTITIES></CONSOLIDATED_LIST>"
    )
    (listing,) = un_sc.parse({"consolidated.xml": entity}).listings
    assert listing.programs == (ProgramRef("NewRegime", "un-new-regime", "other"),)


# --- the full real file ----------------------------------------------------------------


@pytest.mark.shared
def test_real_file(shared_lists: Path) -> None:
    path = shared_lists / "un" / "2024-11-30" / "consolidated.xml"
    parsed = un_sc.parse({path.name: path.read_bytes()})
    assert parsed.published == "2024-11-30"
    listings = {listing.key: listing for listing in parsed.listings}
    assert len(parsed.listings) == len(listings) == 879
    un_sc.SOURCE.check_count(path.name, len(listings))
    assert sum(item.schema == "Person" for item in listings.values()) == 686
    assert sum(item.schema == "Organization" for item in listings.values()) == 193
    assert all(item.listed_on for item in listings.values())
    known = set(un_sc.REFERENCE.programs.values())
    assert {item.programs[0].id for item in listings.values()} == known  # yml and file agree
    assert sum(item.program_ids == ("un-al-qaida",) for item in listings.values()) == 344
    assert listings["HTi.001"].name == "JIMMY CHERIZIER"
    assert listings["TAi.005"].birth_dates == ("~1961",)
    baghdadi = [(n.value, n.script) for n in listings["QDi.299"].names if n.kind != "primary"]
    assert ("أبو بكر البغدادي الحسيني القريشي", "Arabic") in baghdadi
    assert ("Abu Bakr al-Baghdadi", None) in baghdadi
    # No alias mixes two scripts any more, and every alias birth date was read.
    assert not any(len(split_scripts(n.value)) > 1 for x in listings.values() for n in x.names)
    assert not any(note.startswith("Date of birth (of an alias)") and "-" in note
                   for x in listings.values() for note in x.notes)


@pytest.mark.shared
def test_detect_on_every_real_file(shared_lists: Path) -> None:
    for path in sorted(shared_lists.glob("*/*/*")):
        if path.parent.parent.name == "us" and path.parent.name != "2024-05-03":
            continue  # one OFAC snapshot stands for all 57
        expected = path.parent.parent.name == "un"
        assert un_sc.detect(path.name, path.read_bytes()) is expected, path
