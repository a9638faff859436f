"""Resolution benchmark: `concerted resolve` over the newest snapshot of every shared list.

Prints the listings, candidate pairs and pairs/s, the time of each stage and in total, the
peak memory (the resolve runs in a child process, so ru_maxrss is its own, its scoring
workers' included), and precision/recall/F1 on the labelled pairs (tune and holdout).

With `--nomenklatura`, the same labelled pairs, and a sample of the same candidate pairs for
speed, are also scored by OpenSanctions' nomenklatura (`logic-v2`), installed with pip into
a temporary folder for this run only; it is not a dependency of the project.

    .venv/bin/python bench/resolve.py [--lists ../shared/data/lists] [--workers 2]
                                      [--nomenklatura [--nk-version 4.17.4]]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LISTS = ROOT.parent / "shared" / "data" / "lists"
NEWEST = ["gb/2025-04-14", "au/2024-11-11", "ca/2020-04-15", "un/2024-11-30", "us/2024-05-03"]


def phase_ingest(url: str, lists: str, data: str) -> dict[str, object]:
    from concerted.archive import Archive
    from concerted.ingest import IngestOptions, collect, ingest
    from concerted.store.db import connect

    sets = collect([Path(lists) / folder for folder in NEWEST])
    results = ingest(connect(url), Archive(Path(data)), sets, IngestOptions())
    return {"snapshots": len(results)}


def phase_resolve(url: str, workers: str) -> dict[str, object]:
    from concerted.resolve.xref import ResolveConfig, run
    from concerted.store.db import connect

    report = run(connect(url), ResolveConfig(workers=int(workers)))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"listings": report.listings, "candidates": report.candidates,
            "linked": report.linked, "queued": report.queued, "refused": report.refused,
            "seconds": round(report.seconds, 2), "stages": report.stages,
            "pairs_per_second": round(report.candidates / report.stages["score"]),
            "peak_mb": round(own / 1024), "peak_worker_mb": round(kids / 1024)}


def phase_evaluate(url: str) -> dict[str, object]:
    from concerted.reports.load import load_inputs
    from concerted.resolve.evaluate import evaluate, evaluate_targets, read_pairs
    from concerted.resolve.xref import load_records
    from concerted.store.db import connect

    engine, pairs = connect(url), read_pairs()
    target = {f"{source}:{key}": t.id
              for t in load_inputs(engine).targets for source, key in t.listings}
    measured = {"pairwise (scorer at 0.9)": evaluate(load_records(engine), pairs),
                "targets (after resolve and the linker)": evaluate_targets(pairs, target.get)}
    return {mode: {name: {"precision": round(m.precision, 4), "recall": round(m.recall, 4),
                          "f1": round(m.f1, 4), "tp": m.tp, "fp": m.fp, "fn": m.fn, "tn": m.tn}
                   for name, m in metrics.items()} for mode, metrics in measured.items()}


# nomenklatura and what it needs beyond this project's own dependencies, installed with
# --no-deps so that the project's pinned followthemoney and rigour stay as they are.
NK_EXTRAS = ["shortuuid", "duckdb", "numpy", "scipy", "scikit-learn", "joblib",
             "threadpoolctl", "cloudpickle", "fingerprints"]


def phase_nomenklatura(url: str, version: str) -> dict[str, object]:
    target = tempfile.mkdtemp(prefix="nomenklatura-")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", target, f"nomenklatura=={version}", *NK_EXTRAS], check=True)
    sys.path.insert(0, target)
    from bench.nomenklatura_compare import compare

    return compare(url)


PHASES = {"ingest": phase_ingest, "resolve": phase_resolve, "evaluate": phase_evaluate,
          "nomenklatura": phase_nomenklatura}


def child(phase: str, *args: str) -> dict[str, object]:
    """Run one phase in a fresh interpreter; its output is one JSON line."""
    done = subprocess.run([sys.executable, __file__, "--phase", phase, *args], check=True,
                          capture_output=True, text=True, cwd=ROOT)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lists", type=Path, default=DEFAULT_LISTS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--nomenklatura", action="store_true")
    parser.add_argument("--nk-version", default="4.17.4")
    parser.add_argument("--phase", choices=sorted(PHASES))
    parser.add_argument("args", nargs="*")
    options = parser.parse_args()
    if options.phase:
        print(json.dumps(PHASES[options.phase](*options.args)))  # type: ignore[operator]
        return
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        child("ingest", url, str(options.lists), f"{tmp}/data")
        resolved = child("resolve", url, str(options.workers))
        print(json.dumps({"resolve": resolved}, indent=2))
        print(json.dumps({"labelled pairs (rules-v1)": child("evaluate", url)}, indent=2))
        if options.nomenklatura:
            print(json.dumps({"nomenklatura": child("nomenklatura", url, options.nk_version)},
                             indent=2))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
