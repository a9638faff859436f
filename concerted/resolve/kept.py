"""What a resolve run keeps for the next: `KeptResolution`, a SQLite file per store in the
data folder (`Settings.resolve_kept`). Adapter.

It holds the blocking index and chaining answers (`answers.Kept`), every record prepared and
every score at or above the review threshold with its explanation (rows read only when a
pair needs them). A full run writes a new file and puts it in place whole; a later run
changes it in one transaction or not at all. Another Concerted version or resolve
configuration (`signature`) finds nothing kept. The values are pickles: the folder must be
trusted as the store itself is (it sits beside the archive).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from concerted import __version__, territories
from concerted.resolve.answers import Kept
from concerted.resolve.kept_rows import (
    CHUNK,
    SCHEMA,
    chunks,
    dump,
    not_kept,
    read_index,
    score_row,
    write_meta,
)
from concerted.resolve.record import Record
from concerted.resolve.score import Score

__all__ = ["KeptResolution"]

FORMAT = "2"  # bump when what is kept changes shape
Key = tuple[str, str]


class KeptResolution:
    def __init__(self, path: Path, signature: str) -> None:
        self.path = path
        self.signature = "|".join((FORMAT, __version__, signature))
        self._conn: sqlite3.Connection | None = None

    def open(self) -> Kept | None:
        """What the previous run kept, or None (nothing kept, kept by another version or
        configuration, or unreadable: then the run is a full one and keeps anew)."""
        if not self.path.exists():
            return None
        conn = None
        try:
            conn = sqlite3.connect(self.path, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")  # one run at a time changes what is kept
            meta = dict(conn.execute("SELECT name, value FROM meta").fetchall())
            if meta.get("signature") != self.signature.encode():
                raise LookupError("kept by another version or configuration")
            kept = Kept(read_index(conn, meta), pickle.loads(meta["answers"]))
            territories.learn(pickle.loads(meta["territories"]))
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, LookupError, AttributeError,
                ImportError, TypeError):
            if conn is not None:
                conn.close()
            return None
        self._conn = conn
        return kept

    def _connection(self) -> sqlite3.Connection:
        assert self._conn is not None, "open() first"
        return self._conn

    def records(self, refs: Iterable[str]) -> dict[str, Record]:
        found = {}
        for chunk, marks in chunks(sorted(set(refs))):
            for ref, blob in self._connection().execute(
                    f"SELECT ref, record FROM records WHERE ref IN ({marks})", chunk):
                found[ref] = pickle.loads(blob)
        return found

    def scores(self) -> dict[Key, float]:
        query = "SELECT left_ref, right_ref, score FROM scores"
        return {(a, b): s for a, b, s in self._connection().execute(query)}

    def explained(self, keys: Iterable[Key]) -> dict[Key, Score]:
        found = {}
        for chunk, _ in chunks(sorted(set(keys)), CHUNK // 2):  # two parameters a key
            pairs = " OR ".join(["(left_ref = ? AND right_ref = ?)"] * len(chunk))
            query = f"SELECT left_ref, right_ref, score, explained FROM scores WHERE {pairs}"
            for left, right, score, blob in self._connection().execute(
                    query, [ref for key in chunk for ref in key]):
                features, complete = pickle.loads(blob)
                found[(left, right)] = Score(left, right, score, features, complete)
        return found

    def update(self, kept: Kept, records: Iterable[Record], scores: Iterable[Score]) -> None:
        """Bring the open file up to a run: the records of the listings that changed, their
        scores instead of the old ones, the index and the answers; one transaction."""
        conn = self._connection()
        try:
            changed = [(r.ref, dump(r)) for r in records]
            for chunk, marks in chunks([ref for ref, _ in changed]):
                conn.execute(f"DELETE FROM scores WHERE left_ref IN ({marks})", chunk)
                conn.execute(f"DELETE FROM scores WHERE right_ref IN ({marks})", chunk)
            conn.executemany("INSERT OR REPLACE INTO records VALUES (?, ?)", changed)
            conn.executemany("INSERT OR REPLACE INTO scores VALUES (?, ?, ?, ?)",
                             map(score_row, scores))
            write_meta(conn, self.signature, kept, full=False)
            conn.execute("COMMIT")
        except (OSError, sqlite3.Error) as exc:  # what was kept stays as it was
            not_kept(self.path, exc)
        finally:
            self.close()

    def replace(self, kept: Kept, records: Iterable[Record], scores: Iterable[Score]) -> None:
        """Keep a full run: a new file, put in place whole."""
        self.close()
        partial = self.path.with_suffix(f".{os.getpid()}.part")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial.unlink(missing_ok=True)
            conn = sqlite3.connect(partial, isolation_level=None)
            try:
                conn.executescript(SCHEMA)
                conn.execute("BEGIN")
                conn.executemany("INSERT INTO records VALUES (?, ?)",
                                 ((r.ref, dump(r)) for r in records))
                conn.executemany("INSERT INTO scores VALUES (?, ?, ?, ?)", map(score_row, scores))
                write_meta(conn, self.signature, kept, full=True)
                conn.execute("COMMIT")
            finally:
                conn.close()
            partial.replace(self.path)
        except (OSError, sqlite3.Error) as exc:  # a full folder, a read-only one
            not_kept(self.path, exc)
        finally:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                self._conn.close()
            self._conn = None
