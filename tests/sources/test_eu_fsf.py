"""EU Financial Sanctions Files (eu_fsf): XML 1.1 and CSV 1.1.

AWAITING VERIFICATION ON A REAL FILE: no FSF file exists in ../shared/data/lists. The two XML
excerpts are real FSF records as published inside public repositories (see
tests/fixtures/eu_fsf/README.md); the CSV is reconstructed around real cells and the GHR
sample is synthetic. Unit tests call `parse` directly; count bounds are ingest's business.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from concerted.model import Identifier, Listing, ProgramRef
from concerted.sources.base import Parsed, ParseError
from concerted.sources.eu_fsf import SOURCE, detect, parse
from concerted.sources.eu_fsf_reference import program_ref


def _parse(fixtures: Path, name: str) -> Parsed:
    return parse({name: (fixtures / "eu_fsf" / name).read_bytes()})


def _by_key(parsed: Parsed) -> dict[str, Listing]:
    return {listing.key: listing for listing in parsed.listings}


# --- real XML excerpt of 2018-12-21 (Mugabe, IBDA-C) ----------------------------------------


def test_xml_2018_person(fixtures: Path) -> None:
    parsed = _parse(fixtures, "fsf_2018-12-21_excerpt.xml")
    assert parsed.published == "2018-12-21"
    assert [listing.key for listing in parsed.listings] == ["1", "207"]
    mugabe = parsed.listings[0]
    assert (mugabe.schema, mugabe.name, mugabe.gender) == (
        "Person",
        "Robert Gabriel Mugabe",
        "male",
    )
    assert mugabe.positions == ("Former President",)
    assert mugabe.birth_dates == ("1924-02-21",)
    assert mugabe.birth_places == ()  # the FSF prints country "UNKNOWN" (ISO "00")
    passport = Identifier("passport", "AD001095", None, "National passport; (passport)")
    assert mugabe.identifiers == (passport, Identifier("eu_ref", "EU.36.64"))
    assert mugabe.programs == (ProgramRef(raw="ZWE", id="eu-zwe", theme="other"),)
    assert mugabe.listed_on == "2018-02-16"
    assert ("last_name", "Mugabe") in mugabe.extra
    assert any(
        k == "regulation" and v.startswith("2018/223 (OJ L43); amendment") for k, v in mugabe.extra
    )


def test_xml_2018_enterprise_names(fixtures: Path) -> None:
    ibda = _parse(fixtures, "fsf_2018-12-21_excerpt.xml").listings[1]
    assert ibda.schema == "Organization"
    assert ibda.name == "İslami Büyük Doğu Akıncılar Cephesi"
    assert len(ibda.names) == 19  # every <nameAlias> of entity 207
    assert [n.kind for n in ibda.names].count("primary") == 1
    by_lang = {n.lang: n for n in ibda.names}
    assert by_lang["BG"].value == "Фронт на великите ислямски източни воини"
    assert by_lang["BG"].script == "Cyrillic"
    assert by_lang["EL"].script == "Greek"
    assert by_lang["DE"].script is None  # Latin names carry no script label
    assert "IBDA-C" in {n.value for n in ibda.names}
    assert ibda.programs == (ProgramRef(raw="TERR", id="eu-terr", theme="other"),)
    assert ibda.listed_on == "2018-03-22"


# --- real XML excerpt of 2024-12-11 and the CSV reconstructed around real cells ------------


def test_xml_2024_person(fixtures: Path) -> None:
    parsed = _parse(fixtures, "fsf_2024-12-11_excerpt.xml")
    assert parsed.published == "2024-12-11"
    (saddam,) = parsed.listings
    assert (saddam.key, saddam.name) == ("13", "Saddam Hussein Al-Tikriti")
    assert [(n.value, n.kind, n.lang) for n in saddam.names] == [
        ("Saddam Hussein Al-Tikriti", "primary", None),
        ("Abu Ali", "alias", None),
        ("Abou Ali", "alias", "FR"),
    ]
    assert saddam.citizenships == ("IRAQ",)
    assert saddam.birth_dates == ("1937-04-28",)
    assert saddam.birth_places == ("al-Awja, near Tikrit, IRAQ",)
    assert saddam.notes == ("UNSC RESOLUTION 1483",)
    assert saddam.programs == (ProgramRef(raw="IRQ", id="eu-irq", theme="other"),)
    assert saddam.listed_on == "2003-07-08"


def test_csv_matches_xml(fixtures: Path) -> None:
    """The CSV form of entity 13 gives the same listing as its XML form.

    Reconstructed fixture, awaiting verification on a real file: columns 1-21 of the first two
    rows are real bytes; the rest is filled from the XML excerpt.
    """
    parsed = _parse(fixtures, "csv_reconstructed_saddam.csv")
    assert parsed.published == "2026-08-05"  # fileGenerationDate 05/08/2026
    (csv_form,) = parsed.listings
    (xml_form,) = _parse(fixtures, "fsf_2024-12-11_excerpt.xml").listings
    for field in ("key", "schema", "name", "names", "birth_dates", "birth_places", "citizenships",
                  "gender", "programs", "listed_on"):  # fmt: skip
        assert getattr(csv_form, field) == getattr(xml_form, field), field
    assert csv_form.notes == ("(UNSC RESOLUTION 1483)",)
    assert csv_form.identifiers == (Identifier("eu_ref", "EU.27.28"),)


# --- synthetic sample: the human-rights regime and the remaining fields ---------------------


def test_synthetic_ghr_person(fixtures: Path) -> None:
    """Synthetic sample built to the FSF 1.1 schema, awaiting verification on a real file."""
    person = _by_key(_parse(fixtures, "synthetic_ghr.xml"))["900001"]
    assert person.programs == (ProgramRef(raw="HR", id="eu-ghr", theme="human_rights"),)
    assert person.listed_on == "2021-03-22"  # the earliest regulation, not the first printed
    assert ("designation_date", "2021-03-22") in person.extra
    assert person.birth_dates == ("~1960", "1961-05", "1958/1962")
    assert person.citizenships == ("SAMPLELAND",)  # "UNKNOWN" dropped
    assert [(n.value, n.quality, n.script) for n in person.names] == [
        ("Sample PERSON", "good", None),
        ("Образец ЛИЦО", "good", "Cyrillic"),
        ("S. Person", "low", None),
    ]
    assert person.titles == ("Ms",)
    assert person.gender == "female"
    assert person.emails == ("office@example.invalid",)
    assert person.websites == ("https://example.invalid",)
    assert ("phone", "+00 000 0000") in person.extra
    assert person.addresses[0].full == "1 Sample Street, 00000, Sample City, SAMPLELAND"
    passport = person.identifiers[0]
    assert (passport.kind, passport.value, passport.country) == (
        "passport",
        "X0000001",
        "SAMPLELAND",
    )
    assert passport.note == "National passport; issued by Sample Ministry; knownExpired"
    assert person.identifiers[1].kind == "national_id"
    assert "S. Person: Low quality alias" in person.notes


def test_synthetic_programme_fallbacks(fixtures: Path) -> None:
    """Synthetic sample, awaiting verification on a real file."""
    listings = _by_key(_parse(fixtures, "synthetic_ghr.xml"))
    bureau, company = listings["900002"], listings["900003"]
    assert bureau.programs == (
        ProgramRef(raw="2020/1998 (OJ L410I)", id="eu-ghr", theme="human_rights"),
    )
    assert bureau.notes == ("Synthetic function text",)  # an organisation's "function"
    assert bureau.identifiers[0] == Identifier(
        "registration", "0000000000000", "SAMPLELAND", "Registration Number"
    )
    assert company.programs == (ProgramRef(raw="NEWCODE", id="eu-newcode", theme="other"),)


@pytest.mark.parametrize(
    ("programme", "number_title", "expected"),
    [
        ("HR", "2021/478 (OJ L99I)", ProgramRef("HR", "eu-ghr", "human_rights")),
        ("GHR", "2021/371 (OJ L71I)", ProgramRef("GHR", "eu-ghr", "human_rights")),
        ("UKR", "269/2014 (OJ L78)", ProgramRef("UKR", "eu-ukr", "other")),
        ("TAQA", "", ProgramRef("TAQA", "eu-taqa", "other")),
        ("", "1210/2003 (OJ L169)", ProgramRef("1210/2003 (OJ L169)")),
        ("", "", None),
    ],
)
def test_program_ref(programme: str, number_title: str, expected: ProgramRef | None) -> None:
    assert program_ref(programme, number_title) == expected


# --- detection and metadata ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["fsf_2018-12-21_excerpt.xml", "fsf_2024-12-11_excerpt.xml", "csv_reconstructed_saddam.csv"],
)
def test_detect_fixtures(fixtures: Path, name: str) -> None:
    assert detect(name, (fixtures / "eu_fsf" / name).read_bytes())


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2024-11-30"/>',
        b'<export xmlns="http://example.org/other"/>',
        b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ',
        b"PK\x03\x04\x14\x00",
    ],
)
def test_detect_refuses_others(data: bytes) -> None:
    assert not detect("file", data)


def test_source_metadata() -> None:
    assert (SOURCE.id, SOURCE.jurisdiction, SOURCE.verified) == ("eu_fsf", "eu", False)
    assert SOURCE.url.startswith("https://webgate.ec.europa.eu/fsd/fsf/public/files/")
    SOURCE.check_count("xml", 6_239)
    for count in (1_000, 20_000):
        with pytest.raises(ParseError):
            SOURCE.check_count("xml", count)


# --- bad input: every refusal names the file ----------------------------------------------

_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<export xmlns="http://eu.europa.ec/fpi/fsd/export">&lol2;</export>"""
_EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE export [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
<export xmlns="http://eu.europa.ec/fpi/fsd/export">
<sanctionEntity logicalId="1"><remark>&ext;</remark></sanctionEntity></export>"""


def _refused(name: str, data: bytes, problem: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse({name: data})
    assert caught.value.file == name
    assert str(caught.value).startswith(name + ": ")
    assert problem in caught.value.problem


def test_truncated_xml(fixtures: Path) -> None:
    data = (fixtures / "eu_fsf" / "fsf_2018-12-21_excerpt.xml").read_bytes()
    _refused("eu.xml", data[: len(data) // 2], "not well-formed")


def test_entity_bomb_and_external_entity() -> None:
    _refused("bomb.xml", _BOMB, "DTD or entities")
    _refused("ext.xml", _EXTERNAL, "DTD or entities")


def test_xml_structure_errors(fixtures: Path) -> None:
    text = (fixtures / "eu_fsf" / "fsf_2024-12-11_excerpt.xml").read_text(encoding="utf-8")
    entity = text[text.index("    <sanctionEntity") : text.index("</export>")]
    doubled = text.replace("</export>", entity + "</export>")
    _refused("double.xml", doubled.encode(), "logicalId 13 repeats")
    _refused("nokey.xml", text.replace(' logicalId="13"', "").encode(), "without logicalId")
    empty = b'<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-12-11"/>'
    _refused("empty.xml", empty, "without any <sanctionEntity>")


def _csv_text(fixtures: Path) -> str:
    return (fixtures / "eu_fsf" / "csv_reconstructed_saddam.csv").read_text(encoding="utf-8-sig")


def test_csv_wrong_encoding(fixtures: Path) -> None:
    _refused("eu.csv", _csv_text(fixtures).encode("utf-16"), "wrong encoding")


def test_csv_truncated(fixtures: Path) -> None:
    data = _csv_text(fixtures).encode("utf-8")
    _refused("eu.csv", data[: len(data) - 300], "fields where the header has 118")


def test_csv_wrong_columns(fixtures: Path) -> None:
    text = _csv_text(fixtures)
    renamed = text.replace("NameAlias_WholeName", "NameAlias_FullName", 1)
    _refused("eu.csv", renamed.encode(), "missing columns NameAlias_WholeName")
    header, rest = text.split("\n", 1)
    dropped = header.rsplit(";", 1)[0] + "\n" + rest
    _refused("eu.csv", dropped.encode(), "line 2: 118 fields where the header has 117")
    _refused("eu.csv", (header + "\n").encode(), "without any data row")


def test_other_lists_files() -> None:
    un = b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2024-11-30"><INDIVIDUALS/>'
    un += b"</CONSOLIDATED_LIST>"
    _refused("consolidated.xml", un, "root element is <CONSOLIDATED_LIST>")
    sdn = b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    _refused("sdn.csv", sdn, "missing columns fileGenerationDate")
    _refused("ConList.xlsx", b"PK\x03\x04" + b"\x00" * 40, "ZIP container")


def test_file_set_must_be_one_file(fixtures: Path) -> None:
    data = (fixtures / "eu_fsf" / "fsf_2024-12-11_excerpt.xml").read_bytes()
    with pytest.raises(ParseError, match=r"^a\.xml, b\.xml: "):
        parse({"a.xml": data, "b.xml": data})


@pytest.mark.shared
def test_real_files_of_other_lists(shared_lists: Path) -> None:
    """No real EU file exists; every real file of the other lists is refused, by name."""
    files = [f for f in sorted(shared_lists.rglob("*")) if f.is_file() and f.suffix != ".md"]
    assert len(files) >= 60
    for path in files:
        data = path.read_bytes()
        assert not detect(path.name, data), path
        with pytest.raises(ParseError) as caught:
            parse({path.name: data})
        assert caught.value.file == path.name
