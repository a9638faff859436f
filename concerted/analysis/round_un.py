"""Rounds driven by a UN listing: the UK and Australia (and others) transposing a UN Security
Council designation within days of each other is a round by the dates, but not a choice of
theirs to act in concert. Pure."""

from __future__ import annotations

from collections.abc import Iterable

from concerted.analysis.designations import Designation
from concerted.analysis.round_types import Round

__all__ = ["driven_by_un", "un_listed"]


def un_listed(designations: Iterable[Designation]) -> frozenset[str]:
    """The targets the UN Security Council has designated."""
    return frozenset(d.target_id for d in designations if d.jurisdiction == "un")


def driven_by_un(found: Round, listed: frozenset[str]) -> bool:
    """Every target of the round is on the UN list, and no government acted in it under a
    human-rights, corruption or cyber program of its own."""
    return (all(target in listed for target, _ in found.targets)
            and not any(d.thematic for d in found.designations if d.jurisdiction != "un"))
