"""The pure core of `concerted.resolve` imports no I/O library (ARCHITECTURE.md)."""

from __future__ import annotations

from pathlib import Path

from import_graph import imports

RESOLVE = Path(__file__).resolve().parents[2] / "concerted" / "resolve"
IO_MODULES = {"journal.py", "xref.py", "targets.py", "evaluate.py", "matching.py", "batch.py",
              "export.py", "__init__.py"}
FORBIDDEN = ("sqlalchemy", "httpx", "psycopg", "concerted.store", "concerted.fetch",
             "concerted.archive", "concerted.ingest", "multiprocessing")




def test_pure_modules_import_no_io() -> None:
    pure = [p for p in sorted(RESOLVE.glob("*.py")) if p.name not in IO_MODULES]
    assert len(pure) >= 10  # the name modules moved to concerted.names
    offenders = {p.name: sorted(n for n in imports(p) if n.startswith(FORBIDDEN)) for p in pure}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_modules_stay_small() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines())
             for p in RESOLVE.glob("*.py")}
    assert max(sizes.values()) <= 170, sizes
