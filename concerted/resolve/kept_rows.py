"""How a kept resolution is laid out in its SQLite file (`resolve.kept`): the tables, the
rows and the meta values. Adapter."""

from __future__ import annotations

import logging
import pickle
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from concerted import territories
from concerted.resolve.answers import Kept
from concerted.resolve.reblock import KeyIndex
from concerted.resolve.score import Score

__all__ = ["CHUNK", "SCHEMA", "chunks", "dump", "not_kept", "read_index", "score_row",
           "write_meta"]

log = logging.getLogger("concerted.resolve.kept")
T = TypeVar("T")
SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE records (ref TEXT PRIMARY KEY, record BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE scores (left_ref TEXT NOT NULL, right_ref TEXT NOT NULL, score REAL NOT NULL,
                     explained BLOB NOT NULL, PRIMARY KEY (left_ref, right_ref)) WITHOUT ROWID;
CREATE INDEX scores_right ON scores (right_ref);
CREATE TABLE postings (grp TEXT NOT NULL, key TEXT NOT NULL, numbers BLOB NOT NULL,
                       PRIMARY KEY (grp, key)) WITHOUT ROWID;
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


def write_meta(conn: sqlite3.Connection, signature: str, kept: Kept, full: bool) -> None:
    """The signature, the index, the answers and the country spellings resolved (rigour's
    full table takes seconds to build). The index's postings are written whole after a full
    run; after an incremental one, only those it changed, as rows over the whole (`postings`:
    two hundred thousand byte strings take a tenth of a second to write, each time)."""
    index = kept.index
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
        ("signature", signature.encode()), ("index", dump(replace(index, postings={}))),
        *([("postings", dump(index.postings))] if full else []),
        ("answers", dump(kept.answers)), ("territories", dump(territories.learned()))])
    if not full:
        conn.executemany("INSERT OR REPLACE INTO postings VALUES (?, ?, ?)", (
            (group, key, index.postings.get(group, {}).get(key, b""))
            for group, key in sorted(index.changed_keys)))


def read_index(conn: sqlite3.Connection, meta: dict[str, bytes]) -> KeyIndex:
    """The index as `write_meta` left it: the whole postings, then the rows written over
    them since (an empty row: a key no record has any more)."""
    index: KeyIndex = pickle.loads(meta["index"])
    index.postings = pickle.loads(meta["postings"])
    for group, key, numbers in conn.execute("SELECT grp, key, numbers FROM postings"):
        if numbers:
            index.postings.setdefault(group, {})[key] = numbers
        else:
            index.postings.get(group, {}).pop(key, None)
    return index
