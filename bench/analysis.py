"""Analysis benchmark: every analysis over the shared list history, with time and peak memory.

Loads the analyses' inputs from a store (`--db`, or CONCERTED_DB; without either, the shared
lists are ingested into a temporary SQLite store first) and forms the canonical targets as
the CLI does (both timed, apart from the analyses), then times each step: designations,
coverage, rounds, lags, gaps, statistics, and the HTML and XLSX reports. Peak memory is the
tracemalloc peak of the analyses (Python allocations, measured in a second run) and the
process's ru_maxrss. Target: all analyses, reports excluded, under 5 s.

    .venv/bin/python bench/analysis.py [--db sqlite:////tmp/analysis.db] [--lists DIR]
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LISTS = ROOT.parent / "shared" / "data" / "lists"
TARGET_SECONDS = 5.0


def _store(lists: Path) -> str:
    from concerted.archive import Archive
    from concerted.ingest import IngestOptions, collect, ingest
    from concerted.store.db import connect

    folder = Path(tempfile.mkdtemp(prefix="concerted-bench-analysis-"))
    url = f"sqlite:///{folder / 'concerted.db'}"
    annex = lists.parent / "eu-journal"  # the EU human-rights annex beside the lists
    sets = collect([lists, *([annex] if annex.is_dir() else [])])
    ingest(connect(url), Archive(folder / "archive"), sets, IngestOptions())
    return url


def _timed(label: str, step: Callable[[], Any], results: dict[str, float]) -> Any:
    start = time.perf_counter()
    value = step()
    results[label] = time.perf_counter() - start
    return value


STEPS = ("designations", "coverage", "rounds", "lags", "gaps", "statistics")


def _peak(inputs: Any) -> int:
    """The analyses' peak Python allocations, in a second run (tracemalloc slows the first)."""
    from concerted.analysis.suite import Analysis

    tracemalloc.start()
    analysis = Analysis(inputs)
    for name in STEPS:
        getattr(analysis, name)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("CONCERTED_DB"))
    parser.add_argument("--lists", type=Path, default=DEFAULT_LISTS)
    args = parser.parse_args()

    from concerted.analysis.suite import Analysis
    from concerted.reports.html import render_html
    from concerted.reports.load import load_inputs
    from concerted.reports.xlsx import write_xlsx
    from concerted.store.db import connect

    url = args.db or _store(args.lists)
    times: dict[str, float] = {}
    engine = connect(url)
    inputs = _timed("load inputs and targets", lambda: load_inputs(engine), times)
    gc.freeze()  # as the CLI does: the inputs live as long as the process
    analysis = Analysis(inputs)
    for name in STEPS:
        _timed(name, lambda name=name: getattr(analysis, name), times)  # type: ignore[misc]
    analysis_peak = _peak(inputs)
    _timed("report: HTML", lambda: render_html(analysis), times)
    with tempfile.TemporaryDirectory() as folder:
        _timed("report: XLSX", lambda: write_xlsx(analysis, Path(folder) / "r.xlsx"), times)

    analyses = sum(times[name] for name in STEPS)
    print(f"store: {url}")
    print(f"targets {len(inputs.targets)}, designations {len(analysis.designations)}, "
          f"rounds {len(analysis.rounds)}, lags {len(analysis.lags)}, gaps {len(analysis.gaps)}")
    for label, seconds in times.items():
        print(f"  {label:<28} {seconds:7.3f} s")
    verdict = "within" if analyses < TARGET_SECONDS else "OVER"
    print(f"all analyses: {analyses:.3f} s ({verdict} the {TARGET_SECONDS:.0f} s target)")
    print(f"peak memory: analyses {analysis_peak / 2**20:.1f} MiB (tracemalloc); process "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB (ru_maxrss)")


if __name__ == "__main__":
    main()
