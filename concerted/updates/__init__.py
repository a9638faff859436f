"""Keeping the store current: download each official list (`concerted fetch`), ingest it,
raise and deliver alerts, on a schedule (`concerted watch`), and report each source's health.

`runs` records every attempt, `update` fetches and ingests one source, `cycle` is one pass
of the whole pipeline, `watch` repeats it, `health` says how fresh each source is.
"""

from concerted.updates.cycle import Cycle, CycleReport, run_cycle
from concerted.updates.health import source_health
from concerted.updates.settings import FetchSettings
from concerted.updates.update import FetchOutcome, update_source

__all__ = ["Cycle", "CycleReport", "FetchOutcome", "FetchSettings", "run_cycle",
           "source_health", "update_source"]
