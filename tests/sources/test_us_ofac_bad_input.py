"""Hostile or broken input: every refusal is a ParseError that names the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from concerted.sources import us_ofac_sdn
from concerted.sources.base import ParseError


def _sdn(fixtures: Path) -> bytes:
    return (fixtures / "us_ofac_sdn" / "sdn.csv").read_bytes()


def _refused(files: dict[str, bytes], name: str, words: str) -> None:
    with pytest.raises(ParseError) as caught:
        us_ofac_sdn.parse(files)
    assert caught.value.file == name
    assert name in str(caught.value)
    assert words in caught.value.problem


def test_a_csv_cut_mid_record(fixtures: Path) -> None:
    data = _sdn(fixtures)
    _refused({"sdn.csv": data[: len(data) // 2]}, "sdn.csv", "truncated")


def test_a_csv_cut_inside_a_quoted_field(fixtures: Path) -> None:
    data = _sdn(fixtures)
    cut = data.index(b"Lianshui") + 3
    _refused({"sdn.csv": data[:cut] + b"\r\n"}, "sdn.csv", "truncated")


def test_utf16(fixtures: Path) -> None:
    data = _sdn(fixtures).decode("cp1252").encode("utf-16")
    _refused({"sdn.csv": data}, "sdn.csv", "UTF-16")


def test_an_empty_file() -> None:
    _refused({"sdn.csv": b""}, "sdn.csv", "empty")


def test_wrong_number_of_columns(fixtures: Path) -> None:
    data = _sdn(fixtures).replace(b'"GLOMAG",', b'"GLOMAG",-0- ,', 1)
    _refused({"sdn.csv": data}, "sdn.csv", "12 fields")
    _refused({"sdn.csv": _sdn(fixtures), "alt.csv": b'306,220,"aka"\r\n'}, "alt.csv", "5 fields")


def test_another_lists_csv() -> None:
    conlist = b"Last Updated,14/04/2025\r\nName 6,Name 1,Name 2,Group ID\r\nSMITH,John,,1\r\n"
    assert not us_ofac_sdn.detect("ConList.csv", conlist)
    _refused({"sdn.csv": conlist}, "sdn.csv", "12 fields")


def test_another_lists_xml() -> None:
    un = b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2024-11-30"/>'
    assert not us_ofac_sdn.detect("consolidated.xml", un)
    _refused({"consolidated.xml": un}, "consolidated.xml", "not a file of OFAC")
    _refused({"sdn.xml": un}, "sdn.xml", "<CONSOLIDATED_LIST>")
    _refused({"sdn_advanced.xml": un}, "sdn_advanced.xml", "<CONSOLIDATED_LIST>")


def test_an_xml_entity_bomb() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<sdnList><sdnEntry><uid>1</uid><lastName>&lol2;</lastName></sdnEntry></sdnList>"
    )
    _refused({"sdn.xml": bomb}, "sdn.xml", "DTD or entities")


def test_an_external_entity() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<Sanctions><DateOfIssue><Year>&x;</Year></DateOfIssue></Sanctions>"
    )
    _refused({"sdn_advanced.xml": xxe}, "sdn_advanced.xml", "DTD or entities")


def test_truncated_xml(fixtures: Path) -> None:
    data = (fixtures / "us_ofac_sdn" / "sdn.xml").read_bytes()
    _refused({"sdn.xml": data[: len(data) // 2]}, "sdn.xml", "not well-formed")


def test_an_sdn_entry_without_uid() -> None:
    xml = b"<sdnList><sdnEntry><lastName>X</lastName></sdnEntry></sdnList>"
    _refused({"sdn.xml": xml}, "sdn.xml", "without <uid>")


def test_a_companion_alone_or_twice(fixtures: Path) -> None:
    alt = (fixtures / "us_ofac_sdn" / "alt.csv").read_bytes()
    _refused({"alt.csv": alt}, "alt.csv", "companion")
    _refused({"sdn.csv": _sdn(fixtures), "SDN.CSV": _sdn(fixtures)}, "SDN.CSV", "two sdn")
    _refused({}, "(no file)", "no file")


def test_the_same_ent_num_twice(fixtures: Path) -> None:
    data = _sdn(fixtures)
    first = data.split(b"\r\n", 1)[0] + b"\r\n"
    _refused({"sdn.csv": first + data}, "sdn.csv", "twice")


def test_detect_never_raises() -> None:
    assert not us_ofac_sdn.detect("sdn.csv", b"\xff\xfe\x00\x00")
    assert not us_ofac_sdn.detect("", b"<sdn")
