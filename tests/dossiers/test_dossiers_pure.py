"""The dossiers' pure modules import no I/O library (the import direction of DESIGN.md), and
the packet templates cover exactly the programs a packet can be built for."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_graph import imports

from concerted.dossiers.model import PROGRAMS
from concerted.dossiers.templates import load_templates
from concerted.programs import get_program

PACKAGE = Path(__file__).resolve().parents[2] / "concerted" / "dossiers"
PURE = ("model.py", "records.py", "criteria.py", "blocks.py", "packet.py", "packet_parts.py",
        "matching.py", "files.py", "templates.py")
IO = ("sqlalchemy", "httpx", "psycopg", "fastapi", "concerted.store", "concerted.archive",
      "concerted.fetch", "concerted.ingest", "concerted.dossiers.service", "cryptography")




@pytest.mark.parametrize("module", PURE)
def test_pure(module: str) -> None:
    found = {n for n in imports(PACKAGE / module) if any(n == x or n.startswith(x + ".")
                                                         for x in IO)}
    assert found == set()


def test_templates_cover_the_programs() -> None:
    assert set(load_templates()) == set(PROGRAMS)
    assert all(get_program(p).id == p for p in PROGRAMS)
