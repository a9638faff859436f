"""Canonical targets for the surfaces: from the resolve package's judgements where it offers
them, else one target per listing (so every page works before any resolution is done).

A thin adapter: the linker over judgements belongs to `concerted.resolve`; this module only
asks it, and says which way the targets were formed.
"""

from __future__ import annotations

from sqlalchemy import Engine

from concerted.analysis.inputs import Inputs, Target, targets_from_records

__all__ = ["resolved_targets"]


def resolved_targets(engine: Engine, inputs: Inputs) -> tuple[tuple[Target, ...], str]:
    del engine  # read by the resolve package's linker once it lands
    return targets_from_records(inputs.records), "one target per listing"
