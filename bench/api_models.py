"""What typed response models cost the largest API answers, on a store (`--db`, e.g. a copy
of a resolved shared store): per page of 50 and 500, CPU ms for the view, for serializing
its answer untyped (what `concerted.api.models.unvalidated` sends), and for validating it
against the route's model and serializing that (what FastAPI does for a `response_model`);
then the whole request through the app, warm (median of `--runs`).

    .venv/bin/python bench/api_models.py --db sqlite:////tmp/copy/concerted.db
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _cpu_ms(work: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from fastapi.testclient import TestClient
    from pydantic import TypeAdapter

    from concerted.analysis.filters import Filter
    from concerted.api.analysis_models import CoveragePage, GapsPage, LagsPage, RoundsPage
    from concerted.api.models import SearchResponse
    from concerted.api.target_models import ListingsPage
    from concerted.app import create_app
    from concerted.app_options import AppOptions
    from concerted.settings import Settings
    from concerted.views.common import Page
    from concerted.views.coverage import coverage_view
    from concerted.views.gaps import GapFilter, gaps_view
    from concerted.views.lags import lags_view
    from concerted.views.listings import listings_view
    from concerted.views.rounds import RoundFilter, rounds_view
    from concerted.views.search import SearchFilter, search

    app = create_app(Settings(db_url=args.db, data_dir=Path(tempfile.mkdtemp())),
                     AppOptions(warm_state=False))
    app.state.cache.refresh()
    state = app.state.cache.current()
    untyped = TypeAdapter(Any)
    cases: list[tuple[str, Any, Callable[[Page], Any]]] = [
        ("gaps", GapsPage, lambda p: gaps_view(state, GapFilter(), p)),
        ("coverage", CoveragePage, lambda p: coverage_view(state, Filter(), 1, p)),
        ("lags", LagsPage, lambda p: lags_view(state, None, None, None, p)),
        ("listings", ListingsPage, lambda p: listings_view(state, None, None, True, p)),
        ("rounds", RoundsPage, lambda p: rounds_view(state, RoundFilter(all_themes=True), p)),
        ("search", SearchResponse, lambda p: search(state, "", SearchFilter(), p))]
    print(f"{'answer':16s} {'view':>7s} {'untyped':>8s} {'typed':>8s} {'request':>8s}  (ms)")
    with TestClient(app) as client:
        for name, model, view in cases:
            typed = TypeAdapter(model)
            for limit in (50, 500):
                data = view(Page(limit, 0))
                url = f"/api/v1/{name}?limit={limit}" + ("&all_themes=true" * (name == "rounds"))
                client.get(url)
                wall = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    client.get(url)
                    wall.append(time.perf_counter() - start)
                print(f"{name + ' ' + str(limit):16s} "
                      f"{_cpu_ms(lambda: view(Page(limit, 0)), args.runs):7.1f} "  # noqa: B023
                      f"{_cpu_ms(lambda: untyped.dump_json(data), args.runs):8.1f} "  # noqa: B023
                      f"{_cpu_ms(lambda: typed.dump_json(typed.validate_python(data)), args.runs):8.1f} "  # noqa: B023,E501
                      f"{statistics.median(wall) * 1000:8.1f}")


if __name__ == "__main__":
    main()
