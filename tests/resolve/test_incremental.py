"""Incremental resolution (`run(..., kept=FILE)`), SQLite and PostgreSQL alike: a run after
new or amended listings reaches the targets and the review queue a full run reaches, and
falls back to a full run whenever what is kept cannot be trusted."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import Engine

from concerted.model import Listing
from concerted.reports.load import load_inputs
from concerted.resolve import journal
from concerted.resolve.block import Blocker
from concerted.resolve.kept import KeptResolution
from concerted.resolve.reblock import KeyIndex
from concerted.resolve.runconfig import config_signature
from concerted.resolve.xref import ResolveConfig, ResolveReport, load_records, run
from concerted.store.db import connect
from tests.resolve.conftest import store_listings

CONFIG = ResolveConfig(workers=1)
# The four Xinjiang officials as the UK listed them on 22 March 2021.
XINJIANG_GB = {"14078", "14077", "14076", "14074"}
KADYROV_GB = "13042"


def _partition(engine: Engine) -> set[frozenset[tuple[str, str]]]:
    return {frozenset(t.listings) for t in load_inputs(engine).targets}


def _queue(engine: Engine) -> set[tuple[str, str, str]]:
    return {(i.left, i.right, i.reason) for i in journal.queue(engine)}


def _first(listings: list[Listing]) -> list[Listing]:
    """The fixture listings as they were before the UK listed the Xinjiang officials."""
    return [x for x in listings if not (x.source == "gb_hmt_conlist" and x.key in XINJIANG_GB)]


def _second(listings: list[Listing]) -> list[Listing]:
    """Every fixture listing, the UK's KADYROV amended: his aliases and birth date gone."""
    return [dataclasses.replace(x, names=(), birth_dates=())
            if (x.source, x.key) == ("gb_hmt_conlist", KADYROV_GB) else x for x in listings]


def _resolve_twice(engine: Engine, listings: list[Listing], kept: Path | None
                   ) -> tuple[ResolveReport, ResolveReport]:
    store_listings(engine, _first(listings), "2025-01-01")
    first = run(engine, CONFIG, kept=kept)
    store_listings(engine, _second(listings), "2025-02-01")
    return first, run(engine, CONFIG, kept=kept)


def test_new_and_amended_listings_resolve_as_a_full_run_does(
        db_url: str, listings: list[Listing], tmp_path: Path) -> None:
    engine, whole = connect(db_url), connect(f"sqlite:///{tmp_path / 'whole.db'}")
    first, second = _resolve_twice(engine, listings, tmp_path / "kept.db")
    _resolve_twice(whole, listings, None)
    assert (first.mode, first.changed) == ("full", 35)
    assert (second.mode, second.changed, second.listings) == ("incremental", 5, 39)
    assert second.candidates > 0 and second.linked > 0  # the four officials linked
    assert _partition(engine) == _partition(whole)
    assert _queue(engine) == _queue(whole)
    zhu = next(t for t in load_inputs(engine).targets if ("us_ofac_sdn", "29219") in t.listings)
    assert ("gb_hmt_conlist", "14078") in zhu.listings
    engine.dispose()
    whole.dispose()


def test_a_run_with_nothing_changed_changes_nothing(
        db_url: str, listings: list[Listing], tmp_path: Path) -> None:
    engine, kept = connect(db_url), tmp_path / "kept.db"
    _resolve_twice(engine, listings, kept)
    before, queue = len(journal.load(engine)), _queue(engine)
    again = run(engine, CONFIG, kept=kept)
    assert (again.mode, again.changed, again.candidates) == ("incremental", 0, 0)
    assert (again.linked, again.retracted) == (0, 0)
    assert len(journal.load(engine)) == before and _queue(engine) == queue
    engine.dispose()


def test_full_runs_when_asked_or_when_the_kept_work_cannot_serve(
        db_url: str, listings: list[Listing], tmp_path: Path) -> None:
    engine, kept = connect(db_url), tmp_path / "kept.db"
    _resolve_twice(engine, listings, kept)
    assert run(engine, CONFIG, kept=kept, full=True).mode == "full"
    assert run(engine, CONFIG, kept=kept).mode == "incremental"
    # Another configuration's scores and decisions are not this one's.
    stricter = dataclasses.replace(CONFIG, threshold=0.95)
    assert run(engine, stricter, kept=kept).mode == "full"
    assert run(engine, stricter, kept=kept).mode == "incremental"
    # A damaged file is set aside, not trusted: the run is full and keeps anew.
    kept.write_bytes(b"not what a run keeps")
    assert run(engine, stricter, kept=kept).mode == "full"
    assert run(engine, stricter, kept=kept).mode == "incremental"
    # Work kept for listings this store does not hold (another store, a restored backup).
    other = connect(f"sqlite:///{tmp_path / 'other.db'}")
    store_listings(other, _first(listings)[:20], "2025-01-01")
    report = run(other, stricter, kept=kept)
    assert (report.mode, report.listings) == ("full", 20)
    engine.dispose()
    other.dispose()


def test_workers_do_not_change_what_is_kept(
        db_url: str, listings: list[Listing], tmp_path: Path) -> None:
    engine, kept = connect(db_url), tmp_path / "kept.db"
    store_listings(engine, listings, "2025-01-01")
    run(engine, dataclasses.replace(CONFIG, workers=2), kept=kept)
    assert run(engine, CONFIG, kept=kept).mode == "incremental"
    engine.dispose()


def test_a_folder_that_cannot_keep_costs_only_the_head_start(
        db_url: str, listings: list[Listing], tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    engine = connect(db_url)
    store_listings(engine, listings, "2025-01-01")
    (tmp_path / "a-file").write_text("not a folder")
    kept = tmp_path / "a-file" / "kept.db"
    first = run(engine, CONFIG, kept=kept)
    assert first.mode == "full" and first.linked > 0  # the decisions are recorded
    assert "could not keep this run's work" in caplog.text
    assert run(engine, CONFIG, kept=kept).mode == "full"
    engine.dispose()


def test_the_kept_index_reads_back_as_one_built_afresh(
        db_url: str, listings: list[Listing], tmp_path: Path) -> None:
    engine, path = connect(db_url), tmp_path / "kept.db"
    _resolve_twice(engine, listings, path)  # postings written whole, then the changed ones
    store_listings(engine, listings, "2025-03-01")  # KADYROV's entry as it was: changed back
    assert run(engine, CONFIG, kept=path).changed == 1
    keep = KeptResolution(path, repr(config_signature(CONFIG)))
    kept = keep.open()
    keep.close()
    assert kept is not None
    by_ref = {r.ref: r for r in load_records(engine, current=None)}
    fresh = KeyIndex.of(Blocker([by_ref[ref] for ref in kept.index.refs]), kept.index.versions)
    assert kept.index.postings == fresh.postings
    engine.dispose()
