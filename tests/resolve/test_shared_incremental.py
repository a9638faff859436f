"""On real snapshots (marked `shared`): `concerted resolve` after one further daily OFAC
snapshot resolves only what changed, and leaves the targets and the review queue a full
run leaves. The UK's newest list and the OFAC list of 2024-03-04 are resolved first; then
OFAC's list of the next day (2024-03-05) arrives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from concerted.cli import cli
from concerted.model import ListingRef
from concerted.resolve import journal
from concerted.store.db import connect
from concerted.store.reader import Reader

pytestmark = pytest.mark.shared
BEFORE, DAILY = ["gb/2025-04-14", "us/2024-03-04"], "us/2024-03-05"


def _cli(url: str, data: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--db", url, *args, "--format", "json"],
                                catch_exceptions=False, env={"CONCERTED_DATA_DIR": str(data)})
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _targets(url: str, data: Path) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for row in _cli(url, data, "export", "targets"):
        members.setdefault(row["target_id"], set()).add(f"{row['source']}:{row['listing_key']}")
    return {frozenset(m) for m in members.values()}


def _queue(url: str) -> set[tuple[str, str]]:
    engine = connect(url)
    found = {(i.left, i.right) for i in journal.queue(engine)}
    engine.dispose()
    return found


def test_a_daily_snapshot_resolves_incrementally_as_a_full_run_would(
        shared_lists: Path, tmp_path: Path) -> None:
    url, data = f"sqlite:///{tmp_path / 'concerted.db'}", tmp_path / "data"
    _cli(url, data, "ingest", *(str(shared_lists / folder) for folder in BEFORE))
    assert _cli(url, data, "resolve")[0]["mode"] == "full"
    engine = connect(url)
    hashes = Reader(engine).version_hashes()
    _cli(url, data, "ingest", str(shared_lists / DAILY))
    changed = {str(ListingRef(*key)) for key, digest in Reader(engine).version_hashes().items()
               if hashes.get(key) != digest}
    engine.dispose()
    report = _cli(url, data, "resolve")[0]
    assert changed and all(ref.startswith("us_ofac_sdn:") for ref in changed)
    assert (report["mode"], report["changed"]) == ("incremental", len(changed))
    assert report["candidates"] < 100 * len(changed)  # only the changed listings' pairs

    shutil.copy(tmp_path / "concerted.db", tmp_path / "full.db")
    full_url = f"sqlite:///{tmp_path / 'full.db'}"
    full = _cli(full_url, data, "resolve", "--full")[0]
    assert full["mode"] == "full"
    assert (full["linked"], full["retracted"]) == (0, 0)  # nothing the incremental run missed
    assert _queue(full_url) == _queue(url)
    assert _targets(full_url, data) == _targets(url, data)
