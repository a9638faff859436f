"""us_ofac_sdn on the full real history: the 64 sdn.csv snapshots of ../shared/data/lists/us
(seven early copies from 2018-01-27 to 2021-07-07, then a daily-ish scrape from 2021-08-18)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from concerted.model import Listing, Name
from concerted.sources import detect_source, us_ofac_sdn
from concerted.sources.base import ParseError
from concerted.sources.us_ofac_csv import read_rows
from concerted.sources.us_ofac_facts import Facts
from concerted.sources.us_ofac_remarks import REMARKS_LIMIT, parse_remarks

pytestmark = pytest.mark.shared
XINJIANG = {"29219": "ZHU, Hailun", "29162": "WANG, Mingshan", "31492": "WANG, Junzheng",
            "31493": "CHEN, Mingguo"}  # fmt: skip
# MANIFEST.md, "US history": | date | commit | time | size | sha256 | entries | GLOMAG | MAGNIT |
_ROW = re.compile(
    r"^\| (\d{4}-\d{2}-\d{2}) \| [0-9a-f]{40} \|[^|]+\|[^|]+\|[^|]+\| (\d+) \| (\d+) \| (\d+) \|$"
)
# MANIFEST.md, the early copies: | date | repo @ commit (path) | rows | GLOMAG | MAGNIT | ...
_EARLY_ROW = re.compile(
    r"^\| (\d{4}-\d{2}-\d{2}) \| [^|]+ @ [0-9a-f]{40} [^|]+\| (\d+) \| (\d+) \| (\d+) \|"
)


@cache
def _parse(path: Path) -> list[Listing]:
    return us_ofac_sdn.parse({"sdn.csv": path.read_bytes()}).listings


def _counts(listings: list[Listing]) -> tuple[int, int, int]:
    glomag = sum("us-glomag" in listing.program_ids for listing in listings)
    magnit = sum("us-magnit" in listing.program_ids for listing in listings)
    return len(listings), glomag, magnit


@pytest.mark.parametrize(
    ("date", "expected"),
    [("2024-05-03", (14965, 694, 64)), ("2022-12-09", (11381, 606, 60)),
     ("2021-08-18", (9083, 323, 55))],
)  # fmt: skip
def test_exact_counts(shared_lists: Path, date: str, expected: tuple[int, int, int]) -> None:
    assert _counts(_parse(shared_lists / "us" / date / "sdn.csv")) == expected


def test_every_snapshot_matches_the_manifest(shared_lists: Path) -> None:
    table = [m.groups() for line in (shared_lists / "MANIFEST.md").read_text().splitlines()
             if (m := _ROW.match(line) or _EARLY_ROW.match(line))]  # fmt: skip
    assert len(table) == 64
    assert len(list((shared_lists / "us").iterdir())) == 64
    for date, entries, glomag, magnit in table:
        listings = _parse(shared_lists / "us" / date / "sdn.csv")
        assert _counts(listings) == (int(entries), int(glomag), int(magnit)), date
        us_ofac_sdn.SOURCE.check_count(f"{date}/sdn.csv", len(listings))


def test_zhu_hailun_and_the_xinjiang_officials_in_every_snapshot_since_2021(
    shared_lists: Path,
) -> None:
    for folder in sorted((shared_lists / "us").iterdir()):
        listings = {listing.key: listing for listing in _parse(folder / "sdn.csv")}
        if folder.name < "2021-04-25":  # WANG Junzheng and CHEN Mingguo were listed since
            assert "31492" not in listings and "31493" not in listings, folder.name
            continue
        for key, name in XINJIANG.items():
            assert listings[key].name == name and "us-glomag" in listings[key].program_ids
        zhu = listings["29219"]
        assert zhu.birth_dates == ("1958-01",)
        assert zhu.birth_places == ("Lianshui, Jiangsu, China",)
        assert Name("Hailun ZHU", "variation") in zhu.names


def test_remark_facts_are_almost_all_recognised(shared_lists: Path) -> None:
    for date in ("2021-08-18", "2024-05-03"):
        path = shared_lists / "us" / date / "sdn.csv"
        recognised = seen = 0
        for row in read_rows(path.name, path.read_bytes(), 12):
            known = frozenset(part.strip() for part in row[4].split(";"))
            cut = len(row[11]) >= REMARKS_LIMIT
            done, total = parse_remarks(row[11], Facts(), truncated=cut, known=known)
            recognised, seen = recognised + done, seen + total
        assert recognised / seen > 0.985, (date, recognised, seen)  # 98.6% and 99.2%


def _half(path: Path) -> bytes:
    lines = path.read_bytes().split(b"\r\n")
    return b"\r\n".join(lines[: len(lines) // 2]) + b"\r\n"


def test_a_half_file_is_refused_beside_its_neighbours(shared_lists: Path) -> None:
    # Half of the 2024-05-03 file (7,482 rows) is above the fixed floor that must admit the
    # 2018 list (6,068 rows): only the stored snapshot before it shows it is cut short.
    listings = us_ofac_sdn.parse({"sdn.csv": _half(shared_lists / "us/2024-05-03/sdn.csv")})
    count = len(listings.listings)
    us_ofac_sdn.SOURCE.check_count("sdn.csv", count)
    with pytest.raises(ParseError, match="looks truncated"):
        us_ofac_sdn.SOURCE.check_neighbours("sdn.csv", "2024-05-03", count, [("2024-04-30", 14950)])


def test_the_genuine_early_files_pass_beside_their_neighbours(shared_lists: Path) -> None:
    counts = {
        folder.name: len(_parse(folder / "sdn.csv"))
        for folder in sorted((shared_lists / "us").iterdir())
        if folder.name < "2022"
    }
    dates = sorted(counts)
    assert counts["2018-01-27"] == 6068 and counts["2019-01-04"] == 7379
    for before, date, after in zip([None, *dates[:-1]], dates, [*dates[1:], None], strict=True):
        near = [(d, counts[d]) for d in (before, after) if d]
        us_ofac_sdn.SOURCE.check_neighbours(date, date, counts[date], near)
    # ...and in any order: the 2018 list beside the first daily copy, 3.6 years later
    us_ofac_sdn.SOURCE.check_neighbours("2018", "2018-01-27", 6068, [("2021-08-18", 9083)])


def test_a_blank_line_before_the_end_marker_is_padding(shared_lists: Path) -> None:
    data = (shared_lists / "us" / "2021-01-14" / "sdn.csv").read_bytes()
    assert data.endswith(b'""\r\n\n\x1a')  # as committed by its source, byte for byte
    assert len(_parse(shared_lists / "us" / "2021-01-14" / "sdn.csv")) == 8754
    lines = data.split(b"\r\n")
    inside = b"\r\n".join([*lines[:3], b"", *lines[3:]])
    with pytest.raises(ParseError, match="record 4"):
        us_ofac_sdn.parse({"sdn.csv": inside})


def test_detect_says_yes_only_to_the_us_files(shared_lists: Path) -> None:
    for path in sorted(shared_lists.glob("*/*/*")):
        is_us = path.parts[-3] == "us"
        data = path.read_bytes()
        assert us_ofac_sdn.detect(path.name, data) == is_us, path
        if is_us:
            assert detect_source(path.name, data) is us_ofac_sdn.SOURCE, path
        else:
            with pytest.raises(ParseError) as caught:
                us_ofac_sdn.parse({path.name: data})
            assert path.name in str(caught.value)
