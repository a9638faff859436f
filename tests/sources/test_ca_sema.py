"""ca_sema: the Consolidated Canadian Autonomous Sanctions List (sema-lmes.xml).

Fixtures (tests/fixtures/ca_sema/README.md): `sema-lmes-2020-excerpt.xml` is cut byte for byte
from the real 2020 file; the two 2026 files are public samples of the newer layouts copied
from another project's tests, awaiting verification on a real file of those layouts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from concerted.model import Identifier, Listing, Name, ProgramRef
from concerted.sources import ca_sema
from concerted.sources.base import ParseError

EXCERPT_2020 = "sema-lmes-2020-excerpt.xml"
JVCFOR = "Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)"


def _parse(fixtures: Path, name: str) -> dict[str, Listing]:
    data = (fixtures / "ca_sema" / name).read_bytes()
    return {listing.key: listing for listing in ca_sema.parse({name: data}).listings}


def test_2020_excerpt_keys_programs_and_schemas(fixtures: Path) -> None:
    listings = _parse(fixtures, EXCERPT_2020)
    assert len(listings) == 22
    soe = listings[f"{JVCFOR}#1#53"]
    assert soe.schema == "Person" and soe.name == "Maung Maung Soe"
    assert soe.names[:2] == (
        Name("Maung Maung Soe", "primary"),
        Name("Soe, Maung Maung", "variation"),
    )
    assert soe.birth_dates == ("1964-03",)
    assert soe.programs == (
        ProgramRef(
            raw=f"{JVCFOR} / Règlement relatif à la justice pour les victimes de dirigeants "
            "étrangers corrompus (RJVDEC)",
            id="ca-jvcfoa",
            theme=None,
        ),
    )
    assert soe.listed_on is None  # the 2020 layout prints no listing date
    bagan = listings["Burma#1#1"]
    assert bagan.schema == "Organization"
    assert [n.value for n in bagan.names] == [
        "Air Bagan",
        "Air Bagan Holdings Pte. Ltd.",
        "Air Bagan Limited",
    ]
    assert bagan.programs == (ProgramRef(raw="Burma / Birmanie", id="ca-sema", theme="other"),)


def test_2020_excerpt_awkward_values(fixtures: Path) -> None:
    listings = _parse(fixtures, EXCERPT_2020)
    assert listings[f"{JVCFOR}#1#54"].birth_dates == ("1972-08-10", "1972-08-11")
    girkin = listings["Russia#1#43"]  # LastName ends in a no-break space
    assert girkin.name == "Igor GIRKIN"
    assert Name("Igor STRELKOV", "alias") in girkin.names
    assert listings["Russia#1#109"].name == "Gennady Nikolayevich MEDVEDEV"
    assert listings["Burma#2#24"].name == "Thaung"  # LastName only
    assert listings["Syria#2#60"].titles == ("Major General/major-général",)
    assert "Venezuela##55" in listings  # no <Schedule> element
    assert listings["Nicaragua#N/A#1"].birth_dates == ("1954-11-11",)


def test_one_word_aliases_respell_a_part_of_the_name(fixtures: Path) -> None:
    listings = _parse(fixtures, EXCERPT_2020)
    aliases = {key: [n.value for n in listings[key].names if n.kind == "alias"]
               for key in ("Russia#1#94", "Russia#1#116", "Ukraine#1#69")}
    assert aliases == {
        "Russia#1#94": ["Andrei Igorevich AKIMOV"],  # `Andrei` for Andrey
        "Russia#1#116": ["Vladimir Vladimirovich ERYGIN"],  # `ERYGIN` for YERYGIN
        "Ukraine#1#69": ["Batya", "Kazak"],  # nicknames, like no part of the name
    }


def test_2026_slice_middle_layout(fixtures: Path) -> None:
    """Awaiting verification on a real file: EntityOrShip, TitleOrShip, ShipIMONumber."""
    listings = _parse(fixtures, "sema-lmes-2026-slice.xml")
    ship = listings["Russia#1.1#257"]
    assert ship.schema == "Vessel" and ship.name == "Alliance"
    assert ship.identifiers == (Identifier("imo", "9413561"),)
    assert ship.birth_dates == ()
    assert ("build_date", "2009") in ship.extra
    assert listings["Russia#1, Part 2#768"].schema == "Organization"
    streit = listings["Russia#1, Part 2#861"]
    assert [n.value for n in streit.names[1:]] == ["STREIT Group FZE", "STREIT Group FZE-LLC"]
    assert streit.listed_on == "2026-08-06"
    tarasevich = listings["Belarus#1, Part 1#103"]
    assert Name("Андрэй Раманавiч ТАРАСЕВIЧ", "alias", script="Cyrillic", lang="Belarusian") in (
        tarasevich.names
    )
    assert listings[f"{JVCFOR}##1"].programs[0].id == "ca-jvcfoa"
    sinwar = listings["Hamas Terrorist Attacks#Part 1#1"]
    assert sinwar.programs[0].id == "ca-sema"
    assert Name("يحيى السنوار", "alias", script="Arabic") in sinwar.names


def test_2026_bilingual_element_names(fixtures: Path) -> None:
    """Awaiting verification on a real file: Country-Pays, EntityOrShip-EntiteOuNavire..."""
    listings = _parse(fixtures, "sema-lmes-2026-bilingual.xml")
    assert sorted(listings) == ["Belarus#1, Part 1#1", "Belarus#1, Part 2#1", "Russia#1.1#1"]
    person = listings["Belarus#1, Part 1#1"]
    assert person.name == "Khazalbek Bakhtibekovich Atabekov"
    assert person.listed_on == "2020-09-28"
    ship = listings["Russia#1.1#1"]
    assert ship.schema == "Vessel"
    assert ship.identifiers == (Identifier("imo", "7612448"),)
    assert ship.extra[2] == (
        "ship_type",
        "General Cargo/Multi Purpose | Cargo classique/navire polyvalent",
    )


def test_detect(fixtures: Path) -> None:
    for name in ("sema-lmes-2020-excerpt.xml", "sema-lmes-2026-bilingual.xml"):
        assert ca_sema.detect(name, (fixtures / "ca_sema" / name).read_bytes())
    un = (fixtures / "un_sc" / "consolidated-excerpt.xml").read_bytes()
    assert not ca_sema.detect("consolidated.xml", un)
    assert not ca_sema.detect("x.xml", b"")


# --- bad input: every refusal names the file ------------------------------------------


def _refused(name: str, data: bytes, match: str = "") -> None:
    with pytest.raises(ParseError, match=match) as info:
        ca_sema.parse({name: data})
    assert info.value.file == name
    assert str(info.value).startswith(f"{name}: ")


def test_truncated_file_is_refused(fixtures: Path) -> None:
    data = (fixtures / "ca_sema" / EXCERPT_2020).read_bytes()
    _refused("sema-lmes.xml", data[: len(data) // 2], "truncated")


def test_wrong_encoding_is_refused(fixtures: Path) -> None:
    text = (fixtures / "ca_sema" / EXCERPT_2020).read_text(encoding="utf-8")
    _refused("sema-lmes.xml", text.encode("latin-1"), "not well-formed")


def test_entity_bomb_and_external_entity_are_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE data-set [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<data-set><record><Country>&b;</Country><Item>1</Item></record></data-set>"
    )
    _refused("bomb.xml", bomb, "DTD or entities")
    external = (
        b'<?xml version="1.0"?><!DOCTYPE data-set [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<data-set><record><Country>&x;</Country><Item>1</Item></record></data-set>"
    )
    _refused("xxe.xml", external, "DTD or entities")


def test_another_lists_file_is_refused(fixtures: Path) -> None:
    un = (fixtures / "un_sc" / "consolidated-excerpt.xml").read_bytes()
    _refused("consolidated.xml", un, "expected <data-set>")
    xlsx = (fixtures / "au_dfat" / "regulation8-excerpt.xlsx").read_bytes()
    assert not ca_sema.detect("regulation8_consolidated.xlsx", xlsx)
    _refused("regulation8_consolidated.xlsx", xlsx, "not well-formed")


def test_missing_elements_are_refused() -> None:
    no_item = b"<data-set><record><Country>Iran</Country><Entity>X</Entity></record></data-set>"
    _refused("sema-lmes.xml", no_item, "record 1 has no item")
    no_name = b"<data-set><record><Country>Iran</Country><Item>1</Item></record></data-set>"
    _refused("sema-lmes.xml", no_name, "record 1 has no name")
    _refused("sema-lmes.xml", b"<data-set></data-set>", "no <record>")
    record = b"<record><Country>Iran</Country><Entity>X</Entity><Item>1</Item></record>"
    _refused("sema-lmes.xml", b"<data-set>" + record * 2 + b"</data-set>", "share the key")


# --- the full real file ----------------------------------------------------------------


@pytest.mark.shared
def test_real_2020_file(shared_lists: Path) -> None:
    path = shared_lists / "ca" / "2020-04-15" / "sema-lmes.xml"
    parsed = ca_sema.parse({path.name: path.read_bytes()})
    assert parsed.published is None  # no date inside the file
    listings = {listing.key: listing for listing in parsed.listings}
    assert len(parsed.listings) == len(listings) == 1369
    ca_sema.SOURCE.check_count(path.name, len(listings))
    jvcfoa = [item for item in listings.values() if item.program_ids == ("ca-jvcfoa",)]
    assert len(jvcfoa) == 70
    assert sum(item.schema == "Person" for item in listings.values()) == 985
    assert sum(item.schema == "Organization" for item in listings.values()) == 384
    maduro = listings[f"{JVCFOR}#1#1"]
    assert maduro.name == "Nicolás MADURO MOROS"
    irgc = listings["Iran#1#136"]
    assert "IRGC" in [n.value for n in irgc.names]
    assert listings["Zimbabwe#N/A#1"].birth_dates == ("1924-02-21",)
    assert not any(item.notes for item in listings.values())  # every date was read
    # One-word person aliases left alone are nicknames or other names; the respellings
    # (`Andrei`, `ERYGIN`, `PASHENKO`…) became whole names.
    one_word = [n.value for item in listings.values() if item.schema == "Person"
                for n in item.names if n.kind == "alias" and " " not in n.value]
    assert one_word == ["Batya", "Kazak", "Fritz", "Serbian", "Motorola", "Givi", "Arina"]


@pytest.mark.shared
def test_detect_on_every_real_file(shared_lists: Path) -> None:
    for path in sorted(shared_lists.glob("*/*/*")):
        if path.parent.parent.name == "us" and path.parent.name != "2024-05-03":
            continue  # one OFAC snapshot stands for all 57
        expected = path.parent.parent.name == "ca"
        assert ca_sema.detect(path.name, path.read_bytes()) is expected, path
