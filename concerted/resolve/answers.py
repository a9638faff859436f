"""What one resolve run hands the next, besides records and scores: `Kept`.

Pure. The blocking index (`reblock.KeyIndex`) and the chaining checks already answered
(`Answers`): whether two clusters may merge depends only on their listings' records, so
an answer about listings that have not changed since still holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from concerted.resolve.reblock import KeyIndex

__all__ = ["Answers", "Kept"]

Key = tuple[str, str]


@dataclass
class Answers:
    """Chaining checks answered in earlier runs (`conflicts`: two clusters' listings;
    `held`: two entries of one list), for the listings that have not changed since. A run
    keeps for the next only the answers it asked for."""

    conflicts: dict[tuple[frozenset[str], frozenset[str]], str | None] = field(
        default_factory=dict)
    held: dict[Key, str | None] = field(default_factory=dict)

    def forget(self, refs: set[str]) -> None:
        """Let go of every answer about these listings (they changed)."""
        if refs:
            self.conflicts = {k: v for k, v in self.conflicts.items()
                              if refs.isdisjoint(k[0]) and refs.isdisjoint(k[1])}
            self.held = {k: v for k, v in self.held.items()
                         if k[0] not in refs and k[1] not in refs}


@dataclass
class Kept:
    """What the previous run left: its index and the chaining answers."""

    index: KeyIndex
    answers: Answers
