"""A dossier opened from the command line finds its subject on the lists (issue 14): with no
`--target` the lists are searched and one target confirmed, so the dossier never says the
United States or the United Kingdom have not acted on ZHU Hailun. On the real list history,
resolved as `concerted resolve` does (tests/web_store.py's store)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from web_store import PASSWORD

from concerted.cli import cli

pytestmark = pytest.mark.shared


def _shell(url: str, tmp: Path):  # type: ignore[no-untyped-def]
    env = {"CONCERTED_DATA_DIR": str(tmp / "data"), "CONCERTED_KEY_FILE": str(tmp / "k.json")}

    def run(*args: str, ok: bool = True, stdin: str | None = None) -> Result:
        result = CliRunner(env=env).invoke(cli, ["--db", url, *args], input=stdin)
        assert (result.exit_code == 0) == ok, result.output
        return result

    return run


def test_create_suggests_confirms_and_shows_who_acted(web_store: str, tmp_path: Path) -> None:
    db = tmp_path / "store.db"  # the shared store is read-only for tests: work on a copy
    source = sqlite3.connect(web_store.removeprefix("sqlite:///"))
    copy = sqlite3.connect(db)
    source.backup(copy)
    source.close()
    copy.close()
    sh = _shell(f"sqlite:///{db}", tmp_path)
    sh("keys", "init")  # a named CONCERTED_KEY_FILE is never made implicitly
    sh("orgs", "add", "Rights Watch")
    sh("users", "add", "me@example.org", "--org", "Rights Watch", "--role", "owner",
       "--password-stdin", stdin=PASSWORD + "\n")
    me = ("--as", "me@example.org")
    # Not a terminal, nothing confirmed: refused, naming the candidates in plain words.
    refused = sh("dossiers", "create", "--org", "Rights Watch", "--subject", "ZHU Hailun", *me,
                 ok=False)
    assert "OFSI Consolidated List, group 14078" in refused.output
    assert "OFAC SDN List, entry 29219" in refused.output and "--target" in refused.output
    dossier = sh("dossiers", "create", "--org", "Rights Watch", "--subject", "ZHU Hailun",
                 "--yes", *me).stdout.strip()
    rows = {r["jurisdiction"]: r for r in json.loads(
        sh("dossiers", "gaps", dossier, "--format", "json", *me).stdout)}
    assert rows["us"]["acted"] and rows["gb"]["acted"]
    assert rows["us"]["designations"][0]["program_name"] == "United States — Global Magnitsky"
    assert rows["au"]["status"] == "not yet"
    assert rows["ca"]["status"].startswith("not yet (possibly stale")
    assert rows["eu"]["status"].startswith("unknown")  # no EU list is held
    unlinked = sh("dossiers", "create", "--org", "Rights Watch", "--subject", "ZHU Hailun",
                  "--no-target", *me).stdout.strip()
    statuses = {r["status"] for r in json.loads(
        sh("dossiers", "gaps", unlinked, "--format", "json", *me).stdout)}
    assert statuses == {"unknown: the dossier is linked to no listing"}
