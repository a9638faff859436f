"""Fixtures for the resolve tests: real listings, as the parsers read them.

`fixtures/listings.json` holds 39 listings parsed from the official files in
../shared/data/lists (newest snapshot of each list): the four Xinjiang officials of the
joint designations of 22 March 2021, the two AL-QAHTANIs, KADYROV and two daughters,
ROTENBERG brothers, LUKASHENKA, and listings printing Chinese, Arabic, Persian and Cyrillic
names. `labelled_pairs.tsv` is the hand-labelled evaluation set (see concerted.resolve.evaluate).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from concerted.model import Listing, Snapshot
from concerted.resolve.record import Record, prepare
from concerted.store.db import connect
from concerted.store.derive import refresh_source
from concerted.store.writer import Writer

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_listings() -> list[Listing]:
    data = json.loads((FIXTURES / "listings.json").read_text(encoding="utf-8"))
    return [Listing.from_dict(item) for item in data]


@pytest.fixture(scope="session")
def listings() -> list[Listing]:
    return fixture_listings()


@pytest.fixture(scope="session")
def records(listings: list[Listing]) -> dict[str, Record]:
    return {r.ref: r for r in map(prepare, listings)}


def store_listings(engine: Engine, listings: Iterable[Listing], published: str) -> None:
    """Write the listings as one snapshot per source, dated `published`."""
    by_source: dict[str, list[Listing]] = defaultdict(list)
    for listing in listings:
        by_source[listing.source].append(listing)
    writer = Writer(engine)
    for source, items in sorted(by_source.items()):
        digest = hashlib.sha256(f"{source}{published}{len(items)}".encode()).hexdigest()
        snapshot = Snapshot(source, published, (("fixture.json", digest),), tuple(items))
        writer.add_snapshot(snapshot, date_origin="option", retrieved_at=f"{published}T00:00Z",
                            sizes={"fixture.json": 0})
        refresh_source(engine, source, [published])


@pytest.fixture()
def store() -> object:
    """`store(engine, listings, published)`: write listings as snapshots."""
    return store_listings


@pytest.fixture()
def engine(db_url: str, listings: list[Listing]) -> Iterator[Engine]:
    """A store (SQLite and PostgreSQL alike) holding the fixture listings."""
    engine = connect(db_url)
    store_listings(engine, listings, "2025-01-01")
    yield engine
    engine.dispose()
