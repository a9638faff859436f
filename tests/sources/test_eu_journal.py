"""eu_journal: the consolidated Annex I of Regulation (EU) 2020/1998 (the EU Global Human
Rights regime), as OpenSanctions transcribed it from EUR-Lex version 02020R1998-20260528.

The file is CC BY-NC 4.0 (OpenSanctions' transcription), so no excerpt is committed here:
every test reads the copy in ../shared/data/eu-journal (MANIFEST.md there gives its origin).
Expected figures come from ../shared/data/FACTS-2026.md.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from concerted.cli import cli
from concerted.ingest import collect
from concerted.model import Listing, Name
from concerted.sources import detect_source, eu_journal
from concerted.sources.base import ParseError

pytestmark = pytest.mark.shared

FILE = "2026-05-28/32020R1998.csv"
# Listings by month of their Official Journal date (FACTS-2026.md).
BY_MONTH = {"2021-03": 18, "2021-12": 3, "2023-02": 15, "2023-03": 12, "2023-06": 9,
            "2023-07": 23, "2023-09": 6, "2024-01": 5, "2024-03": 35, "2024-04": 9,
            "2024-07": 14, "2025-05": 5, "2025-06": 5, "2025-07": 9, "2025-09": 2,
            "2026-05": 7}


def _data(folder: Path) -> bytes:
    return (folder / FILE).read_bytes()


def _listings(folder: Path) -> dict[str, Listing]:
    parsed = eu_journal.parse({"32020R1998.csv": _data(folder)})
    assert parsed.published is None  # the folder (the consolidated version) dates it
    return {listing.key: listing for listing in parsed.listings}


def test_counts_programs_and_exact_dates(shared_eu_journal: Path) -> None:
    listings = _listings(shared_eu_journal).values()
    assert Counter(listing.schema for listing in listings) == {"Person": 136, "LegalEntity": 41}
    assert {listing.program_ids for listing in listings} == {("eu-ghr",)}
    assert {p.theme for listing in listings for p in listing.programs} == {"human_rights"}
    assert all(listing.listed_on and len(listing.listed_on) == 10 for listing in listings)
    assert Counter(listing.listed_on[:7] for listing in listings if listing.listed_on) == BY_MONTH
    assert all(listing.reasons for listing in listings)


def test_both_printed_date_forms(shared_eu_journal: Path) -> None:
    listings = _listings(shared_eu_journal)
    # KRASNOV is printed "2 March 2021", BASTRYKIN "2.3.2021": the same day.
    assert "BASTRYKIN" in listings["I.A#2"].name and "KRASNOV" in listings["I.A#3"].name
    assert listings["I.A#2"].listed_on == listings["I.A#3"].listed_on == "2021-03-02"


def test_zhu_hailun_and_the_xpcc_bureau(shared_eu_journal: Path) -> None:
    listings = _listings(shared_eu_journal)
    zhu = listings["I.A#5"]
    assert (zhu.name, zhu.schema, zhu.listed_on) == ("ZHU Hailun", "Person", "2021-03-22")
    assert Name("朱海仑", "alias", script="Han") in zhu.names
    assert (zhu.birth_dates, zhu.nationalities, zhu.gender) == (("1958-01",), ("Chinese",), "male")
    assert zhu.birth_places == ("Lianshui, Jiangsu (China)",)
    assert zhu.reasons and "Xinjiang" in zhu.reasons
    bureau = listings["I.B#1"]
    assert bureau.name == "Xinjiang Production and Construction Corps Public Security Bureau"
    assert (bureau.schema, bureau.listed_on) == ("LegalEntity", "2021-03-22")
    assert ("incorporation_date", "April 1984") in bureau.extra
    assert len(bureau.addresses) == 2  # two `; `-separated addresses


def test_multi_valued_cells_and_unnumbered_entry(shared_eu_journal: Path) -> None:
    listings = _listings(shared_eu_journal)
    # The one entry the annex prints without a number is keyed by its name.
    zindashti = listings["I.B#The Zindashti Network"]
    assert [n.value for n in zindashti.names] == [
        "The Zindashti Network", "Zindashti’s criminal network", "Zindashti criminal organisation"]
    mishchenko = next(x for x in listings.values() if "MISHCHENKO" in x.name)
    assert Name("GARIPOVA", "fka") in mishchenko.names
    assert {i.value for i in mishchenko.identifiers if i.kind == "tax_id"} == {
        "K7VGTQKBDX68", "771805281790"}
    # A birth date the parser cannot read whole is kept in words, not guessed.
    assert "Date of birth: around 1970" in listings["I.A#28"].notes
    assert listings["I.A#28"].birth_dates == ()


def test_a_truncated_or_foreign_annex_is_refused(shared_eu_journal: Path) -> None:
    data = _data(shared_eu_journal)
    with pytest.raises(ParseError, match="cells where the header has 45"):
        eu_journal.parse({"32020R1998.csv": data[: len(data) // 2]})
    other = data.replace(b"\n32020R1998,", b"\n32014R0833,")
    with pytest.raises(ParseError, match=r"32014R0833.*reads only 32020R1998"):
        eu_journal.parse({"32020R1998.csv": other})
    unknown = data.replace(b",EU-HR,", b",EU-RUS,", 1)
    with pytest.raises(ParseError, match="line 2: programKey 'EU-RUS'"):
        eu_journal.parse({"32020R1998.csv": unknown})


def test_detect_and_collect(shared_eu_journal: Path, shared_lists: Path) -> None:
    source = detect_source("32020R1998.csv", _data(shared_eu_journal))
    assert source is not None and source.id == "eu_journal" and source.jurisdiction == "eu"
    ofac = next((shared_lists / "us").glob("*/sdn.csv"))
    assert not eu_journal.detect(ofac.name, ofac.read_bytes())
    # PROVENANCE.txt beside the annex is a note, not a list: skipped, not refused.
    sets = collect([shared_eu_journal])
    assert [[p.name for p in s.paths] for s in sets] == [["32020R1998.csv"]]


def test_ingest_the_folder_and_list_the_source(shared_eu_journal: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    runner = CliRunner(env={"CONCERTED_DATA_DIR": str(tmp_path / "data")})
    result = runner.invoke(cli, ["--db", db, "ingest", str(shared_eu_journal)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--db", db, "sources", "--format", "json"])
    assert result.exit_code == 0, result.output
    row = next(s for s in json.loads(result.output) if s["source"] == "eu_journal")
    assert (row["jurisdiction"], row["snapshots"], row["newest"]) == ("eu", 1, "2026-05-28")
    assert (row["listings"], row["programs"]) == (177, {"eu-ghr": 177})
