"""The import direction of ARCHITECTURE.md: pure modules import no I/O library."""

from __future__ import annotations

from pathlib import Path

from import_graph import imports

PACKAGE = Path(__file__).resolve().parents[1] / "concerted"
IO_LIBRARIES = {
    "sqlalchemy",
    "httpx",
    "psycopg",
    "fastapi",
    "requests",
    "smtplib",
    "socket",
    "urllib",
    "concerted.store",
    "concerted.fetch",
    "concerted.archive",
    "concerted.ingest",
}
PURE = [
    "sources",
    "analysis",
    "model.py",
    "ftm.py",
    "programs",
    "resolve/block.py",
    "resolve/score.py",
    "resolve/judgements.py",
    "resolve/linker.py",
    "resolve/features.py",
    "resolve/consistency.py",
    "alerts/model.py",
    "alerts/matching.py",
    "alerts/atom.py",
    "dossiers/model.py",
    "dossiers/criteria.py",
    "dossiers/blocks.py",
    "matching/index.py",
    "names",
    "matching/query.py",
    "matching/matcher.py",
    "territories.py",
]




def _pure_files() -> list[Path]:
    files: list[Path] = []
    for entry in PURE:
        path = PACKAGE / entry
        files.extend(
            sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.exists() else []
        )
    return files


def test_pure_modules_import_no_io() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name
            for name in imports(path)
            if any(name == lib or name.startswith(lib + ".") for lib in IO_LIBRARIES)
        )
        for path in _pure_files()
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert len(offenders) > 5  # the check really looked at the pure modules
