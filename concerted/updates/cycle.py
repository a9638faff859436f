"""One pass of the pipeline: fetch → ingest → (resolve → analyse) → alerts → delivery.

`concerted fetch` runs it without the analyses; `concerted watch` with them, on a schedule.
A step that fails is reported and the pass goes on: a broken webhook must not stop the next
source being fetched, nor a broken source the alerts of the others. Sources are fetched at
once (up to `FetchSettings.parallel`), so a slow one holds up nobody: each download has its
own deadline, and the ingests take turns under the store's ingest lock.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine

from concerted import clock
from concerted.alerts.delivery import deliver_pending
from concerted.alerts.service import after_ingest
from concerted.alerts.settings import AlertSettings
from concerted.archive import Archive
from concerted.sources import Source
from concerted.updates import steps
from concerted.updates.settings import FetchSettings
from concerted.updates.update import FetchOutcome, update_source

__all__ = ["Cycle", "CycleReport", "run_cycle"]


@dataclass(frozen=True)
class Cycle:
    engine: Engine
    archive: Archive
    client: httpx.Client
    sources: tuple[Source, ...]
    fetch: FetchSettings = field(default_factory=FetchSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    url: str | None = None  # for a single source: a mirror or a test server
    analyse: bool = False  # resolve, then gap and round alerts (the watch does)
    kept: Path | None = None  # where resolution keeps its work between passes
    deliver: bool = True


@dataclass
class CycleReport:
    fetches: list[FetchOutcome] = field(default_factory=list)
    alerts: int = 0
    deliveries: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed_steps: list[str] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        bad = [f for f in self.fetches if not f.ok]
        if "cycle" in self.failed_steps or (self.fetches and len(bad) == len(self.fetches)):
            return "failed"
        return "partial" if bad or self.failed_steps else "ok"

    def to_dict(self) -> dict[str, Any]:
        return {"outcome": self.outcome, "sources": [f.to_dict() for f in self.fetches],
                "alerts": self.alerts, "deliveries": self.deliveries, "notes": self.notes}


def run_cycle(cycle: Cycle) -> CycleReport:
    report = CycleReport()
    touched: dict[str, set[str]] = {}
    def fetch(source: Source) -> FetchOutcome:
        return update_source(cycle.engine, cycle.archive, cycle.client, source, cycle.url,
                             cycle.fetch)

    workers = max(1, min(cycle.fetch.parallel, len(cycle.sources)))
    with ThreadPoolExecutor(workers, thread_name_prefix="fetch") as pool:
        outcomes = list(pool.map(fetch, cycle.sources))  # in the sources' order
    for outcome in outcomes:
        report.fetches.append(outcome)
        for source_id, dates in outcome.touched.items():
            touched.setdefault(source_id, set()).update(dates)
    _step(report, "alerts", lambda: _count(report, after_ingest(cycle.engine, touched,
                                                                clock.stamp())))
    if cycle.analyse:
        _step(report, "resolve",
              lambda: report.notes.append(steps.resolve(cycle.engine, cycle.kept)))
        _step(report, "analyse", lambda: _count(report, steps.analyse(cycle.engine, report.notes)))
    if cycle.deliver:
        _step(report, "delivery", lambda: report.deliveries.extend(
            deliver_pending(cycle.engine, cycle.client, cycle.alerts, clock.now())))
    return report


def _count(report: CycleReport, new_alerts: int) -> None:
    report.alerts += new_alerts


def _step(report: CycleReport, name: str, call: Callable[[], None]) -> None:
    try:
        call()
    except Exception as exc:  # reported, and the pass goes on (see the module docstring)
        report.failed_steps.append(name)
        report.notes.append(f"{name} failed: {type(exc).__name__}: {exc}")
