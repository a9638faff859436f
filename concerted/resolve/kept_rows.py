"""How a kept resolution is laid out in its SQLite file (`resolve.kept`): the tables, the
rows and the meta values. Adapter."""

from __future__ import annotations

import logging
import pickle
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from concerted import territories
from concerted.resolve.answers import Kept
from concerted.resolve.score import Score

__all__ = ["CHUNK", "SCHEMA", "chunks", "dump", "not_kept", "score_row", "write_meta"]

log = logging.getLogger("concerted.resolve.kept")
T = TypeVar("T")
SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE records (ref TEXT PRIMARY KEY, record BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE scores (left_ref TEXT NOT NULL, right_ref TEXT NOT NULL, score REAL NOT NULL,
                     explained BLOB NOT NULL, PRIMARY KEY (left_ref, right_ref)) WITHOUT ROWID;
CREATE INDEX scores_right ON scores (right_ref);
"""
CHUNK = 500  # refs per statement: SQLite's bound on parameters


def not_kept(path: Path, exc: Exception) -> None:
    # The run's decisions are recorded: only the next run's head start is lost.
    log.warning("resolve: could not keep this run's work in %s (%s); the next run will "
                "resolve every listing", path, exc)


def chunks(items: list[T], size: int = CHUNK) -> Iterator[tuple[list[T], str]]:
    """The items a statement at a time, each chunk with its parameter marks."""
    for start in range(0, len(items), size):
        chunk = items[start:start + size]
        yield chunk, ",".join("?" * len(chunk))


def dump(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def score_row(score: Score) -> tuple[str, str, float, bytes]:
    left, right = sorted((score.left, score.right))
    return left, right, score.score, dump((score.features, score.complete))


def write_meta(conn: sqlite3.Connection, signature: str, kept: Kept,
               index: bool = True) -> None:
    # The index only when a listing changed; rigour's full table of country spellings takes
    # seconds to build, so the spellings resolved are kept too.
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
        ("signature", signature.encode()), *([("index", dump(kept.index))] if index else []),
        ("answers", dump(kept.answers)), ("territories", dump(territories.learned()))])
