"""How a gap is ranked, in terms an advocate can state and defend. Pure.

score = 100 × (precedent + recency + severity) × freshness, each part in [0, its weight]:
- precedent: how many jurisdictions designate the target (1 → a quarter, 4 or more → all):
  a partner is more readily asked to follow several allies than one;
- recency: 1 / (1 + years since the most recent designation): a recent action is a live ask;
- severity: the gravest theme of the conduct (human rights 1.0, corruption 0.8, cyber 0.6);
- freshness: halved when every missing partner's list is possibly stale (it may have acted).
The weights are a config value, and every gap carries the figures behind its score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from concerted.analysis.designations import Designation
from concerted.analysis.gap_types import Missing

__all__ = ["GapWeights", "score_gap"]


def _severity() -> dict[str, float]:
    return {"human_rights": 1.0, "corruption": 0.8, "cyber": 0.6}


@dataclass(frozen=True)
class GapWeights:
    precedent: float = 0.45
    recency: float = 0.30
    severity: float = 0.25
    stale_factor: float = 0.5
    theme_severity: Mapping[str, float] = field(default_factory=_severity)


def score_gap(designations: Sequence[Designation], conduct: Sequence[str],
              missing: Sequence[Missing], as_of: date | None, weights: GapWeights
              ) -> tuple[float, tuple[str, ...]]:
    current = [d for d in designations if d.delisted_on is None] or list(designations)
    acted = sorted({d.jurisdiction for d in current})
    precedent = weights.precedent * min(len(acted), 4) / 4
    latest = max(d.listed_on.latest or date.min for d in current)
    years = max(0.0, ((as_of or latest) - latest).days / 365.25)
    recency = weights.recency / (1 + years)
    gravest = max(conduct, key=lambda t: weights.theme_severity.get(t, 0.0))
    severity = weights.severity * weights.theme_severity.get(gravest, 0.0)
    stale = all(m.possibly_stale for m in missing)
    factor = weights.stale_factor if stale else 1.0
    score = round(100 * (precedent + recency + severity) * factor, 1)
    return score, (
        f"precedent {100 * precedent:.1f}: designated by {len(acted)} "
        f"({', '.join(acted)})",
        f"recency {100 * recency:.1f}: latest designation {latest.isoformat()}, "
        f"{years:.1f} years before {(as_of or latest).isoformat()}",
        f"severity {100 * severity:.1f}: {gravest}",
        "halved: every missing partner's list may be out of date" if stale
        else "at least one missing partner's list is current",
    )
