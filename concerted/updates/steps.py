"""The watch's optional steps, each an adapter over another part's public function:
cross-list resolution (`concerted.resolve.xref.run`) and the analyses'
alerts (new coordinated rounds, gaps opened and closed)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from concerted import clock
from concerted.alerts.analysis_events import analysis_alerts
from concerted.resolve import xref

__all__ = ["analyse", "resolve"]


def resolve(engine: Engine, kept: Path | None = None) -> str:
    """Run cross-list resolution (incremental when `kept` holds an earlier run's work); a
    note saying what happened."""
    report = xref.run(engine, kept=kept)
    return (f"resolve: {report.listings} listings ({report.mode}: {report.changed} prepared "
            f"and scored again), {report.linked} new links, "
            f"{report.retracted} retracted, {report.queued} queued for review "
            f"({report.seconds:.1f} s)")


def analyse(engine: Engine, notes: list[str]) -> int:
    """Raise the alerts of new rounds and of gaps opened or closed; how many are new."""
    new, note = analysis_alerts(engine, clock.stamp())
    notes.append(note)
    return new
