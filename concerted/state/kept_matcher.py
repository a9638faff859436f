"""The matcher for `concerted match`, kept on disk per store state.

Orchestrator (in `state`, above `matching` and `reports`, whose parts it puts together).
Building what the matcher keeps (`MatchData`: the name index over every
listing, the targets, which listings are current) reads and resolves the whole store, about
as long as the web app's state (seconds); it is written once per store state to
`<data dir>/cache/` and read back in a fraction of a second while the store has not changed
(`store_fingerprint`: snapshots and judgements). The listings themselves are read from the
store for the candidates only. The same `match_data` over the same targets as the web app's
state, so the CLI and the API answer alike.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy import Engine

from concerted import __version__
from concerted.analysis.inputs import ListingKey
from concerted.matching.matcher import MatchData, Matcher, Seen, match_data
from concerted.store.fingerprint import store_fingerprint
from concerted.store.reader import Reader
from concerted.territories import learn

__all__ = ["build_match_data", "kept_matcher"]

log = logging.getLogger(__name__)
_FORMAT = 3  # bump when MatchData or NameIndex change shape


def build_match_data(engine: Engine) -> MatchData:
    """What the web app's state builds, the matcher's part only."""
    # Imported here, not above, for start-up time only (no cycle: both are lower layers): a
    # warm `concerted match` never builds, and these bring in the parsers, the program
    # registry and the web state (about a second to import).
    from concerted.reports.load import load_inputs
    from concerted.state.build import listing_index

    inputs = load_inputs(engine)  # resolved targets: the one target builder
    return match_data(listing_index(inputs), inputs.targets, inputs.records)


def _cache_file(cache_dir: Path, engine: Engine) -> Path:
    store = hashlib.sha256(engine.url.render_as_string().encode()).hexdigest()[:16]
    return cache_dir / f"matcher-{store}.pickle"


def _read(path: Path, stamp: str) -> MatchData | None:
    try:
        with path.open("rb") as handle:
            kept_stamp, data = pickle.load(handle)  # our own file, in our data dir
    except FileNotFoundError:
        return None
    except Exception:  # an older format or a torn file: rebuild it
        log.info("ignoring the unreadable matcher cache %s", path)
        return None
    return data if kept_stamp == stamp and isinstance(data, MatchData) else None


def _write(path: Path, stamp: str, data: MatchData) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((stamp, data), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)  # readers see the old file or the new one, never half
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def kept_matcher(engine: Engine, cache_dir: Path) -> Matcher:
    stamp = f"{_FORMAT}|{__version__}|{store_fingerprint(engine)}"
    path = _cache_file(cache_dir, engine)
    data = _read(path, stamp)
    if data is None:
        data = build_match_data(engine)
        try:
            _write(path, stamp, data)
        except OSError as exc:  # a read-only data dir still answers, only slower next time
            log.warning("cannot keep the matcher at %s: %s", path, exc)
    learn(data.countries)
    reader = Reader(engine)

    def fetch(keys: Sequence[ListingKey]) -> Mapping[ListingKey, Seen]:
        return reader.listings_by_key(keys)

    return Matcher(data, fetch)
