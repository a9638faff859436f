"""`concerted rebuild`: a parser fix reaches stored data; what people made stays.

Real OFAC lines from three snapshots (tests/fixtures/store/README.md), with the US count
bounds loosened for these small files as in the store contract tests. The "fixed" parser is
a fixture parser version: today's OFAC parser, reading the name field in natural order
("Mohammed AL-DAHDOUH" where the file prints "AL-DAHDOUH, Mohammed").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select

from concerted import sources
from concerted.archive import Archive
from concerted.cli import cli
from concerted.ingest import IngestOptions, collect, ingest
from concerted.rebuild import outdated_sources
from concerted.reports.load import load_inputs
from concerted.resolve import journal
from concerted.resolve.judgements import Judgement, JudgementRecord
from concerted.sources.base import Files, Parsed
from concerted.store.db import connect
from concerted.store.reader import Reader
from concerted.store.tables import judgements, snapshots

US = Path(__file__).resolve().parents[1] / "fixtures" / "store" / "us"
DATES = ["2022-12-08", "2022-12-09", "2023-01-24"]


@pytest.fixture()
def loose(monkeypatch: pytest.MonkeyPatch) -> sources.Source:
    source = dataclasses.replace(sources.SOURCES["us_ofac_sdn"], min_listings=10, max_shrink=1.0)
    monkeypatch.setitem(sources.SOURCES, "us_ofac_sdn", source)
    return source


@pytest.fixture()
def store(db_url: str, tmp_path: Path, loose: sources.Source,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    monkeypatch.setenv("CONCERTED_DATA_DIR", str(tmp_path))
    engine = connect(db_url)
    results = ingest(engine, Archive(tmp_path / "archive"), collect([US / d for d in DATES]),
                     IngestOptions())
    assert [r.status for r in results] == ["ingested"] * 3
    yield engine
    engine.dispose()


def _natural_order(name: str) -> str:
    last, comma, first = name.partition(", ")
    return f"{first} {last}" if comma else name


@dataclasses.dataclass(frozen=True)
class _Changed(sources.Source):
    """The same list read by a changed parser: `change` applied to what its parser gives."""

    change: Callable[[Parsed], Parsed] = lambda parsed: parsed

    def parse(self, files: Files) -> Parsed:
        return self.change(super().parse(files))


def _changed(loose: sources.Source, change: Callable[[Parsed], Parsed],
             version: str) -> sources.Source:
    fields = {f.name: getattr(loose, f.name) for f in dataclasses.fields(loose)}
    return _Changed(**{**fields, "parser_version": version}, change=change)


def _fixed_parser(loose: sources.Source, version: str = "2-fixture") -> sources.Source:
    def fix(parsed: Parsed) -> Parsed:
        return Parsed([dataclasses.replace(x, name=_natural_order(x.name))
                       for x in parsed.listings], parsed.published)

    return _changed(loose, fix, version)


def _judge(engine: Engine) -> None:
    rows = sorted(r.listing.key for r in Reader(engine).listings(current=True))
    ref = [f"us_ofac_sdn:{key}" for key in rows]
    journal.append(engine, [
        JudgementRecord(ref[0], ref[1], Judgement.POSITIVE, "alice@example.org",
                        "2026-12-01T10:00:00Z", None, "same person, two entries"),
        JudgementRecord(ref[1], ref[2], Judgement.NEGATIVE, "bob@example.org",
                        "2026-12-01T10:05:00Z", 0.7, None),
    ])


def _people_made(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(judgements).order_by(judgements.c.id))]
    targets = {t.id: list(t.listings) for t in load_inputs(engine).targets}
    return {"judgements": rows, "targets": targets}


def _listings(engine: Engine) -> dict[str, Any]:
    return {r.listing.key: (r.listing.name, r.first_seen, r.last_seen, r.current)
            for r in Reader(engine).listings(current=None)}


def _change_keys(engine: Engine) -> list[tuple[str, str, tuple[str, ...]]]:
    found = []
    for group in Reader(engine).changes("us_ofac_sdn"):
        for kind in ("added", "removed", "amended"):
            found.extend((group["snapshot"], kind, c["listing_key"]) for c in group[kind])
    return sorted(found)


def _versions_recorded(engine: Engine) -> set[str | None]:
    with engine.connect() as conn:
        return set(conn.scalars(select(snapshots.c.parser_version)))


def test_rebuild_shows_the_fixed_field_and_keeps_judgements_and_targets(
        store: Engine, db_url: str, tmp_path: Path, loose: sources.Source,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _judge(store)
    people_before = _people_made(store)
    listings_before = _listings(store)
    changes_before = _change_keys(store)
    assert _versions_recorded(store) == {loose.parser_version}
    assert outdated_sources(store) == []
    assert any(", " in name for name, *_ in listings_before.values())

    monkeypatch.setitem(sources.SOURCES, "us_ofac_sdn", _fixed_parser(loose))
    assert outdated_sources(store) == ["us_ofac_sdn"]
    # Re-ingesting the same bytes cannot bring the fix: they are already stored.
    again = ingest(store, Archive(tmp_path / "archive"), collect([US / DATES[0]]),
                   IngestOptions())
    assert again[0].status == "unchanged"

    result = CliRunner().invoke(cli, ["--db", db_url, "rebuild", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"parser_version": "2-fixture"' in result.output
    assert '"snapshots": 3' in result.output

    after = _listings(store)
    assert set(after) == set(listings_before)
    for key, (name, first, last, current) in listings_before.items():
        assert after[key] == (_natural_order(name), first, last, current)
    assert sum(after[k][0] != listings_before[k][0] for k in after) > 10
    assert _people_made(store) == people_before
    assert _change_keys(store) == changes_before
    assert _versions_recorded(store) == {"2-fixture"}
    assert outdated_sources(store) == []


def test_rebuild_with_the_same_parser_changes_nothing(store: Engine, db_url: str) -> None:
    def state() -> dict[str, Any]:
        reader = Reader(store)
        return {"listings": {(r.listing.key, r.first_seen, r.last_seen, r.current,
                              r.listing.to_json()) for r in reader.listings(current=None)},
                "changes": reader.changes("us_ofac_sdn"),
                "summary": reader.source_summaries()}

    before = state()
    result = CliRunner().invoke(cli, ["--db", db_url, "rebuild", "--all"])
    assert result.exit_code == 0, result.output
    assert state() == before


def test_a_parser_that_fails_leaves_the_source_as_it_was(
        store: Engine, db_url: str, loose: sources.Source,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _listings(store)

    def broken(parsed: Parsed) -> Parsed:
        return Parsed(parsed.listings[:3], parsed.published)  # below the count bounds

    monkeypatch.setitem(sources.SOURCES, "us_ofac_sdn", _changed(loose, broken, "3-broken"))
    result = CliRunner().invoke(cli, ["--db", db_url, "rebuild", "--source", "us_ofac_sdn"])
    assert result.exit_code == 1
    assert "us_ofac_sdn snapshot 2022-12-08" in result.output
    assert "3 listings parsed" in result.output and "nothing of us_ofac_sdn" in result.output
    assert _listings(store) == before
    assert _versions_recorded(store) == {loose.parser_version}


def test_a_missing_archive_is_named(store: Engine, db_url: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONCERTED_DATA_DIR", str(tmp_path / "elsewhere"))
    result = CliRunner().invoke(cli, ["--db", db_url, "rebuild", "--all"])
    assert result.exit_code == 1
    assert "is not in the archive" in result.output and "CONCERTED_DATA_DIR" in result.output
