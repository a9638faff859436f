"""sdn.xml and sdn_advanced.xml, alone and beside the CSV set.

`sdn_2014_excerpt.xml` is real; `sdn.xml` and `sdn_advanced.xml` are BUILT to OFAC's schemas
from real records and fragments, awaiting verification on a real file (see the fixtures'
README.md).
"""

from __future__ import annotations

from pathlib import Path

from concerted.model import Address, Identifier, Name, ProgramRef
from concerted.sources import us_ofac_sdn


def _read(fixtures: Path, name: str) -> bytes:
    return (fixtures / "us_ofac_sdn" / name).read_bytes()


def test_a_real_2014_sdn_xml_excerpt(fixtures: Path) -> None:
    parsed = us_ofac_sdn.parse({"sdn.xml": _read(fixtures, "sdn_2014_excerpt.xml")})
    assert parsed.published == "2014-05-30"
    listings = {listing.key: listing for listing in parsed.listings}
    assert list(listings) == ["10", "15", "25", "36", "39"]
    assert listings["36"].names == (
        Name("AEROCARIBBEAN AIRLINES", "primary"),
        Name("AERO-CARIBBEAN", "alias", "good"),
    )
    assert listings["15"].name == "ABDELNUR, Nury de Jesus"
    assert listings["15"].schema == "Person"
    assert listings["25"].addresses == (Address("171 Old Bakery Street, Valletta, Malta", "Malta"),)


def test_sdn_xml_built_to_the_schema(fixtures: Path) -> None:
    """Awaiting verification on a real file."""
    parsed = us_ofac_sdn.parse({"sdn.xml": _read(fixtures, "sdn.xml")})
    assert parsed.published == "2024-05-03"
    listings = {listing.key: listing for listing in parsed.listings}
    zhu = listings["29219"]
    assert (zhu.name, zhu.birth_dates, zhu.birth_places, zhu.gender) == (
        "ZHU, Hailun", ("1958-01",), ("Lianshui, Jiangsu, China",), "Male",
    )  # fmt: skip
    assert zhu.names[1] == Name("Hailun ZHU", "variation")
    assert zhu.programs == (ProgramRef("GLOMAG", "us-glomag", None),)
    assert Name("FOOPIE", "alias", "low") in listings["6925"].names
    assert listings["6925"].citizenships == ("Tanzania",)
    assert listings["6944"].identifiers == (
        Identifier("passport", "G 649385", None, "issued 08 Sep 2006 expires 17 Jul 2011"),
    )
    ebano = listings["4243"]
    assert (ebano.schema, ebano.identifiers) == ("Vessel", (Identifier("imo", "7406784"),))
    assert ("vessel_flag", "Panama") in ebano.extra
    assert Name("ANA I", "fka", "low") in ebano.names
    plane = listings["15431"]
    assert (plane.schema, plane.linked_to) == ("Airplane", ("POUYA AIR",))


def test_sdn_xml_and_the_csv_agree_on_shared_facts(fixtures: Path) -> None:
    csv = us_ofac_sdn.parse({"sdn.csv": _read(fixtures, "sdn.csv")}).listings
    xml = us_ofac_sdn.parse({"sdn.xml": _read(fixtures, "sdn.xml")}).listings
    by_key = {listing.key: listing for listing in csv}
    for listing in xml:
        other = by_key[listing.key]
        assert (listing.name, listing.schema, listing.programs) == (
            other.name, other.schema, other.programs,
        )  # fmt: skip
        assert set(listing.birth_dates) <= set(other.birth_dates)


def test_advanced_xml_alone(fixtures: Path) -> None:
    """Awaiting verification on a real complete file."""
    parsed = us_ofac_sdn.parse({"sdn_advanced.xml": _read(fixtures, "sdn_advanced.xml")})
    assert parsed.published == "2024-03-06"
    airline, person = parsed.listings
    assert (airline.key, airline.schema, airline.name) == (
        "36",
        "Organization",
        "AEROCARIBBEAN AIRLINES",
    )
    assert airline.listed_on == "1986-12-10"
    assert airline.programs == (ProgramRef("CUBA", "us-cuba", "other"),)
    assert airline.addresses == (Address("Havana, Cuba", "Cuba"),)
    assert (person.key, person.schema) == ("25057", "Person")
    assert person.name == "al-Rawi, 'Adnan Muhammad Amin"
    assert Name("al-Rawi, Amin Muhammad", "alias", "good") in person.names
    assert Name("Emad, Mohammad", "alias", "low") in person.names
    assert person.birth_dates == ("1985-01-07", "~1982")
    assert person.gender == "Male"
    assert person.identifiers == (Identifier("passport", "484824", "Iraq", "issued 1984-01-18"),)
    assert person.listed_on == "2019-06-12"  # the "Created" event, not the later "Amended"


def test_advanced_xml_dates_the_csv_listings(fixtures: Path) -> None:
    files = {
        "sdn.csv": b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"' + b",-0- " * 8 + b"\r\n"
        b'37,"X",-0- ,"CUBA"' + b",-0- " * 8 + b"\r\n\x1a",
        "sdn_advanced.xml": _read(fixtures, "sdn_advanced.xml"),
    }
    parsed = us_ofac_sdn.parse(files)
    assert parsed.published == "2024-03-06"
    assert [listing.listed_on for listing in parsed.listings] == ["1986-12-10", None]


def test_detect_the_xml_formats(fixtures: Path) -> None:
    for name in ("sdn.xml", "sdn_2014_excerpt.xml", "sdn_advanced.xml"):
        assert us_ofac_sdn.detect(name, _read(fixtures, name)), name
    assert not us_ofac_sdn.detect("consolidated.xml", _read(fixtures, "sdn.xml"))
    un = b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2024-11-30"></CONSOLIDATED_LIST>'
    assert not us_ofac_sdn.detect("consolidated.xml", un)
