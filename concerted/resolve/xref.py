"""`concerted resolve`: block, score, record the system's links and fill the review queue.

Orchestrator. Reads the current listings, proposes candidate pairs (block), scores them
(score, on every core), then:
- a pair at or above `threshold` becomes a `system` positive judgement, unless a person has
  judged it (people always win) or the chaining check refuses it (then it is queued);
- a pair between `review_threshold` and `threshold` goes to the review queue;
- a system link that no longer reaches the threshold is retracted (a new record).
Nothing is deleted: the judgements are the record; the queue is rebuilt on every run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine

from concerted.resolve import journal
from concerted.resolve.batch import score_candidates
from concerted.resolve.block import BlockConfig, Blocker
from concerted.resolve.consistency import cluster_conflict
from concerted.resolve.judgements import SYSTEM, Judgement, JudgementRecord, effective, pair_key
from concerted.resolve.linker import Linker
from concerted.resolve.record import Record, prepare
from concerted.resolve.score import Score, get_scorer
from concerted.store.reader import Reader

__all__ = ["ResolveConfig", "ResolveReport", "load_records", "run"]


@dataclass(frozen=True)
class ResolveConfig:
    threshold: float = 0.9
    review_threshold: float = 0.6
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
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage


def load_records(engine: Engine) -> list[Record]:
    return [prepare(row.listing) for row in Reader(engine).listings(current=True)]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _queue_item(score: Score, reason: str, now: str, why: str = "") -> journal.QueueItem:
    a, b = pair_key(score.left, score.right)
    features = score.features_dict()
    if why:
        features.append({"name": "chain", "weight": 0.0,
                         "explanation": f"Not linked by the chaining check: {why}"})
    return journal.QueueItem(a, b, round(score.score, 4), features, reason, now)


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


def _decide(engine: Engine, records: list[Record], scores: Iterable[Score],
            config: ResolveConfig, report: ResolveReport) -> None:
    now, history = _now(), journal.load(engine)
    current = effective(history)
    human = {r.key for r in history if not r.is_system}
    scored = {pair_key(s.left, s.right): s for s in scores}
    strong = {k: s for k, s in scored.items() if s.score >= config.threshold and k not in human}
    proposed = {k: r for k, r in current.items() if not r.is_system}
    proposed |= {k: _system(k, Judgement.POSITIVE, s.score, now) for k, s in strong.items()}
    by_ref = {r.ref: r for r in records}
    linker = Linker(by_ref, proposed, cluster_conflict(by_ref))
    refused = {r.record.key: r.reason for r in linker.refused if r.record.is_system}
    new, report.retracted = _links(strong, refused, current, scored, set(by_ref), now)
    band = [_queue_item(s, "band", now) for k, s in scored.items()
            if k not in human and s.score < config.threshold]
    chain = [_queue_item(scored[k], "chain", now, refused[k]) for k in sorted(refused)]
    journal.append(engine, new)
    journal.replace_queue(engine, band + chain)
    report.linked, report.refused = len(new) - report.retracted, len(refused)
    report.queued = len(band) + len(chain)


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

    records = load_records(engine)
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
    _decide(engine, records, scores, config, report)
    lap("decide and write")
    report.seconds = time.perf_counter() - started
    return report
