"""The resolve modules stay small (that its pure core imports no I/O is an import-linter
contract, pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

RESOLVE = Path(__file__).resolve().parents[2] / "concerted" / "resolve"


def test_modules_stay_small() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines())
             for p in RESOLVE.glob("*.py")}
    assert max(sizes.values()) <= 170, sizes
