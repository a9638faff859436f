"""Hostile and foreign input for the two UK sources: each refusal is a ParseError naming the
file. The FCDO fixtures are built to the documented layout (awaiting verification on a real
file); the OFSI ones are real rows (see the fixture READMEs)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from concerted.sources import gb_fcdo_uksl, gb_hmt_conlist
from concerted.sources.base import Files, Parsed, ParseError

Parse = Callable[[Files], Parsed]
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<ArrayOfFinancialSanctionsTarget><FinancialSanctionsTarget><Name6>&lol2;</Name6>
</FinancialSanctionsTarget></ArrayOfFinancialSanctionsTarget>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Designations><Designation><UniqueID>&x;</UniqueID></Designation></Designations>"""


def _fixture(fixtures: Path, source: str, name: str) -> bytes:
    return (fixtures / source / name).read_bytes()


def _refused(parse: Parse, name: str, data: bytes, match: str | None = None) -> ParseError:
    with pytest.raises(ParseError, match=match) as caught:
        parse({name: data})
    assert caught.value.file == name and str(caught.value).startswith(f"{name}: ")
    return caught.value


def _rezip(data: bytes, member: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = content if info.filename == member else source.read(info)
            target.writestr(info, body)
    return out.getvalue()


# --- OFSI Consolidated List ------------------------------------------------------------


def test_conlist_truncated_xlsx(fixtures: Path) -> None:
    data = _fixture(fixtures, "gb_hmt_conlist", "ConList.xlsx")
    _refused(gb_hmt_conlist.parse, "ConList.xlsx", data[: len(data) // 2], "ZIP|XLSX")


def test_conlist_entity_in_xlsx_sheet(fixtures: Path) -> None:
    data = _fixture(fixtures, "gb_hmt_conlist", "ConList.xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    hostile = b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol">]>' + sheet
    bomb = _rezip(data, "xl/worksheets/sheet1.xml", hostile.replace(b"14/04/2025", b"&lol;"))
    _refused(gb_hmt_conlist.parse, "ConList.xlsx", bomb, "Forbidden")


@pytest.mark.parametrize("xml", [BOMB, XXE])
def test_conlist_xml_entities(xml: bytes) -> None:
    _refused(gb_hmt_conlist.parse, "ConList.xml", xml, "DTD or entities")


def test_conlist_truncated_xml(fixtures: Path) -> None:
    data = _fixture(fixtures, "gb_hmt_conlist", "ConList.xml")
    _refused(gb_hmt_conlist.parse, "ConList.xml", data[: len(data) // 2], "well-formed")


def test_conlist_utf16_csv(fixtures: Path) -> None:
    text = _fixture(fixtures, "gb_hmt_conlist", "ConList.csv").decode("utf-8")
    _refused(gb_hmt_conlist.parse, "ConList.csv", text.encode("utf-16"), "NUL|encoding")


def test_conlist_wrong_and_missing_columns(fixtures: Path) -> None:
    text = _fixture(fixtures, "gb_hmt_conlist", "ConList.csv").decode("utf-8")
    renamed = text.replace("Alias Type,", "Name Type,", 1).encode()
    _refused(gb_hmt_conlist.parse, "ConList.csv", renamed, "missing columns.*Alias Type")
    no_banner = text.split("\n", 1)[1].encode()
    _refused(gb_hmt_conlist.parse, "ConList.csv", no_banner, "Last Updated")


def test_conlist_row_without_group_id(fixtures: Path) -> None:
    lines = _fixture(fixtures, "gb_hmt_conlist", "ConList.csv").decode("utf-8").splitlines()
    lines[2] = lines[2].rsplit(",", 1)[0] + ","
    _refused(gb_hmt_conlist.parse, "ConList.csv", "\n".join(lines).encode(), "no Group ID")


def test_conlist_empty_and_several_files(fixtures: Path) -> None:
    _refused(gb_hmt_conlist.parse, "ConList.csv", b"  \n", "empty")
    data = _fixture(fixtures, "gb_hmt_conlist", "ConList.csv")
    with pytest.raises(ParseError, match="exactly one"):
        gb_hmt_conlist.parse({"a.csv": data, "b.csv": data})


@pytest.mark.parametrize(
    "form", ["UK-Sanctions-List.xml", "UK-Sanctions-List.csv", "UK-Sanctions-List.ods"]
)
def test_conlist_refuses_the_uk_sanctions_list(fixtures: Path, form: str) -> None:
    data = _fixture(fixtures, "gb_fcdo_uksl", form)
    assert not gb_hmt_conlist.detect(form, data)
    _refused(gb_hmt_conlist.parse, form, data)


# --- FCDO UK Sanctions List ------------------------------------------------------------


@pytest.mark.parametrize(
    "xml", [BOMB.replace(b"ArrayOfFinancialSanctionsTarget", b"Designations"), XXE]
)
def test_uksl_xml_entities(xml: bytes) -> None:
    _refused(gb_fcdo_uksl.parse, "UK-Sanctions-List.xml", xml, "DTD or entities")


def test_uksl_truncated_xml_and_ods(fixtures: Path) -> None:
    for name, match in (("UK-Sanctions-List.xml", "well-formed"), ("UK-Sanctions-List.ods", "ZIP")):
        data = _fixture(fixtures, "gb_fcdo_uksl", name)
        _refused(gb_fcdo_uksl.parse, name, data[: len(data) // 2], match)


def test_uksl_ods_with_entities(fixtures: Path) -> None:
    data = _fixture(fixtures, "gb_fcdo_uksl", "UK-Sanctions-List.ods")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml")
    head, rest = content.split(b"?>", 1)
    hostile = head + b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + rest
    _refused(gb_fcdo_uksl.parse, "list.ods", _rezip(data, "content.xml", hostile), "DTD")


def test_uksl_utf16_csv_and_missing_columns(fixtures: Path) -> None:
    text = _fixture(fixtures, "gb_fcdo_uksl", "UK-Sanctions-List.csv").decode("utf-8")
    _refused(gb_fcdo_uksl.parse, "list.csv", text.encode("utf-16"), "NUL|encoding")
    no_type = text.replace("Designation Type,", "Kind,", 1).encode()
    _refused(gb_fcdo_uksl.parse, "list.csv", no_type, "missing columns.*entity_type")
    _refused(gb_fcdo_uksl.parse, "list.csv", text.replace("Unique ID", "Ref").encode(), "Unique ID")


def test_uksl_designation_without_id(fixtures: Path) -> None:
    data = _fixture(fixtures, "gb_fcdo_uksl", "UK-Sanctions-List.xml")
    _refused(
        gb_fcdo_uksl.parse, "l.xml", data.replace(b"<UniqueID>AFG0009</UniqueID>", b""), "UniqueID"
    )


@pytest.mark.parametrize("form", ["ConList.xlsx", "ConList.csv", "ConList.xml"])
def test_uksl_refuses_the_consolidated_list(fixtures: Path, form: str) -> None:
    data = _fixture(fixtures, "gb_hmt_conlist", form)
    assert not gb_fcdo_uksl.detect(form, data)
    _refused(gb_fcdo_uksl.parse, form, data)


# --- the other lists' real files, and a truncated real list ------------------------------

OTHERS = ["us/2024-05-03/sdn.csv", "au/2024-11-11/regulation8_consolidated.xlsx",
          "un/2024-11-30/consolidated.xml", "ca/2020-04-15/sema-lmes.xml"]  # fmt: skip


@pytest.mark.shared
@pytest.mark.parametrize("path", OTHERS)
@pytest.mark.parametrize("module", [gb_hmt_conlist, gb_fcdo_uksl])
def test_other_lists_files(shared_lists: Path, path: str, module: object) -> None:
    data, name = (shared_lists / path).read_bytes(), path.rsplit("/", 1)[1]
    assert not module.detect(name, data)  # type: ignore[attr-defined]
    _refused(module.parse, name, data)  # type: ignore[attr-defined]


@pytest.mark.shared
def test_half_a_real_list_is_refused_by_the_count_bounds(shared_lists: Path) -> None:
    """A CSV cut at half its rows still parses; the source's count bounds refuse it."""
    book = openpyxl.load_workbook(
        shared_lists / "gb" / "2025-04-14" / "ConList.xlsx", read_only=True
    )
    rows = list(book["Data"].iter_rows(values_only=True))
    out = io.StringIO()
    csv.writer(out).writerows(rows[: len(rows) // 2])
    parsed = gb_hmt_conlist.parse({"ConList.csv": out.getvalue().encode()})
    with pytest.raises(ParseError, match="outside the expected") as caught:
        gb_hmt_conlist.SOURCE.check_count("ConList.csv", len(parsed.listings))
    assert caught.value.file == "ConList.csv"
