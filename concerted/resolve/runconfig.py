"""What a resolve run is asked to do (`ResolveConfig`) and what it did (`ResolveReport`).

Pure. `config_signature` is what of a configuration the kept work of a run depends on: a
run under another finds nothing kept (`resolve.kept`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from concerted.resolve.block import BlockConfig

__all__ = ["MAX_CHANGED", "ResolveConfig", "ResolveReport", "config_signature"]

# Above this many changed listings a run is full: the scores kept between unchanged
# listings were given under word rarities that many changes move.
MAX_CHANGED = 2000


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
    mode: str = "full"  # or "incremental": only the listings changed since the last run
    changed: int = 0  # listings prepared and scored again (all of them in a full run)
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage


def config_signature(config: ResolveConfig) -> tuple[object, ...]:
    """What of the configuration the kept scores and decisions depend on (not `workers`)."""
    return (config.threshold, config.review_threshold, config.scorer, config.block)
