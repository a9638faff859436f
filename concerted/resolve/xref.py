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
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from concerted import clock
from concerted.model import Listing, ListingRef
from concerted.resolve import journal
from concerted.resolve.batch import score_candidates
from concerted.resolve.block import BlockConfig, Blocker
from concerted.resolve.consistency import cluster_conflict
from concerted.resolve.duplicates import SameList
from concerted.resolve.judgements import SYSTEM, Judgement, JudgementRecord, effective, pair_key
from concerted.resolve.linker import Linker
from concerted.resolve.queueing import pending, queue_item
from concerted.resolve.record import Record, prepare
from concerted.resolve.score import Score, Scorer, get_scorer
from concerted.store.reader import Reader

__all__ = ["ResolveConfig", "ResolveReport", "load_records", "run"]


@dataclass(frozen=True)
class ResolveConfig:
    threshold: float = 0.9
    # Below 0.75 the pairs on the real lists are mostly acronyms and partial names of bodies.
    review_threshold: float = 0.75
    scorer: str = "rules-v1"
    workers: int = field(default_factory=lambda: min(os.cpu_count() or 1, 4))
    block: BlockConfig = field(default_factory=BlockConfig)


@dataclass
class ResolveReport:
    listings: int = 0
    candidates: int = 0
    linked: int = 0  # new system positives
    retracted: int = 0
    queued: int = 0
    refused: int = 0  # above the threshold but refused by the chaining check
    held: int = 0  # two entries of one list above the threshold, left to a person
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage


def load_records(engine: Engine, current: bool | None = True) -> list[Record]:
    """The listings on the lists now (`current=None`: every listing the store has seen)."""
    return [prepare(row.listing) for row in Reader(engine).listings(current=current)]



Key = tuple[str, str]


def _system(key: Key, judgement: Judgement, score: float | None,
            now: str) -> JudgementRecord:
    return JudgementRecord.make(*key, judgement, SYSTEM, now, score)


def _links(
    strong: dict[Key, Score], refused: dict[Key, str], current: dict[Key, JudgementRecord],
    scored: dict[Key, Score], known: set[str], now: str,
) -> tuple[list[JudgementRecord], int]:
    """New system links, and retractions of system links that no longer hold."""
    new = [_system(key, Judgement.POSITIVE, round(score.score, 4), now)
           for key, score in strong.items() if key not in refused and (
               key not in current or current[key].judgement is not Judgement.POSITIVE)]
    retracted = 0
    for key, was in current.items():
        gone = key not in strong or key in refused
        if was.is_system and gone and key[0] in known and key[1] in known:
            kept = scored.get(key)
            at = round(kept.score, 4) if kept else None
            new.append(_system(key, Judgement.NO_JUDGEMENT, at, now))
            retracted += 1
    return new, retracted


def _decide(engine: Engine, listings: dict[str, Listing], records: list[Record],
            scores: Iterable[Score], scorer: Scorer, config: ResolveConfig,
            report: ResolveReport) -> None:
    now, history = clock.precise_stamp(), journal.load(engine)
    current = effective(history)
    human = {r.key for r in history if not r.is_system}
    by_ref = {r.ref: r for r in records}
    scored = {pair_key(s.left, s.right): s for s in scores}
    strong = {k: s for k, s in scored.items() if s.score >= config.threshold and k not in human}
    same_list = SameList(listings, scorer, config.threshold)
    held = {k: why for k in strong if by_ref[k[0]].source == by_ref[k[1]].source
            and (why := same_list(by_ref[k[0]], by_ref[k[1]]))}
    strong = {k: s for k, s in strong.items() if k not in held}
    proposed = {k: r for k, r in current.items() if not r.is_system}
    proposed |= {k: _system(k, Judgement.POSITIVE, s.score, now) for k, s in strong.items()}
    linker = Linker(by_ref, proposed, cluster_conflict(by_ref, same_list))
    refused = {r.record.key: r.reason for r in linker.refused if r.record.is_system}
    new, report.retracted = _links(strong, refused, current, scored, set(by_ref), now)
    band = [queue_item(s, "band", now) for k, s in scored.items()
            if k not in human and s.score < config.threshold
            and by_ref[k[0]].source != by_ref[k[1]].source]
    chain = [queue_item(scored[k], "chain", now, refused[k]) for k in sorted(refused)]
    same = [queue_item(scored[k], "same_list", now, held[k]) for k in sorted(held)]
    queue = pending(band + chain + same, linker, by_ref)
    journal.append(engine, new)
    journal.replace_queue(engine, queue)
    report.linked, report.refused = len(new) - report.retracted, len(refused)
    report.held, report.queued = len(held), len(queue)


def run(engine: Engine, config: ResolveConfig | None = None,
        progress: Callable[[str, int, int], None] | None = None) -> ResolveReport:
    """Resolve the current listings; `progress(stage, done, total)` is told how it goes."""
    config = config or ResolveConfig()
    started = clock = time.perf_counter()
    report = ResolveReport()

    def lap(stage: str) -> None:
        nonlocal clock
        report.stages[stage] = round(time.perf_counter() - clock, 2)
        clock = time.perf_counter()

    listings = {str(ListingRef.of(row.listing)): row.listing
                for row in Reader(engine).listings(current=None)}
    records = [prepare(listing) for listing in listings.values()]
    report.listings = len(records)
    lap("read and prepare")
    blocker = Blocker(records, config.block)
    candidates = list(blocker.candidates())
    report.candidates = len(candidates)
    lap("block")
    scorer = get_scorer(config.scorer, blocker.idf)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress("scoring", done, len(candidates))

    scores = score_candidates(records, candidates, scorer, config.review_threshold,
                              config.workers, advance)
    lap("score")
    _decide(engine, listings, records, scores, scorer, config, report)
    lap("decide and write")
    report.seconds = time.perf_counter() - started
    return report
