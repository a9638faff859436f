"""Every command that takes a date, an id or an enumerated value refuses a bad one with a
non-zero exit and a message naming the parameter (issue 14): never an empty table, never
everything. In-process, on an empty store (the values are checked before any work)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from concerted.cli import cli

AS = ("--as", "nobody@example.org")

CASES = [
    (["changes", "us_ofac_sdn", "--since", "2022-13-01"], "--since"),
    (["changes", "us_ofac_sdn", "--since", "yesterday"], "--since"),
    (["changes", "xx_list"], "SOURCE"),
    (["listings", "--source", "nope"], "--source"),
    (["listings", "--program", "gb-xyz"], "--program"),
    (["export", "listings", "--format", "json", "--program", "us-glomg"], "--program"),
    (["export", "targets", "--program", "us-glomg"], "--program"),
    (["export", "targets", "--theme", "nope"], "--theme"),
    (["coverage", "--since", "2022-02-30"], "--since"),
    (["coverage", "--jurisdiction", "xx"], "--jurisdiction"),
    (["coverage", "--country", "chn"], "--country"),
    (["coverage", "--theme", "nope"], "--theme"),
    (["rounds", "--program", "us-glomg"], "--program"),
    (["rounds", "--until", "2022-1-1"], "--until"),
    (["gaps", "--partner", "xx"], "--partner"),
    (["lags", "--jurisdiction", "zz"], "--jurisdiction"),
    (["stats", "--program", "gb-xyz"], "--program"),
    (["programs", "--jurisdiction", "xx"], "--jurisdiction"),
    (["programs", "--theme", "nope"], "--theme"),
    (["programs", "show", "gb-xyz"], "gb-xyz"),
    (["programs", "show", "nothing"], "nothing"),
    (["programs", "compare", "--jurisdiction", "xx"], "--jurisdiction"),
    (["eligible", "--conduct", "torture", "--country", "chn"], "--country"),
    (["eligible", "--conduct", "torture", "--jurisdiction", "xx"], "--jurisdiction"),
    (["eligible", "--conduct", "nope"], "--conduct"),
    (["match", "--name", "x", "--birth-date", "1958-13"], "--birth-date"),
    (["match", "--name", "x", "--schema", "Ship"], "--schema"),
    (["subscriptions", "add", "--jurisdiction", "xx"], "--jurisdiction"),
    (["subscriptions", "add", "--program", "gb-xyz"], "--program"),
    (["subscriptions", "add", "--theme", "nope"], "--theme"),
    (["subscriptions", "add", "--country", "chn"], "--country"),
    (["ingest", "--date", "2024-02-30", "."], "--date"),
    (["fetch", "--source", "nope"], "--source"),
    (["allegations", "add", "D", "--conduct", "torture", "--summary", "s", "--from",
      "2020-13", *AS], "--from"),
    (["evidence", "add", "D", "--testimony", "t", "--level", "public", "--obtained",
      "2020-02-30", *AS], "--obtained"),
    (["evidence", "add", "D", "--testimony", "t", "--level", "secret", *AS], "--level"),
    (["submissions", "build", "D", "--program", "gb-xyz", "--out", "x.pdf", *AS],
     "--program"),
    (["submissions", "status", "S", "submitted", "--date", "2021-02-29", *AS], "--date"),
    (["submissions", "status", "S", "lost", *AS], "STATUS"),
]


@pytest.mark.parametrize(("args", "named"), CASES, ids=[" ".join(c[0][:3]) for c in CASES])
def test_a_bad_value_is_refused_naming_it(args: list[str], named: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"CONCERTED_DATA_DIR": str(tmp_path / "data"),
           "CONCERTED_KEY_FILE": str(tmp_path / "keys.json")}
    result = CliRunner(env=env).invoke(cli, ["--db", f"sqlite:///{tmp_path / 'c.db'}", *args])
    assert result.exit_code != 0, result.output
    assert named in result.output, result.output
    assert "Traceback" not in result.output
