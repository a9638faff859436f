"""Scoring many candidate pairs, on every core: `score_candidates`.

No I/O. Workers are forked after the records are prepared, so they share them without
copying; each returns only the scores at or above `floor` (most pairs are easy rejections,
and shipping them back would cost more than scoring them).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Mapping, Sequence

from concerted.resolve.block import Candidate
from concerted.resolve.record import Record
from concerted.resolve.score import Score, Scorer

__all__ = ["Progress", "Records", "score_candidates"]

_CHUNK = 5000
# Records by the numbers the candidates give: a list (a full run) or only those the
# candidates name (an incremental run).
Records = Sequence[Record] | Mapping[int, Record]
_shared: tuple[Records, Sequence[Candidate], Scorer, float] | None = None
Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _score_chunk(bounds: tuple[int, int]) -> list[Score]:
    assert _shared is not None
    records, candidates, scorer, floor = _shared
    found = []
    for candidate in candidates[bounds[0]:bounds[1]]:
        score = scorer.score(records[candidate.left], records[candidate.right], floor)
        if score.score >= floor:
            found.append(score)
    return found


def score_candidates(
    records: Records, candidates: Sequence[Candidate], scorer: Scorer, floor: float,
    workers: int = 1, progress: Progress | None = None,
) -> list[Score]:
    """Scores of the candidate pairs that reach `floor`, in candidate order; `progress` is
    told ("scoring", pairs done, pairs in all) after each chunk."""
    global _shared
    _shared = (records, candidates, scorer, floor)
    chunks = [(i, min(i + _CHUNK, len(candidates))) for i in range(0, len(candidates), _CHUNK)]
    try:
        if workers <= 1 or len(chunks) <= 1:
            return _collect(chunks, map(_score_chunk, chunks), progress)
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return _collect(chunks, pool.imap(_score_chunk, chunks), progress)
    finally:
        _shared = None


def _collect(chunks: list[tuple[int, int]], results: Iterable[list[Score]],
             progress: Progress | None) -> list[Score]:
    found: list[Score] = []
    total = chunks[-1][1] if chunks else 0
    for (_, end), scores in zip(chunks, results, strict=True):
        found.extend(scores)
        if progress:
            progress("scoring", end, total)
    return found

