"""Analyses brought up to the judgements recorded since they were computed: `rejudge`.

When only judgements changed in the store (the snapshots, the parsers and the
review queue are as they were), the targets those judgements reach are linked again
(`concerted.resolve.targets.retarget`) and only their designations, gaps, lags and joint
events computed (`Analysis.retargeted`); the rest is carried over. A fraction of a second
where computing the analyses whole takes many. The web app's state (`concerted.state.build`)
and the command line's kept results (`concerted.reports.kept`) both go through here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import Engine

from concerted.analysis.inputs import ListingKey
from concerted.analysis.suite import Analysis
from concerted.resolve import journal
from concerted.resolve.judgements import JudgementRecord, effective
from concerted.resolve.targets import retarget
from concerted.store.fingerprint import store_fingerprint

__all__ = ["MOST_PAIRS", "Judged", "besides_judgements", "judged_now", "rejudge"]

MOST_PAIRS = 200  # beyond this many newly judged pairs (an import), compute it all again


@dataclass(frozen=True)
class Judged:
    """The judgements analyses were computed under: those in force, how far the journal was
    read (its last row id), and the store's fingerprint then."""

    in_force: Mapping[tuple[str, str], JudgementRecord]
    position: int
    fingerprint: str

    @property
    def queued(self) -> bool:
        """Whether pairs waited in the review queue."""
        return _parts(self.fingerprint).get("resolve_queue", "0") != "0"


def judged_now(engine: Engine) -> Judged:
    """The judgements in force in the store now."""
    fingerprint = store_fingerprint(engine)
    records, position = journal.since(engine, 0)
    return Judged(effective(records), position, fingerprint)


def rejudge(engine: Engine, analysis: Analysis, judged: Judged,
            target_of: Mapping[ListingKey, str] | None = None
            ) -> tuple[Analysis, Judged] | None:
    """`analysis` (computed under `judged`; `target_of`: its targets' ids by listing, when
    the caller has them) and the judgements, brought up to the store now; None when
    anything but judgements changed, or too many pairs were judged at once: then compute it
    all again. The same `analysis` when nothing changed."""
    fingerprint = store_fingerprint(engine)
    if fingerprint == judged.fingerprint:
        return analysis, judged
    if besides_judgements(fingerprint) != besides_judgements(judged.fingerprint):
        return None
    added, position = journal.since(engine, judged.position)
    pairs = {r.key for r in added}
    if (len(pairs) > MOST_PAIRS or store_fingerprint(engine) != fingerprint
            or _judgements(fingerprint) != _judgements(judged.fingerprint) + len(added)):
        return None  # many at once, or written while we read, or rows gone
    now = effective(journal.of_pairs(engine, pairs))
    in_force = {k: r for k, r in judged.in_force.items() if k not in pairs} | now
    inputs = analysis.inputs
    moved = retarget(inputs.records, inputs.targets, judged.in_force, in_force, target_of)
    after = analysis.retargeted(replace(inputs, targets=moved.targets), moved.gone, moved.made)
    return after, Judged(in_force, position, fingerprint)


def _parts(fingerprint: str) -> dict[str, str]:
    return dict(part.split(":", 1) for part in fingerprint.split("|"))


def besides_judgements(fingerprint: str) -> str:
    """The part of a store's fingerprint a judgement leaves as it was."""
    return "|".join(f"{k}:{v}" for k, v in _parts(fingerprint).items() if k != "judgements")


def _judgements(fingerprint: str) -> int:
    return int(_parts(fingerprint).get("judgements", "0"))
