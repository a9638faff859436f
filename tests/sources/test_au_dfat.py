"""au_dfat: DFAT's Australian Sanctions Consolidated List (regulation8_consolidated.xlsx).

`tests/fixtures/au_dfat/regulation8-excerpt.xlsx` holds every row of 22 real listings, copied
with openpyxl from the real 2024-11-11 workbook under its real header, with the real
`docProps/core.xml` (see the README there).
"""

from __future__ import annotations

import collections
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from concerted.model import Listing, Name, ProgramRef
from concerted.sources import au_dfat
from concerted.sources.au_dfat import _label
from concerted.sources.au_dfat_dates import birth_dates, listed_by, listed_on
from concerted.sources.au_dfat_sheet import read_sheet
from concerted.sources.base import ParseError

NAME = "regulation8_consolidated.xlsx"


def _excerpt(fixtures: Path) -> bytes:
    return (fixtures / "au_dfat" / "regulation8-excerpt.xlsx").read_bytes()


def _parse(fixtures: Path) -> dict[str, Listing]:
    parsed = au_dfat.parse({NAME: _excerpt(fixtures)})
    assert parsed.published == "2024-11-11"  # docProps/core.xml dcterms:modified
    return {listing.key: listing for listing in parsed.listings}


def test_rows_group_into_listings(fixtures: Path) -> None:
    listings = _parse(fixtures)
    assert len(listings) == 29
    jalil = listings["34"]  # rows 34, 34a…34f, 34c1, 34f1
    assert jalil.name == "Abdul Jalil Haqqani Wali Mohammad"
    assert jalil.names[0] == Name("Abdul Jalil Haqqani Wali Mohammad", "primary")
    assert Name("عبد الجليل حقانی ولی محمد", "original", script="Arabic") in jalil.names
    assert jalil.birth_dates == ("~1963", "1965", "1955")  # the aliases' own dates kept
    assert jalil.programs == (ProgramRef("1988 (Taliban)", "au-un-taliban", "other"),)
    assert jalil.listed_on == "2001-01-25"
    adf = listings["2943"]
    assert adf.schema == "Organization"
    assert Name("ADF/NALU", "fka") in adf.names  # Name Type "Formerly known as"
    assert Name("Qari Rahmat", "fka") in listings["2954"].names  # "Previously listed as"


def test_thematic_committees(fixtures: Path) -> None:
    listings = _parse(fixtures)
    bastrykin = listings["6854"]
    assert bastrykin.name == "Alexander Ivanovich BASTRYKIN"
    # Only the instrument (of 2022) is named, with no date: the Control Date is the latest
    # possible day, the instrument's year the earliest.
    assert bastrykin.programs == (ProgramRef(
        "Autonomous (Thematic - Human Rights)", "au-thematic", "human_rights", "2022/2022-03-30"),)
    assert bastrykin.listed_on is None
    assert bastrykin.extra == (("control_date", "2022-03-30"),)
    assert listings["6855"].programs == (ProgramRef(
        "Autonomous (Thematic – Corruption)", "au-thematic", "corruption", "2022/2022-03-30"),)
    # "Autonomous (Thematic - Cyber)  " has trailing spaces in the file
    assert listings["7832"].programs == (
        ProgramRef("Autonomous (Thematic - Cyber)", "au-thematic", "cyber", "2024/2024-01-22"),
    )
    assert listings["7337"].programs[0].listed_on == "2023/2023-02-01"
    # A printed listing date leaves the programs without bounds.
    assert listings["34"].programs[0].listed_on is None
    assert [p.raw for p in listings["1297"].programs] == ["1970 (Libya)", "1973 (Libya)"]
    assert listings["2780"].programs == (ProgramRef("Autonomous (Russia)", "au-russia", "other"),)


def test_free_text_fields(fixtures: Path) -> None:
    listings = _parse(fixtures)
    assert listings["2"].birth_dates == ("~1955/1958", "~1945/1950")  # approximate ranges
    assert listings["1145"].birth_dates == ("~1979/1982",)  # "Circa 1979-1982"
    assert listings["139"].birth_dates == ("1965-03-29",)  # "1965, 29 March"
    assert not any("Date of birth" in note for note in listings["139"].notes)
    # Lettered lists whose first item has no `a)`.
    assert listings["39"].birth_places == (
        "Jaghatu District, Maidan Wardak Province, Afghanistan",
        "Sharana District, Paktia Province, Afghanistan.")
    assert listings["51"].birth_places[1] == "Zabul Province, Afghanistan"
    assert listings["52"].birth_places == ("Shahjoi District, Zabul Province, Afghanistan",
                                           "Janda District, Ghazni Province, Afghanistan")
    assert [a.full for a in listings["1066"].addresses] == [
        "Barangay Mal-Ong, Anda, Pangasinan Province, Philippines",
        "Sitio Dueg, Barangay Maasin, San Clemente, Tarlac Province, Philippines",
        "Number 50, Purdue Street, Cubao, Quezon City, Philippines"]
    assert listings["114"].citizenships == ("Afghanistan", "Pakistan")  # "a) … b) …"
    assert listings["1112"].names[1] == Name("阿不都·哈克", "original", script="Han")
    # A language named in brackets is a label, not a second name.
    assert Name("ፍትዊ ዓብዱረዛቕ (Tigrinya)", "original", script="Ethiopic") in listings["3581"].names
    hijri = listings["1254"]
    assert hijri.birth_dates == ("1982-04-19", "1982-04-18")
    assert any("Hijri Calendar" in note for note in hijri.notes)  # kept: not fully read
    assert listings["2580"].listed_on == "2013-03-07"  # an Excel date cell
    assert listings["1724"].listed_on == "2012-03-02"  # "Designated under … on 2 March 2012"
    assert listings["6276"].listed_on == "2022-02-18"  # "… (2013). Listed on: 18/02/2022"
    assert listings["7572"].schema == "Organization"  # Type "Entity " with a trailing space
    assert "Date of birth: Approximately (30-35 years old)" in listings["3581"].notes


@pytest.mark.parametrize(
    ("text", "dates", "complete"),
    [
        ("11 Apr. 1963", ["1963-04-11"], True),
        ("a) 14/10/1974;                     b) 19/11/1974", ["1974-10-14", "1974-11-19"], True),
        ("Approximately 1963", ["~1963"], True),
        ("Between 1968 and 1973", ["1968/1973"], True),
        ("March 1968 to March 1969", ["1968-03/1969-03"], True),
        ("a) 1/01/1968 b) 23-Apr-68", ["1968-01-01", "1968-04-23"], True),
        ("29-Aprl-1967", ["1967-04-29"], True),
        ("March 16, 1972", ["1972-03-16"], True),
        ("c. 1957 or 14 March 1942", ["~1957", "1942-03-14"], True),
        (1969, ["1969"], True),
        ("na", [], True),
        ("1965, 29 March ", ["1965-03-29"], True),
        ("a) Between Aug. and Sep 1977    b) 1976", ["1977-08/1977-09", "1976"], True),
        ("Between Aug. and Sep. 1977", ["1977-08/1977-09"], True),
        ("Approximately 1955- 1958", ["~1955/1958"], True),
        ("Circa 1979-1982", ["~1979/1982"], True),
        ("10/061962", [], False),
    ],
)
def test_birth_dates(text: object, dates: list[str], complete: bool) -> None:
    assert birth_dates(text) == (dates, complete)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Listed on: 25 Apr. 2006 (amended on 13 Oct. 2016)", "2006-04-25"),
        ("Listed by UN (1267 Committee) on 6 July 2004, amended on 21 March 2012", "2004-07-06"),
        ("Listed by UN 1267 Committee 8 Mar. 2001 (amended on 3 Sep. 2003)", "2001-03-08"),
        ("Listed 26 Feb. 2011 (amended on 2 Apr. 2012, 26 Sep. 2014)", "2011-02-26"),
        ("Listedon 8 Jun. 2007 (amended on 13 Dec. 2011, 1 May 2019)", "2007-06-08"),
        ("22 Apr. 2010 (amended 15 Apr 2014, 6 Dec 2019, 14 Dec. 2023)", "2010-04-22"),
        ("The Minister for Foreign Affairs listed this individual on 17 April 2002", "2002-04-17"),
        ("Autonomous Sanctions (…—Thematic Sanctions) Instrument 2022", None),
        ("Instrument of first listing: … List 2001. Last listed on: 16/09/2022", None),
        ("Resolution 1596 (2005), amended 16 December 2008", None),
        ("Listed on 2 Sep. 2014 (relisted on 1 Sep. 2017)", "2014-09-02"),
    ],
)
def test_listed_on(text: str, day: str | None) -> None:
    assert listed_on(text) == day


def test_detect(fixtures: Path) -> None:
    assert au_dfat.detect(NAME, _excerpt(fixtures))
    assert au_dfat.detect("renamed.xlsx", _excerpt(fixtures))  # by content, not by name
    un = (fixtures / "un_sc" / "consolidated-excerpt.xml").read_bytes()
    assert not au_dfat.detect("consolidated.xml", un)
    assert not au_dfat.detect(NAME, b"PK\x03\x04 not really a zip")
    assert not au_dfat.detect(NAME, b"")


# --- bad input: every refusal names the file ------------------------------------------


def _refused(data: bytes, match: str) -> None:
    with pytest.raises(ParseError, match=match) as info:
        au_dfat.parse({NAME: data})
    assert info.value.file == NAME
    assert str(info.value).startswith(f"{NAME}: ")


def _rewritten(fixtures: Path, edit: str) -> bytes:
    """The excerpt with its header row edited: "drop" a column or "swap" two."""
    book = openpyxl.load_workbook(io.BytesIO(_excerpt(fixtures)))
    sheet = book.active
    assert sheet is not None
    if edit == "drop":
        sheet.delete_cols(11)  # Committees
    else:
        sheet["A1"], sheet["B1"] = sheet["B1"].value, sheet["A1"].value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_truncated_file_is_refused(fixtures: Path) -> None:
    data = _excerpt(fixtures)
    _refused(data[: len(data) // 2], "truncated")


def test_wrong_columns_are_refused(fixtures: Path) -> None:
    _refused(_rewritten(fixtures, "drop"), "unexpected columns")
    _refused(_rewritten(fixtures, "swap"), "unexpected columns")


def test_wrong_format_or_encoding_is_refused(fixtures: Path) -> None:
    as_text = "Reference,Name of Individual or Entity\n2,MOHAMMAD HASSAN AKHUND\n"
    _refused(as_text.encode("utf-16"), "not a readable spreadsheet")
    un = (fixtures / "un_sc" / "consolidated-excerpt.xml").read_bytes()
    _refused(un, "not a readable spreadsheet")  # another list's file


def test_entity_bomb_inside_the_workbook_is_refused(fixtures: Path) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
    source, out = zipfile.ZipFile(io.BytesIO(_excerpt(fixtures))), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = bomb + data.split(b"?>", 1)[-1]  # openpyxl writes no declaration
            target.writestr(item, data)
    _refused(out.getvalue(), "not a readable XLSX workbook.*EntitiesForbidden")


def test_bad_rows_are_refused(fixtures: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_excerpt(fixtures)))
    sheet = book.active
    assert sheet is not None
    sheet.append(["x7", "Someone", "Individual", "aka"])
    out = io.BytesIO()
    book.save(out)
    _refused(out.getvalue(), "row 146: Reference 'x7' has no number")
    sheet.delete_rows(sheet.max_row)
    sheet.append(["99999a", "Someone", "Individual", "aka"])
    out = io.BytesIO()
    book.save(out)
    _refused(out.getvalue(), "listing 99999 has no primary name row")


# --- the full real file ----------------------------------------------------------------


@pytest.mark.shared
def test_real_file(shared_lists: Path) -> None:
    path = shared_lists / "au" / "2024-11-11" / NAME
    parsed = au_dfat.parse({path.name: path.read_bytes()})
    assert parsed.published == "2024-11-11"
    listings = {listing.key: listing for listing in parsed.listings}
    assert len(parsed.listings) == len(listings) == 3062
    au_dfat.SOURCE.check_count(path.name, len(listings))
    themes = [p.theme for item in listings.values() for p in item.programs if p.id == "au-thematic"]
    assert (themes.count("human_rights"), themes.count("corruption"), themes.count("cyber")) == (
        103,
        14,
        5,
    )
    assert all(p.id for item in listings.values() for p in item.programs)
    known = {p.id for p in au_dfat.REFERENCE.committees.values()}
    assert {p.id for item in listings.values() for p in item.programs} <= known  # yml drift
    assert sum(1 for item in listings.values() if item.listed_on) == 1283
    unread = [item for item in listings.values() if any("Date of birth" in n for n in item.notes)]
    assert len(unread) == 9  # 139 (`1965, 29 March`) and 2529 (`Between Aug. and Sep`) read
    assert listings["2529"].birth_dates == ("1977-08/1977-09", "1976")
    kim = listings["3205"]  # alias `Jin Tiesan (金铁三)`: one name in each script
    assert [(n.value, n.script) for n in kim.names if n.kind == "alias"] == [
        ("Jin Tiesan", None), ("金铁三", "Han")]
    assert listings["6854"].name == "Alexander Ivanovich BASTRYKIN"
    assert sum(item.schema == "Person" for item in listings.values()) == 2316


@pytest.mark.shared
def test_every_label_of_the_real_file_is_in_the_yml(shared_lists: Path) -> None:
    path = shared_lists / "au" / "2024-11-11" / NAME
    rows, _ = read_sheet(path.name, path.read_bytes(), au_dfat.REFERENCE.columns)
    labels = {column: {_label(row[column]) for row in rows} for column in ("Name Type", "Type")}
    assert labels["Name Type"] == set(au_dfat.REFERENCE.name_types)  # "Primary Name " etc.
    assert labels["Type"] == set(au_dfat.REFERENCE.types)


@pytest.mark.shared
def test_detect_on_every_real_file(shared_lists: Path) -> None:
    for path in sorted(shared_lists.glob("*/*/*")):
        if path.parent.parent.name == "us" and path.parent.name != "2024-05-03":
            continue  # one OFAC snapshot stands for all 57
        expected = path.parent.parent.name == "au"
        assert au_dfat.detect(path.name, path.read_bytes()) is expected, path


def test_listing_date_bounds_from_the_control_date() -> None:
    instrument = ("Autonomous Sanctions (Designated Persons and Entities and Declared Persons—"
                  "Thematic Sanctions) Amendment (No. 1) Instrument 2023")
    assert listed_by("2023-02-01", instrument) == "2023/2023-02-01"
    assert listed_by("2023-02-01", "no instrument named") == "../2023-02-01"
    assert listed_by("2019-11-08", "List 2021") == "../2019-11-08"  # inconsistent: no floor
    assert listed_by("", instrument) is None


@pytest.mark.shared
def test_real_thematic_listings_are_bounded_by_their_control_date(shared_lists: Path) -> None:
    path = shared_lists / "au" / "2024-11-11" / NAME
    listings = au_dfat.parse({NAME: path.read_bytes()}).listings
    thematic = [x for x in listings if "au-thematic" in x.program_ids]
    assert len(thematic) == 122 and not any(x.listed_on for x in thematic)
    bounds = collections.Counter(x.programs[0].listed_on for x in thematic)
    assert bounds["2022/2022-03-30"] == 39 and bounds["2023/2023-02-01"] == 17
    # Every listing without a printed date has bounds: none is left "before" the file.
    assert all(p.listed_on for x in listings if not x.listed_on for p in x.programs)
