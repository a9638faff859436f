"""Store contract: the same behaviour on SQLite and PostgreSQL (fixture `db_url`).

Uses real OFAC lines from three snapshots (tests/fixtures/store/README.md); the US source's
count bounds are loosened for these small files, as a configuration of our own registry.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, update

from concerted import sources
from concerted.archive import Archive
from concerted.ingest import IngestOptions, IngestResult, collect, ingest
from concerted.store.db import connect
from concerted.store.derive import derive_pending
from concerted.store.reader import Reader
from concerted.store.tables import snapshots

US = Path(__file__).resolve().parents[1] / "fixtures" / "store" / "us"
DATES = ["2022-12-08", "2022-12-09", "2023-01-24"]


_ENGINES: dict[str, Engine] = {}


def _engine(url: str) -> Engine:
    if url not in _ENGINES:
        _ENGINES[url] = connect(url)
    return _ENGINES[url]


@pytest.fixture(autouse=True)
def dispose_engines(db_url: str) -> Iterator[None]:
    """Close pooled connections before the test database is dropped."""
    yield
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()


@pytest.fixture(autouse=True)
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    loose = dataclasses.replace(sources.SOURCES["us_ofac_sdn"], min_listings=10, max_shrink=1.0)
    monkeypatch.setitem(sources.SOURCES, "us_ofac_sdn", loose)


def _lines(date: str) -> dict[str, bytes]:
    """ent_num -> raw line, read independently of the parser: the expected answers."""
    data = (US / date / "sdn.csv").read_bytes().rstrip(b"\x1a")
    return {line.split(b",", 1)[0].decode(): line for line in data.split(b"\r\n") if line}


def _expected(previous: str, date: str) -> tuple[set[str], set[str], set[str]]:
    old, new = _lines(previous), _lines(date)
    return (
        set(new) - set(old),
        set(old) - set(new),
        {k for k in set(old) & set(new) if old[k] != new[k]},
    )


def _ingest(db_url: str, tmp_path: Path, dates: list[str]) -> list[IngestResult]:
    return _ingest_paths(db_url, tmp_path, [US / d for d in dates])


def _ingest_paths(db_url: str, tmp_path: Path, paths: list[Path]) -> list[IngestResult]:
    return ingest(_engine(db_url), Archive(tmp_path / "archive"), collect(paths), IngestOptions())


def _state(db_url: str) -> dict[str, Any]:
    reader = Reader(_engine(db_url))
    listings = {
        (r.listing.key, r.first_seen, r.last_seen, r.current, r.listing.to_json())
        for r in reader.listings(current=None)
    }
    return {
        "listings": listings,
        "changes": reader.changes("us_ofac_sdn"),
        "summary": reader.source_summaries(),
    }


def test_ingest_counts_and_first_seen(db_url: str, tmp_path: Path) -> None:
    results = _ingest(db_url, tmp_path, DATES)
    assert [r.status for r in results] == ["ingested"] * 3
    summary = Reader(_engine(db_url)).source_summaries()[0]
    assert summary["snapshots"] == 3 and summary["newest"] == "2023-01-24"
    assert summary["listings"] == 40
    reader = Reader(_engine(db_url))
    added = {r.listing.key for r in reader.listings(current=None) if r.first_seen == "2022-12-09"}
    assert added == _expected("2022-12-08", "2022-12-09")[0]
    assert len(added) == 9


def test_changes_between_snapshots(db_url: str, tmp_path: Path) -> None:
    _ingest(db_url, tmp_path, DATES)
    groups = {g["snapshot"]: g for g in Reader(_engine(db_url)).changes("us_ofac_sdn")}
    assert "2022-12-08" not in groups  # the first snapshot is the baseline
    for date, previous in (("2022-12-09", "2022-12-08"), ("2023-01-24", "2022-12-09")):
        group = groups[date]
        assert group["previous"] == previous
        kinds = ("added", "removed", "amended")
        found = tuple({c["listing_key"] for c in group[kind]} for kind in kinds)
        assert found == _expected(previous, date)
    assert [a["listing_key"] for a in groups["2022-12-09"]["amended"]] == ["19029"]
    assert "programs" in groups["2022-12-09"]["amended"][0]["fields"]
    assert sum(len(groups["2023-01-24"][k]) for k in ("added", "removed", "amended")) > 10


def test_out_of_order_gives_the_same_store(db_url: str, tmp_path: Path) -> None:
    _ingest(db_url, tmp_path, [DATES[2]])
    _ingest(db_url, tmp_path, [DATES[0]])
    _ingest(db_url, tmp_path, [DATES[1]])
    in_order = f"sqlite:///{tmp_path / 'in_order.db'}"
    _ingest(in_order, tmp_path, DATES)
    assert _state(db_url) == _state(in_order)


def test_reingest_same_bytes_is_a_noop(db_url: str, tmp_path: Path) -> None:
    _ingest(db_url, tmp_path, DATES)
    before = _state(db_url)
    again = _ingest(db_url, tmp_path, DATES)
    assert [r.status for r in again] == ["unchanged"] * 3
    assert _state(db_url) == before


def test_rejected_file_leaves_the_store_unchanged(db_url: str, tmp_path: Path) -> None:
    _ingest(db_url, tmp_path, DATES[:2])
    before = _state(db_url)
    bad = tmp_path / "2023-01-24"
    bad.mkdir()
    data = (US / "2023-01-24" / "sdn.csv").read_bytes()
    (bad / "sdn.csv").write_bytes(data[: len(data) // 2])
    results = _ingest_paths(db_url, tmp_path, [bad])
    assert results[0].status == "rejected" and "sdn.csv" in results[0].message
    assert _state(db_url) == before


def test_too_few_listings_is_refused(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ingest(db_url, tmp_path, DATES[:1])
    strict = dataclasses.replace(sources.SOURCES["us_ofac_sdn"], min_listings=35)
    monkeypatch.setitem(sources.SOURCES, "us_ofac_sdn", strict)
    folder = tmp_path / "2022-12-09"
    shutil.copytree(US / "2022-12-09", folder)
    lines = (folder / "sdn.csv").read_bytes().split(b"\r\n")
    (folder / "sdn.csv").write_bytes(b"\r\n".join(lines[:30]) + b"\r\n\x1a")
    results = _ingest_paths(db_url, tmp_path, [folder])
    assert results[0].status == "rejected"
    assert "outside the expected" in results[0].message and "sdn.csv" in results[0].message
    summary = Reader(_engine(db_url)).source_summaries()[0]
    assert summary["newest"] == "2022-12-08" and summary["snapshots"] == 1


def test_history_of_an_amended_listing(db_url: str, tmp_path: Path) -> None:
    _ingest(db_url, tmp_path, DATES)
    history = Reader(_engine(db_url)).history("us_ofac_sdn", "19029")
    assert [(h["first_seen"], h["last_seen"]) for h in history][:2] == [
        ("2022-12-08", "2022-12-08"),
        ("2022-12-09", history[1]["last_seen"]),
    ]
    assert history[0]["listing"]["programs"] != history[1]["listing"]["programs"]


def test_a_file_far_smaller_than_its_neighbours_is_refused(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Above the fixed floor, but a quarter smaller than the copy published the day before.
    judged = dataclasses.replace(sources.SOURCES["us_ofac_sdn"], min_listings=10, max_shrink=0.1)
    monkeypatch.setitem(sources.SOURCES, "us_ofac_sdn", judged)
    _ingest(db_url, tmp_path, DATES[1:2])
    before = _state(db_url)
    folder = tmp_path / "2022-12-10"
    folder.mkdir()
    lines = (US / "2023-01-24" / "sdn.csv").read_bytes().split(b"\r\n")
    (folder / "sdn.csv").write_bytes(b"\r\n".join(lines[:30]) + b"\r\n\x1a")
    results = _ingest_paths(db_url, tmp_path, [folder])
    assert results[0].status == "rejected", results[0]
    assert "looks truncated" in results[0].message and "2022-12-09 holds 40" in results[0].message
    assert _state(db_url) == before
    # The same 30 rows a year earlier than the stored copy are a list that grew since.
    older = tmp_path / "2021-12-09"
    folder.rename(older)
    assert _ingest_paths(db_url, tmp_path, [older])[0].status == "ingested"


def test_a_nul_byte_in_an_ofac_csv_is_refused_and_nothing_stored(
    db_url: str, tmp_path: Path
) -> None:
    """A stray NUL past the file's first 4 KB: refused by name and line (PostgreSQL cannot
    store it; SQLite would, silently)."""
    _ingest(db_url, tmp_path, DATES[:1])
    before = _state(db_url)
    folder = tmp_path / "2022-12-09"
    shutil.copytree(US / "2022-12-09", folder)
    data = (folder / "sdn.csv").read_bytes()
    at = data.index(b'"', 5000) + 1  # inside a quoted field of a record far into the file
    (folder / "sdn.csv").write_bytes(data[:at] + b"\x00" + data[at:])
    results = _ingest_paths(db_url, tmp_path, [folder])
    assert results[0].status == "rejected"
    assert "sdn.csv" in results[0].message and "NUL byte on line" in results[0].message
    assert _state(db_url) == before


def test_a_nul_character_in_any_listing_is_refused_by_the_writer(
    db_url: str, tmp_path: Path
) -> None:
    """The store's own guard, for every source: no listing with a NUL reaches the database."""
    from concerted.model import Snapshot
    from concerted.sources import get_source
    from concerted.store.writer import UnstorableText, Writer

    source = get_source("us_ofac_sdn")
    assert source is not None
    parsed = source.parse({"sdn.csv": (US / DATES[0] / "sdn.csv").read_bytes()})
    first = parsed.listings[0]
    damaged = dataclasses.replace(first, name=first.name + "\x00")
    snapshot = Snapshot("us_ofac_sdn", DATES[0], (("sdn.csv", "0" * 64),), (damaged,))
    with pytest.raises(UnstorableText, match="NUL"):
        Writer(_engine(db_url)).add_snapshot(
            snapshot, date_origin="option", retrieved_at="2022-12-08T00:00:00", sizes={"sdn.csv": 1}
        )
    assert Reader(_engine(db_url)).snapshots() == []


def test_deriving_from_the_store_equals_deriving_from_what_was_written(
        db_url: str, tmp_path: Path) -> None:
    """Ingest hands the derive step what it just wrote (Writer.shown); a derive that reads
    the same snapshots back from the store (after an interrupted ingest) gives the same
    listings, spans and changes."""
    _ingest(db_url, tmp_path, DATES)
    handed = _state(db_url)
    engine = _engine(db_url)
    with engine.begin() as conn:
        conn.execute(update(snapshots).values(derived=False))
    assert derive_pending(engine) == ["us_ofac_sdn"]
    assert _state(db_url) == handed
