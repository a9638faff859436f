"""`concerted watch`: the pipeline on a schedule, as a plain long-running process.

Each pass is recorded in `watch_runs` (start, end, outcome, what happened per source).
SIGINT and SIGTERM end it cleanly: a pass under way finishes its current step's writes
(each is one transaction), no new pass starts, and the process exits 0. See docs/watch.md
for a systemd unit and a cron line.
"""

from __future__ import annotations

import json
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from sqlalchemy import Engine, insert, update

from concerted import clock
from concerted.store.tables import watch_runs
from concerted.updates.cycle import Cycle, CycleReport, run_cycle

__all__ = ["parse_interval", "watch", "watch_once"]

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """`90s`, `15m`, `6h`, `1d` (or plain seconds) -> seconds."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not found or float(found.group(1)) <= 0:
        raise ValueError(f"not an interval: {text!r} (use e.g. 30m, 6h, 1d)")
    return float(found.group(1)) * _UNITS[found.group(2) or "s"]


def watch_once(cycle: Cycle) -> CycleReport:
    """One recorded pass. Whatever breaks is reported, never raised: the watch goes on."""
    run_id = _start(cycle.engine)
    try:
        report = run_cycle(cycle)
    except Exception as exc:  # a long-running process outlives one bad pass
        report = CycleReport(failed_steps=["cycle"],
                             notes=[f"the pass failed: {type(exc).__name__}: {exc}"])
    _finish(cycle.engine, run_id, report)
    return report


def watch(cycle: Cycle, every: float, on_report: Callable[[CycleReport], None],
          stop: threading.Event | None = None) -> int:
    """Pass after pass until SIGINT/SIGTERM (or `stop` is set); how many passes ran."""
    stop = stop or threading.Event()
    passes = 0
    with _stopping_on_signals(stop):
        while not stop.is_set():
            on_report(watch_once(cycle))
            passes += 1
            stop.wait(every)
    return passes


@contextmanager
def _stopping_on_signals(stop: threading.Event) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return

    def handler(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _start(engine: Engine) -> int:
    with engine.begin() as conn:
        row = conn.execute(insert(watch_runs).values(started=clock.stamp(), outcome="running",
                                                     detail="{}"))
        key = row.inserted_primary_key
        assert key is not None
        return int(key[0])


def _finish(engine: Engine, run_id: int, report: CycleReport) -> None:
    with engine.begin() as conn:
        conn.execute(update(watch_runs).where(watch_runs.c.id == run_id).values(
            finished=clock.stamp(), outcome=report.outcome,
            detail=json.dumps(report.to_dict(), ensure_ascii=False, default=str)))
