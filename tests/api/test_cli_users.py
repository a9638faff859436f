"""`concerted users add | list | token | disable | remove` and `concerted serve --help`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from concerted.cli import cli


def test_users_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    db = ["--db", f"sqlite:///{tmp_path / 'c.db'}"]
    added = runner.invoke(cli, [*db, "users", "add", "Ana@Example.org", "--password-stdin"],
                          input="a long enough password\n")
    assert added.exit_code == 0, added.output
    again = runner.invoke(cli, [*db, "users", "add", "ana@example.org", "--password-stdin"],
                          input="a long enough password\n")
    assert again.exit_code != 0 and "already exists" in again.output
    short = runner.invoke(cli, [*db, "users", "add", "b@example.org", "--password-stdin"],
                          input="short\n")
    assert short.exit_code != 0 and "12 characters" in short.output
    listed = json.loads(runner.invoke(cli, [*db, "users", "list", "--format", "json"]).output)
    assert [u["email"] for u in listed] == ["ana@example.org"]
    token = runner.invoke(cli, [*db, "users", "token", "ana@example.org"]).output.strip()
    assert token.startswith("cct_")
    assert runner.invoke(cli, [*db, "users", "disable", "ana@example.org"]).exit_code == 0
    assert runner.invoke(cli, [*db, "users", "remove", "ana@example.org"]).exit_code == 0
    assert runner.invoke(cli, [*db, "users", "remove", "ana@example.org"]).exit_code != 0
    lonely = runner.invoke(cli, [*db, "users", "add", "c@example.org", "--org", "X"])
    assert lonely.exit_code != 0 and "--org and --role go together" in lonely.output


def test_serve_is_documented() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.output and "--port" in result.output
