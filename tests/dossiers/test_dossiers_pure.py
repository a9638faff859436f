"""The dossiers' pure modules import no I/O library (the import direction of DESIGN.md), and
the packet templates cover exactly the programs a packet can be built for."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from concerted.dossiers.model import PROGRAMS
from concerted.dossiers.templates import load_templates
from concerted.programs import get_program

PACKAGE = Path(__file__).resolve().parents[2] / "concerted" / "dossiers"
PURE = ("model.py", "records.py", "criteria.py", "blocks.py", "packet.py", "packet_parts.py",
        "matching.py", "files.py", "templates.py")
IO = ("sqlalchemy", "httpx", "psycopg", "fastapi", "concerted.store", "concerted.archive",
      "concerted.fetch", "concerted.ingest", "concerted.dossiers.service", "cryptography")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("module", PURE)
def test_pure(module: str) -> None:
    found = {n for n in _imports(PACKAGE / module) if any(n == x or n.startswith(x + ".")
                                                         for x in IO)}
    assert found == set()


def test_templates_cover_the_programs() -> None:
    assert set(load_templates()) == set(PROGRAMS)
    assert all(get_program(p).id == p for p in PROGRAMS)
