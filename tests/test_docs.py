"""The README documents every command and setting (fails when one is added silently)."""

from __future__ import annotations

import re
from pathlib import Path

import click

from concerted.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    names = cli.list_commands(click.Context(cli))
    missing = [name for name in names if f"concerted {name}" not in README]
    assert missing == []


def test_every_setting_is_in_the_readme() -> None:
    used: set[str] = set()
    for path in (ROOT / "concerted").rglob("*.py"):
        used.update(re.findall(r"\"(CONCERTED_[A-Z_]+)\"", path.read_text(encoding="utf-8")))
    missing = sorted(name for name in used if name not in README)
    assert missing == []


def test_readme_opens_with_the_two_setup_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    assert "pip install" in blocks[0] and "concerted ingest" in blocks[0]
    assert blocks[1].strip() == (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
