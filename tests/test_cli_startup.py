"""The command table in `concerted.cli.commands` says what the modules register (so lazy
loading finds every command and `--help` shows each one's own help), and `concerted --help`
imports none of the heavy libraries. How fast it starts is measured in bench/cli.py."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest

from concerted.cli import LazyGroup
from concerted.cli.commands import COMMANDS


def test_the_table_is_what_the_modules_register() -> None:
    group = LazyGroup("concerted")
    group.load_all()
    assert set(group.commands) == set(COMMANDS)
    for name, command in group.commands.items():
        assert command.get_short_help_str(limit=300) == COMMANDS[name][1], (
            f"{name}: its one-line help changed; copy it into concerted/cli/commands.py")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_loads_alone(name: str) -> None:
    group = LazyGroup("concerted")
    command = group.get_command(click.Context(group), name)
    assert command is not None and command.name == name
    if name == "export":  # its subcommands come from two modules
        assert isinstance(command, click.Group) and {"listings", "targets"} <= set(
            command.commands)
    if name == "keys":
        assert isinstance(command, click.Group) and "init" in command.commands


def test_help_imports_no_heavy_library() -> None:
    script = ("import sys\nfrom concerted.cli import cli\n"
              "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
              "print('\\n' + __import__('json').dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    assert "Commands:" in out and "dossiers" in out
    heavy = {"sqlalchemy", "fastapi", "rich", "followthemoney", "lxml", "pydantic"}
    assert not heavy & {m.split(".")[0] for m in loaded}


# What a command's --help may not load: the database, HTTP, FollowTheMoney, the official
# formats, the packet renderers, cryptography (each command imports them when it runs).
# `users` names the token scopes, which live beside the token store (SQLAlchemy).
_NOT_FOR_HELP = {"sqlalchemy", "fastapi", "httpx", "followthemoney", "lxml", "openpyxl",
                 "fpdf", "docx", "cryptography", "jinja2"}
_NEEDS_STORE_FOR_HELP = {"users": {"sqlalchemy"}}


def test_no_command_help_loads_what_only_running_needs() -> None:
    script = ("import json, sys\nfrom concerted.cli import cli\n"
              "try:\n    cli([sys.argv[1], '--help'])\nexcept SystemExit:\n    pass\n"
              "print('\\n' + json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    loaded_by = {}
    for name in sorted(COMMANDS):
        out = subprocess.run([sys.executable, "-c", script, name], capture_output=True,
                             text=True, check=True).stdout
        assert "Usage:" in out, name
        loaded = set(json.loads(out.splitlines()[-1]))
        loaded_by[name] = sorted(loaded & (_NOT_FOR_HELP - _NEEDS_STORE_FOR_HELP.get(name, set())))
    assert loaded_by == {name: [] for name in sorted(COMMANDS)}
