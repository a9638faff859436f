"""Gaps: targets that partners could designate under a program of their own and have not.

Pure. A target enters when a jurisdiction currently designates it under a program whose theme
is thematic (human rights, corruption, cyber); its conduct is the theme(s) those designations
state (where only ambiguous programs designate it, e.g. the US Global Magnitsky program, which
covers human rights AND corruption, every theme it may be). A partner — a jurisdiction whose
list we hold — is missing when it has designated the target under NO program (a delisting
counts as having acted) and, for every theme the conduct may be, has an eligible program
(`concerted.programs.eligibility`). A partner whose newest list predates the latest designation
of the target, or is older than `stale_days` before the newest list we hold, is marked possibly
stale: it may have acted since. Where the lists held of a partner cover some of its regimes
only (the EU's human-rights annex), it is missing only where a held regime could act, and
says so; where only a regime whose list is not held could act, or no list of it is held at
all, whether it acted is not known, and the gap names it (`not_known`) instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from concerted.analysis.designations import THEMATIC, Designation
from concerted.analysis.gap_score import GapWeights, score_gap
from concerted.analysis.gap_types import EligibleProgram, Gap, Missing, NotKnown
from concerted.analysis.holdings import Holding, stale_reason

__all__ = ["EligibilityFn", "Gap", "GapConfig", "Missing", "Partner", "find_gaps", "gap_order",
           "staleness"]

EligibilityFn = Callable[[str, str, Sequence[str]], Sequence[EligibleProgram]]
"""(conduct theme, partner jurisdiction, target countries) -> the partner's eligible programs."""


@dataclass(frozen=True)
class Partner:
    jurisdiction: str
    data_as_of: str | None  # the newest snapshot of its lists
    holding: Holding | None = None  # what is held of its lists (None: all of them)


@dataclass(frozen=True)
class GapConfig:
    themes: tuple[str, ...] = THEMATIC
    stale_days: int = 365
    as_of: date | None = None  # the newest list held; recency and staleness are measured to it
    weights: GapWeights = field(default_factory=GapWeights)


def find_gaps(designations: Iterable[Designation], partners: Sequence[Partner],
              eligible: EligibilityFn, config: GapConfig | None = None) -> list[Gap]:
    """Every gap, highest score first."""
    config = config or GapConfig()
    by_target: dict[str, list[Designation]] = {}
    for designation in designations:
        by_target.setdefault(designation.target_id, []).append(designation)
    gaps = (_gap(items, partners, eligible, config) for items in by_target.values())
    return sorted((g for g in gaps if g is not None), key=gap_order)


def gap_order(gap: Gap) -> tuple[float, str, str]:
    """Highest score first, then by name (and id, so that the order is one however the
    gaps were gathered)."""
    return (-gap.score, gap.name, gap.target_id)


def conduct_of(designations: Sequence[Designation], themes: Sequence[str]
               ) -> tuple[tuple[str, ...], bool]:
    """The themes the target's conduct is stated as, and whether a list stated it plainly."""
    current = [d for d in designations if d.delisted_on is None]
    definite = {d.themes[0] for d in current if len(d.themes) == 1 and d.themes[0] in themes}
    if definite:
        return tuple(sorted(definite)), True
    possible = {t for d in current if any(x in themes for x in d.themes) for t in d.themes}
    return tuple(sorted(t for t in possible if t in THEMATIC)), False


def _gap(items: list[Designation], partners: Sequence[Partner], eligible: EligibilityFn,
         config: GapConfig) -> Gap | None:
    conduct, certain = conduct_of(items, config.themes)
    if not conduct:
        return None
    acted = {d.jurisdiction for d in items}
    latest = max(d.listed_on.latest or date.min for d in items)
    judged = [_judge(p, conduct, items[0].countries, eligible, latest, config)
              for p in partners if p.jurisdiction not in acted]
    missing = tuple(m for m in judged if isinstance(m, Missing))
    if not missing:
        return None
    head = items[0]
    designated_by = tuple(sorted({d.jurisdiction for d in items if d.delisted_on is None}))
    score, explanation = score_gap(items, conduct, missing, config.as_of, config.weights)
    return Gap(head.target_id, head.name, head.countries, designated_by, tuple(items), conduct,
               certain, missing, score, explanation,
               tuple(n for n in judged if isinstance(n, NotKnown)))


def _judge(partner: Partner, conduct: Sequence[str], countries: Sequence[str],
           eligible: EligibilityFn, latest: date, config: GapConfig
           ) -> Missing | NotKnown | None:
    per_theme: dict[str, Sequence[EligibleProgram]] = {
        theme: eligible(theme, partner.jurisdiction, countries) for theme in conduct}
    if not all(per_theme.values()):
        return None  # no program of its own covers the conduct: no gap, nothing unknown
    holding = partner.holding
    if holding is not None and not holding.held:
        return NotKnown(partner.jurisdiction, holding.note or "no list held")
    if holding is not None and holding.programs is not None:
        held: dict[str, Sequence[EligibleProgram]] = {
            t: [p for p in found if holding.covers(p.id)] for t, found in per_theme.items()}
        if not all(held.values()):
            unheld = sorted({p.id for found in per_theme.values() for p in found}
                            - {p.id for found in held.values() for p in found})
            return NotKnown(partner.jurisdiction,
                            f"{holding.note}; could act under {', '.join(unheld)}, not held")
        per_theme = held
    programs = {p.id: p for found in per_theme.values() for p in found}
    stale = staleness(partner, latest, config)
    return Missing(partner.jurisdiction, tuple(sorted(programs)),
                   tuple(f"{p.id} ({theme}): {p.reason}" for theme, found in per_theme.items()
                         for p in found), partner.data_as_of, stale is not None, stale,
                   holding.note if holding is not None else None)


def staleness(partner: Partner, latest: date, config: GapConfig) -> str | None:
    """Why the partner's silence may be out of date (None: its list is recent enough)."""
    if partner.data_as_of is None:
        return "no list of this jurisdiction is held"
    newest = date.fromisoformat(partner.data_as_of)
    if newest < latest:
        return (f"its newest list ({newest}) predates the latest designation of the target "
                f"({latest}); it may have acted since")
    old = stale_reason(partner.data_as_of, config.as_of, config.stale_days)
    return f"its {old}" if old else None
