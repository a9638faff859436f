"""Precision and recall on the hand-labelled pairs: `concerted resolve evaluate`.

The labelled pairs (`tests/resolve/labelled_pairs.tsv`) are cross-list pairs of real
listings, each decided by a person and saying how (`decided`); `split` puts each in the
`tune` part (used to set weights and thresholds) or the `holdout` part (never looked at
while tuning). A pair counts as predicted positive when the blocker proposes it *and* it
scores at or above the threshold, so candidates the blocker misses count as misses.
Pairs labelled `unsure` and pairs whose listings are not in the store are left out.

`evaluate_targets` scores what people see instead: a pair is predicted positive when its
two listings are in one target after `concerted resolve` and the linker (transitive links
count; the chaining check and people's judgements apply).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from concerted.resolve.block import BlockConfig, Blocker
from concerted.resolve.judgements import pair_key
from concerted.resolve.record import Record
from concerted.resolve.score import Scorer, get_scorer

__all__ = ["LABELLED", "LabelledPair", "Metrics", "evaluate", "evaluate_targets", "read_pairs"]

LABELLED = Path(__file__).resolve().parents[2] / "tests" / "resolve" / "labelled_pairs.tsv"


@dataclass(frozen=True)
class LabelledPair:
    left: str
    right: str
    label: str  # positive / negative / unsure
    split: str  # tune / holdout
    decided: str


@dataclass
class Metrics:
    split: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    skipped: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: bool, predicted: bool) -> None:
        key = ("t" if gold == predicted else "f") + ("p" if predicted else "n")
        setattr(self, key, getattr(self, key) + 1)


def read_pairs(path: Path = LABELLED) -> list[LabelledPair]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [LabelledPair(r["left"], r["right"], r["label"], r["split"], r["decided"])
                for r in rows]


def evaluate(
    records: Sequence[Record], pairs: Sequence[LabelledPair], threshold: float = 0.9,
    scorer: str | Callable[[Callable[[str], float]], Scorer] = "rules-v1",
    block: BlockConfig | None = None,
) -> dict[str, Metrics]:
    """Metrics per split (and `all`) for the scorer (a registry name, or a factory)."""
    blocker = Blocker(records, block)
    proposed = {pair_key(records[c.left].ref, records[c.right].ref)
                for c in blocker.candidates()}
    chosen = get_scorer(scorer, blocker.idf) if isinstance(scorer, str) else scorer(blocker.idf)
    by_ref = {r.ref: r for r in records}
    metrics = {name: Metrics(name) for name in ("tune", "holdout", "all")}
    for pair in pairs:
        if pair.label == "unsure" or pair.left not in by_ref or pair.right not in by_ref:
            metrics["all"].skipped += 1
            continue
        score = chosen.score(by_ref[pair.left], by_ref[pair.right])
        predicted = pair_key(pair.left, pair.right) in proposed and score.score >= threshold
        for name in (pair.split, "all"):
            metrics[name].add(pair.label == "positive", predicted)
    return metrics


def evaluate_targets(pairs: Sequence[LabelledPair],
                     target_of: Callable[[str], str | None]) -> dict[str, Metrics]:
    """Metrics per split (and `all`) for "the two listings are in one target"."""
    metrics = {name: Metrics(name) for name in ("tune", "holdout", "all")}
    for pair in pairs:
        left, right = target_of(pair.left), target_of(pair.right)
        if pair.label == "unsure" or left is None or right is None:
            metrics["all"].skipped += 1
            continue
        for name in (pair.split, "all"):
            metrics[name].add(pair.label == "positive", left == right)
    return metrics
