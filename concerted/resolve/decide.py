"""The decisions of a resolve run over every score: `decide`.

Orchestrator (it reads and writes the judgements). A pair at or above the threshold
becomes a `system` positive judgement unless a person has judged it, the chaining check
refuses it, or it is two entries of one list without the identity evidence `duplicates`
asks for; a system link that no longer reaches the threshold is retracted; the review queue
is rebuilt (`queueing.pending`). The chaining answers of an earlier run about listings that
have not changed are reused (`answers.Answers`); the answers this run gave are returned.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import Engine

from concerted import clock
from concerted.model import Listing
from concerted.resolve import journal
from concerted.resolve.answers import Answers
from concerted.resolve.consistency import cluster_conflict
from concerted.resolve.duplicates import SameList
from concerted.resolve.judgements import SYSTEM, Judgement, JudgementRecord, effective
from concerted.resolve.linker import Linker
from concerted.resolve.queueing import Waiting, pending, queue_item
from concerted.resolve.record import Record
from concerted.resolve.runconfig import ResolveConfig, ResolveReport
from concerted.resolve.score import Score, Scorer

__all__ = ["Pairs", "decide"]

Key = tuple[str, str]


@dataclass
class Pairs:
    """What the decisions are taken over: the records (read when needed), each listing's
    list and kind, the scores at or above the review threshold and their explanations."""

    listings: Mapping[str, Listing]
    records: Mapping[str, Record]
    kinds: dict[str, tuple[str, bool]]  # ref -> (its list, whether a person)
    scored: dict[Key, float]
    explain: Callable[[list[Key]], dict[Key, Score]]


def _system(key: Key, judgement: Judgement, score: float | None,
            now: str) -> JudgementRecord:
    return JudgementRecord.make(*key, judgement, SYSTEM, now, score)


def _links(
    strong: dict[Key, float], refused: dict[Key, str], current: dict[Key, JudgementRecord],
    scored: dict[Key, float], known: Mapping[str, object], now: str,
) -> tuple[list[JudgementRecord], int]:
    """New system links, and retractions of system links that no longer hold."""
    new = [_system(key, Judgement.POSITIVE, round(score, 4), now)
           for key, score in strong.items() if key not in refused and (
               key not in current or current[key].judgement is not Judgement.POSITIVE)]
    retracted = 0
    for key, was in current.items():
        gone = key not in strong or key in refused
        if was.is_system and gone and key[0] in known and key[1] in known:
            kept = scored.get(key)
            at = round(kept, 4) if kept is not None else None
            new.append(_system(key, Judgement.NO_JUDGEMENT, at, now))
            retracted += 1
    return new, retracted


def _checks(pairs: Pairs, scorer: Scorer, config: ResolveConfig, earlier: Answers,
            now: Answers) -> tuple[Callable[[Key], str | None],
                                   Callable[[frozenset[str], frozenset[str]], str | None]]:
    """The same-list check of a pair and the chaining check of two clusters, answered from
    `earlier` where it knows, each answer given noted in `now`."""
    same_list = SameList(pairs.listings, scorer, config.threshold)
    check = cluster_conflict(pairs.records, same_list)

    def held(key: Key) -> str | None:
        found = earlier.held[key] if key in earlier.held else same_list(
            pairs.records[key[0]], pairs.records[key[1]])
        now.held[key] = found
        return found

    def conflict(a: frozenset[str], b: frozenset[str]) -> str | None:
        found = earlier.conflicts[(a, b)] if (a, b) in earlier.conflicts else check(a, b)
        now.conflicts[(a, b)] = found
        return found

    return held, conflict


def decide(engine: Engine, pairs: Pairs, scorer: Scorer, config: ResolveConfig,
           report: ResolveReport, earlier: Answers) -> Answers:
    """Links, retractions and the review queue from every score; the chaining answers."""
    now, history = clock.precise_stamp(), journal.load(engine)
    current = effective(history)
    human = {r.key for r in history if not r.is_system}
    kinds, scored, answers = pairs.kinds, pairs.scored, Answers()
    held_check, conflict = _checks(pairs, scorer, config, earlier, answers)
    strong = {k: s for k, s in scored.items() if s >= config.threshold and k not in human}
    held = {k: why for k in strong if kinds[k[0]][0] == kinds[k[1]][0]
            and (why := held_check(k))}
    strong = {k: s for k, s in strong.items() if k not in held}
    proposed = {k: r for k, r in current.items() if not r.is_system}
    # Made directly, not through `make`: the keys are pair keys already (twelve thousand).
    proposed |= {k: JudgementRecord(*k, Judgement.POSITIVE, SYSTEM, now, s)
                 for k, s in strong.items()}
    linker = Linker(kinds, proposed, conflict)
    refused = {r.record.key: r.reason for r in linker.refused if r.record.is_system}
    new, report.retracted = _links(strong, refused, current, scored, kinds, now)
    waiting = [Waiting(k, round(s, 4), "band") for k, s in scored.items()
               if k not in human and s < config.threshold and kinds[k[0]][0] != kinds[k[1]][0]]
    waiting += [Waiting(k, round(scored[k], 4), "chain", refused[k]) for k in sorted(refused)]
    waiting += [Waiting(k, round(scored[k], 4), "same_list", held[k]) for k in sorted(held)]
    chosen = pending(waiting, linker, kinds)
    explained = pairs.explain([item.key for item in chosen])
    queue = [queue_item(explained[item.key], item.reason, now, item.why) for item in chosen]
    journal.append(engine, new)
    journal.replace_queue(engine, queue)
    report.linked, report.refused = len(new) - report.retracted, len(refused)
    report.held, report.queued = len(held), len(queue)
    return answers
