"""The watch's optional steps, each an adapter over another part's public function:
cross-list resolution (`concerted.resolve.xref`, where present) and the analyses' alerts
(new coordinated rounds, gaps opened and closed)."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable

from sqlalchemy import Engine

from concerted.alerts.analysis_events import analysis_alerts
from concerted.updates import clock

__all__ = ["analyse", "resolve"]

_XREF_ENTRY_POINTS = ("run_xref", "xref", "run")


def resolve(engine: Engine) -> str:
    """Run the resolve helper's orchestrator if it exists; a note saying what happened."""
    try:
        module = importlib.import_module("concerted.resolve.xref")
    except ImportError:
        return "resolve: skipped (concerted.resolve.xref is not present yet)"
    for name in _XREF_ENTRY_POINTS:
        entry = getattr(module, name, None)
        if callable(entry) and _takes_one_argument(entry):
            result = entry(engine)
            return f"resolve: concerted.resolve.xref.{name} ran ({result!r:.80})"
    return "resolve: skipped (concerted.resolve.xref has no run_xref/xref/run(engine))"


def analyse(engine: Engine, notes: list[str]) -> int:
    """Raise the alerts of new rounds and of gaps opened or closed; how many are new."""
    new, note = analysis_alerts(engine, clock.stamp())
    notes.append(note)
    return new


def _takes_one_argument(entry: Callable[..., object]) -> bool:
    required = [p for p in inspect.signature(entry).parameters.values()
                if p.default is inspect.Parameter.empty
                and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(required) == 1
