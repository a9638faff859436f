"""Which listings are one target: the canonical targets the analyses run on.

The resolve package's linker over judgements is the source of truth once it lands; until
then this asks the same stand-in the web app uses (`concerted.state.resolution`: scored
cross-list links, confirmed or rejected in the review queue), so the command line and the
web pages agree. `one_per_listing` skips resolution (each listing its own target).
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import Engine

from concerted.analysis.inputs import Inputs, targets_from_records

__all__ = ["with_targets"]


def with_targets(engine: Engine, inputs: Inputs, one_per_listing: bool = False
                 ) -> tuple[Inputs, str]:
    """The inputs with their canonical targets, and how those were formed."""
    if one_per_listing:
        return dataclasses.replace(inputs, targets=targets_from_records(inputs.records)), (
            "one target per listing")
    # Imported here: the state package brings the web app's read model with it.
    from concerted.state.resolution import RESOLUTION, resolved_targets

    targets, _ = resolved_targets(engine, inputs)
    return dataclasses.replace(inputs, targets=targets), RESOLUTION
