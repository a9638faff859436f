"""Coordinated rounds: the same targets designated by two or more jurisdictions within days.

Pure. Per target, designations by different jurisdictions whose dates can lie within
`window_days` of each other form an event; a date known only as a window joins if some day
of its window allows it, and a window wider than `max_uncertainty_days` (or without a lower
bound: "before <first snapshot>") never does, since it cannot place a designation in time.
Events whose dates overlap and that share two jurisdictions are one round, across programs (a
UK thematic regime and a US country program can act together). Every designation is in at most
one round.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from concerted.analysis.dates import Window, gap_days
from concerted.analysis.designations import THEMATIC, Designation
from concerted.analysis.round_types import Round, span

__all__ = ["Events", "Round", "RoundConfig", "find_rounds", "in_themes", "joint_events",
           "rounds_of"]


@dataclass(frozen=True)
class RoundConfig:
    window_days: int = 7
    max_uncertainty_days: int = 31


def find_rounds(designations: Iterable[Designation], config: RoundConfig | None = None
                ) -> list[Round]:
    return rounds_of(joint_events(designations, config))


Events = dict[str, list[list[Designation]]]


def joint_events(designations: Iterable[Designation], config: RoundConfig | None = None
                 ) -> Events:
    """Each target's joint events (targets without any left out), in the designations'
    order of targets: what rounds are made of."""
    config = config or RoundConfig()
    by_target: dict[str, list[Designation]] = {}
    for designation in designations:
        if _placeable(designation.listed_on, config):
            by_target.setdefault(designation.target_id, []).append(designation)
    found = {target: _events(items, config) for target, items in by_target.items()}
    return {target: events for target, events in found.items() if events}


def rounds_of(events: Events) -> list[Round]:
    """The rounds these targets' joint events make (in the order of the targets given)."""
    merged = _merge([event for found in events.values() for event in found])
    return [Round(tuple(sorted(members, key=_order))) for members in merged]


def _placeable(window: Window, config: RoundConfig) -> bool:
    width = window.width
    return width is not None and width <= config.max_uncertainty_days


def _compatible(a: Designation, b: Designation, config: RoundConfig) -> bool:
    gap = gap_days(a.listed_on, b.listed_on)
    return gap is not None and gap <= config.window_days


def _events(items: Sequence[Designation], config: RoundConfig) -> list[list[Designation]]:
    """One target's joint events: pairwise compatible designations of 2+ jurisdictions."""
    paired = [d for d in items if any(
        o.jurisdiction != d.jurisdiction and _compatible(d, o, config) for o in items)]
    clusters: list[list[Designation]] = []
    for designation in sorted(paired, key=_order):
        home = next((c for c in clusters if all(_compatible(designation, o, config) for o in c)),
                    None)
        if home is None:
            clusters.append([designation])
        else:
            home.append(designation)
    return [c for c in clusters if len({d.jurisdiction for d in c}) > 1]


def _order(designation: Designation) -> tuple[str, str, str, str]:
    window = designation.listed_on
    return (str(window.latest), str(window.earliest), designation.target_id,
            designation.jurisdiction + designation.program)


def _merge(events: list[list[Designation]]) -> list[list[Designation]]:
    """Union the events whose date spans overlap and that share two jurisdictions (the UK
    acting with the US and, the same day, with Australia on other targets, is two rounds)."""
    spans = [span(event) for event in events]
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(events)), key=lambda i: spans[i])
    for position, i in enumerate(order):
        for j in order[position + 1:]:
            if spans[j][0] > spans[i][1]:
                break
            shared = {d.jurisdiction for d in events[i]} & {d.jurisdiction for d in events[j]}
            if len(shared) > 1:
                parent[find(j)] = find(i)
    groups: dict[int, list[Designation]] = {}
    for index, event in enumerate(events):
        groups.setdefault(find(index), []).extend(event)
    return sorted(groups.values(), key=span)


def in_themes(rounds: Iterable[Round], themes: Sequence[str] = THEMATIC) -> list[Round]:
    """The rounds holding a designation under one of `themes`: by default the human-rights,
    corruption and cyber rounds that `concerted rounds`, the API, the pages and the watch's
    "new round" alerts all show (most other rounds transpose a UN listing); no themes keeps
    every round."""
    return [r for r in rounds
            if not themes or any(t in themes for d in r.designations for t in d.themes)]
