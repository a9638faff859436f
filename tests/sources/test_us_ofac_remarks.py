"""The Remarks parser, dates and vocabulary, on remark strings copied from real sdn.csv files."""

from __future__ import annotations

import pytest

from concerted.model import Identifier, Name, ProgramRef
from concerted.sources.dates import iso_date, partial_date
from concerted.sources.us_ofac_dates import iso_date_text
from concerted.sources.us_ofac_facts import Facts, natural_order, split_identifier
from concerted.sources.us_ofac_remarks import CUT_MARK, parse_remarks
from concerted.sources.us_ofac_vocab import match_label, program_ref


def _facts(remark: str, **kwargs: object) -> tuple[Facts, tuple[int, int]]:
    facts = Facts()
    counts = parse_remarks(remark, facts, **kwargs)  # type: ignore[arg-type]
    return facts, counts


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("10 Dec 1948", "1948-12-10"),
        ("Jan 1958", "1958-01"),
        ("1946", "1946"),
        ("1951 to 1953", "1951/1953"),
        ("01 Jan 1961 to 31 Dec 1962", "1961-01-01/1962-12-31"),
        ("Mar 1962 to Feb 1963", "1962-03/1963-02"),
        ("circa 1951", "~1951"),
        ("circa 07 Jul 1966", "~1966-07-07"),
        ("circa 1979-1982", "~1979/1982"),
        ("12 September 1993", "1993-09-12"),
        ("sometime", None),
        ("32 Foo 1990", None),
    ],
)
def test_printed_dates(printed: str, iso: str | None) -> None:
    assert iso_date_text(printed) == iso


def test_advanced_date_parts() -> None:
    assert partial_date("1986", "12", "10") == "1986-12-10"
    assert partial_date("1986", None, "10") == "1986"
    assert partial_date("1986", "00", "10") == "1986"
    assert partial_date("1986", "13") is None
    assert partial_date(None) is None


@pytest.mark.parametrize(
    ("printed", "iso"),
    [("05/08/2026", "2026-08-05"),  # the EU CSV's fileGenerationDate
     ("2026-08-05T10:11:12.123+02:00", "2026-08-05"),  # the EU XML's generationDate
     ("00/00/1958", "1958"), ("dd/mm/1958", "1958"), ("00/03/1958", "1958-03"),  # UK
     ("3/1958", "1958-03"), ("1958", "1958"), ("31/13/1958", None), ("", None), (None, None)],
)
def test_one_date_reader(printed: str | None, iso: str | None) -> None:
    assert iso_date(printed) == iso


def test_zhu_hailun_remark() -> None:
    facts, counts = _facts("DOB Jan 1958; POB Lianshui, Jiangsu, China; Gender Male.")
    assert counts == (3, 3)
    assert facts.get("birth_dates") == ["1958-01"]
    assert facts.get("birth_places") == ["Lianshui, Jiangsu, China"]
    assert facts.gender == "Male"


def test_a_real_remark_with_many_kinds_of_fact() -> None:
    # ent_num 26138 of the 2024-05-03 sdn.csv, verbatim
    remark = (
        "DOB 09 Mar 1987; POB Tehran, Iran; nationality Iran; Website www.enexchanger.com; "
        "Email Address EnExchanger@gmail.com; alt. Email Address Ensaniyat1365@gmail.com; "
        "Additional Sanctions Information - Subject to Secondary Sanctions; Gender Male; "
        "Digital Currency Address - XBT 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V; Identification "
        "Number 008-046347-9 (Iran); Birth Certificate Number 32270 (Iran); a.k.a. "
        "'Ensaniyat'; a.k.a. 'Ensaniyat_Exchanger'; a.k.a. 'EnExchanger'."
    )
    facts, (recognised, seen) = _facts(remark)
    assert recognised == seen == 14
    assert facts.get("birth_dates") == ["1987-03-09"]
    assert facts.get("websites") == ["www.enexchanger.com"]
    assert facts.get("emails") == ["EnExchanger@gmail.com", "Ensaniyat1365@gmail.com"]
    assert facts.get("identifiers") == [
        Identifier("crypto_wallet", "1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V", None, "XBT"),
        Identifier("national_id", "008-046347-9", "Iran", "Identification Number"),
        Identifier("national_id", "32270", "Iran", "Birth Certificate Number"),
    ]
    assert facts.get("names")[-1] == Name("EnExchanger", "alias", "low")
    assert facts.get("extra") == [
        ("Additional Sanctions Information -", "Subject to Secondary Sanctions")
    ]


def test_a_real_remark_with_a_dated_passport() -> None:
    # ent_num 41776 of the 2024-05-03 sdn.csv, verbatim
    remark = (
        "DOB 1973; POB Amman, Jordan; nationality Jordan; Gender Male; Secondary sanctions "
        "risk: section 1(b) of Executive Order 13224, as amended by Executive Order 13886; "
        "Passport K086725 (Jordan) issued 12 Oct 2008; Identification Number 973103364 "
        "(Jordan); a.k.a. 'AL-SHAMI, Abu Mahmud'; Linked To: HURRAS AL-DIN."
    )
    facts, counts = _facts(remark)
    assert counts == (9, 9)
    assert facts.get("identifiers")[0] == Identifier(
        "passport", "K086725", "Jordan", "issued 12 Oct 2008"
    )
    assert facts.get("names") == [Name("AL-SHAMI, Abu Mahmud", "alias", "low")]
    assert facts.get("linked_to") == ["HURRAS AL-DIN"]


def test_unknown_facts_are_notes_and_titles_are_skipped() -> None:
    # ent_num 8868: the Title column "Brigadier General; Major General" is repeated
    remark = (
        "DOB circa 1956; POB Al-Ladhiqiyah, Syria; nationality Syria; Brigadier General; "
        "Major General."
    )
    facts, counts = _facts(remark, known=frozenset({"Brigadier General", "Major General"}))
    assert counts == (5, 5)
    assert facts.get("notes") == []
    facts, counts = _facts("ICTY indictee at large; DOB 1946.")
    assert counts == (1, 2)
    assert facts.get("notes") == ["ICTY indictee at large"]


def test_a_cut_remark_keeps_its_last_fact_as_a_note() -> None:
    # ent_num 47682 of the 2024-05-03 sdn.csv ends mid-alias at 1,000 characters
    facts, counts = _facts(
        "Passport 7019934211 (Russia); a.k.a. 'EDITOR'; a.k.a. '@", truncated=True
    )
    assert counts == (2, 3)
    assert facts.get("notes") == [CUT_MARK + "a.k.a. '@"]
    assert facts.get("names") == [Name("EDITOR", "alias", "low")]


def test_an_unparsable_date_is_a_note_not_a_date() -> None:
    facts, counts = _facts("DOB about 1950")
    assert counts == (0, 1)
    assert facts.get("notes") == ["DOB about 1950"]


@pytest.mark.parametrize(
    ("fact", "label"),
    [
        ("License 2377", "License"),
        ("Licensed somewhere", None),
        ("Passport Booklet: A5199819 (Pakistan)", "Passport Booklet:"),
        ("Italian Fiscal Code: KMMMHD68D03Z352N", "Italian Fiscal Code"),
        ("Unified Social Credit Code (USCC) 9113100033607322XK (China)",
         "Unified Social Credit Code (USCC)"),
    ],
)  # fmt: skip
def test_the_longest_label_wins_and_ends_at_a_word(fact: str, label: str | None) -> None:
    found = match_label(fact)
    assert (found[0] if found else None) == label


def test_identifier_tails() -> None:
    assert split_identifier("C 1415363 - 16/2/1421H issued 21 May 2000") == (
        "C 1415363 - 16/2/1421H", None, "issued 21 May 2000",
    )  # fmt: skip
    assert split_identifier("467323, Doc. 694710 (Panama)") == (
        "467323, Doc. 694710",
        "Panama",
        None,
    )
    assert split_identifier("AO 2879097 (Italy) expires 30 Oct 2012") == (
        "AO 2879097", "Italy", "expires 30 Oct 2012",
    )  # fmt: skip


def test_natural_order() -> None:
    assert natural_order("ZHU, Hailun") == "Hailun ZHU"
    assert natural_order("DELOS REYES, Feliciano Semborio, Jr.") == (
        "Feliciano Semborio DELOS REYES Jr."
    )
    assert natural_order("BANCO NACIONAL DE CUBA") is None


def test_program_markers() -> None:
    assert program_ref("GLOMAG") == ProgramRef("GLOMAG", "us-glomag", None)
    assert program_ref("MAGNIT") == ProgramRef("MAGNIT", "us-magnit", None)
    assert program_ref("[IRAN-HR]") == ProgramRef("IRAN-HR", "us-iran-hr", "human_rights")
    assert program_ref("CAATSA - RUSSIA") == ProgramRef(
        "CAATSA - RUSSIA", "us-caatsa-russia", "other"
    )
    assert program_ref("SOUTH SUDAN").id == "us-south-sudan"
