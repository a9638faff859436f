"""`concerted resolve`: block, score, record the system's links and fill the review queue.

Orchestrator. Reads every listing the store has seen (a listing since removed keeps its
target, and a second entry of one person may already be gone: KADYROV's 36459), proposes
candidate pairs within and across lists (block), scores them (score, on every core), then:
- a pair at or above `threshold` becomes a `system` positive judgement, unless a person has
  judged it (people always win), the chaining check refuses it, or it is two entries of one
  list without the identity evidence `duplicates` asks for (then it is queued);
- a pair of two lists between `review_threshold` and `threshold` goes to the review queue;
- a system link that no longer reaches the threshold is retracted (a new record).
The queue holds only what a person still has to decide: no pair already in one target, none
that would make one target of two bodies of one list, and one pair (the likeliest) for each
two targets a decision would join.
Nothing is deleted: the judgements are the record; the queue is rebuilt on every run.

Given a place to keep its work (`kept`), a run keeps its index, records, scores and
chaining answers there (`resolve.kept`), and the next run is incremental: only the
listings whose version changed since are prepared, blocked and scored again (against
every listing), and the decisions are taken again over all the scores kept, with the
chaining answers about unchanged listings reused. A run is full when nothing is kept (or
was kept by another version or configuration), when a listing kept is no longer in the
store, when more than `runconfig.MAX_CHANGED` listings changed, or when asked (`full`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from concerted.model import ListingRef
from concerted.resolve.answers import Answers, Kept
from concerted.resolve.batch import Progress, score_candidates
from concerted.resolve.block import Blocker
from concerted.resolve.decide import Pairs, decide
from concerted.resolve.incremental import resolve_changed
from concerted.resolve.judgements import pair_key
from concerted.resolve.kept import KeptResolution
from concerted.resolve.reblock import KeyIndex
from concerted.resolve.record import Record, prepare
from concerted.resolve.runconfig import ResolveConfig, ResolveReport, config_signature
from concerted.resolve.score import get_scorer
from concerted.store.reader import Reader

# ResolveConfig and ResolveReport are named here too: callers ask `xref` for a run.
__all__ = ["ResolveConfig", "ResolveReport", "load_records", "run"]


def load_records(engine: Engine, current: bool | None = True) -> list[Record]:
    """The listings on the lists now (`current=None`: every listing the store has seen)."""
    return [prepare(row.listing) for row in Reader(engine).listings(current=current)]


def _full(engine: Engine, config: ResolveConfig, report: ResolveReport,
          lap: Callable[[str], None], progress: Progress | None,
          keep: KeptResolution | None) -> None:
    versioned = Reader(engine).versioned_listings()
    listings = {str(ListingRef.of(listing)): listing for _, listing in versioned}
    records = [prepare(listing) for listing in listings.values()]
    report.listings = report.changed = len(records)
    lap("read and prepare")
    blocker = Blocker(records, config.block)
    candidates = list(blocker.candidates())
    report.candidates = len(candidates)
    lap("block")
    scorer = get_scorer(config.scorer, blocker.idf)
    scores = score_candidates(records, candidates, scorer, config.review_threshold,
                              config.workers, progress)
    lap("score")
    by_key = {pair_key(s.left, s.right): s for s in scores}
    pairs = Pairs(listings, {r.ref: r for r in records},
                   {r.ref: (r.source, r.is_person) for r in records},
                   {k: s.score for k, s in by_key.items()},
                   lambda keys: {k: by_key[k] for k in keys})
    answers = decide(engine, pairs, scorer, config, report, Answers())
    lap("decide and write")
    if keep is not None:
        index = KeyIndex.of(blocker, [digest for digest, _ in versioned])
        keep.replace(Kept(index, answers), records, scores)
        lap("keep")


def run(engine: Engine, config: ResolveConfig | None = None,
        progress: Progress | None = None, kept: Path | None = None,
        full: bool = False) -> ResolveReport:
    """Resolve every listing the store has seen; `progress(stage, done, total)` is told how
    it goes. With `kept` (a file), what the run computed is kept there and the next run
    resolves only what changed since, unless `full`."""
    config = config or ResolveConfig()
    started = clock_at = time.perf_counter()
    report = ResolveReport()

    def lap(stage: str) -> None:
        nonlocal clock_at
        report.stages[stage] = round(time.perf_counter() - clock_at, 2)
        clock_at = time.perf_counter()

    keep = KeptResolution(kept, repr(config_signature(config))) if kept is not None else None
    try:
        previous = keep.open() if keep is not None and not full else None
        if keep is None or previous is None or not resolve_changed(
                engine, config, report, lap, progress, keep, previous):
            report = ResolveReport(stages={})
            _full(engine, config, report, lap, progress, keep)
    finally:
        if keep is not None:
            keep.close()
    report.seconds = time.perf_counter() - started
    return report
