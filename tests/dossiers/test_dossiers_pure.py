"""The packet templates cover exactly the programs a packet can be built for (the purity of
the dossier modules is an import-linter contract, pyproject.toml)."""

from __future__ import annotations

from concerted.dossiers.model import PROGRAMS
from concerted.dossiers.templates import load_templates
from concerted.programs import get_program


def test_templates_cover_the_programs() -> None:
    assert set(load_templates()) == set(PROGRAMS)
    assert all(get_program(p).id == p for p in PROGRAMS)
