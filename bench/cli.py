"""CLI start-up benchmark: wall time of `concerted --help`, of each command's `--help`, and of
each read command on a store, as a person runs them (a new process each time).

The median of `--repeat` runs is printed beside the bare interpreter's start, so that a loaded
machine shows as such. Target: `concerted --help` under 0.5 s, and every command well under a
second (the five slowest `--help` are shown, with the median of all).

    .venv/bin/python bench/cli.py [--db sqlite:///concerted.db] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from concerted.cli.commands import COMMANDS

TARGET_SECONDS = 0.5
# Read commands people run, with the arguments that make them do real work (`--format json`
# is added: the time to compute an answer, not to lay out a table).
READS = [
    ["sources"], ["listings", "--program", "gb-ghr"], ["listings", "--on", "2022-12-09"],
    ["changes", "gb_hmt_conlist", "--since", "2024-01-01"], ["programs"],
    ["programs", "show", "gb-gac"], ["programs", "compare"], ["eligible", "--conduct", "torture"],
    ["coverage"], ["coverage", "--program", "us-glomag"], ["rounds"], ["rounds", "--all-themes"],
    ["gaps"], ["gaps", "--limit", "20"], ["lags"], ["stats"], ["match", "--name", "Zhu Hailun"],
    ["match", "--name", "Ramzan Kadyrov"],
    ["alerts"], ["export", "listings", "--program", "us-glomag"],
]
# Read commands without --format (they write one format each).
PLAIN_READS = [
    ["export", "targets", "--format", "csv"], ["judgements", "export"], ["subscriptions", "list"],
]


def _time(args: list[str], repeat: int) -> tuple[float, int]:
    runs, code = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        code = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              check=False).returncode
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=os.environ.get("CONCERTED_DB", "sqlite:///concerted.db"))
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    concerted = [str(Path(sys.executable).parent / "concerted")]  # the installed script
    bare, _ = _time([sys.executable, "-c", "pass"], options.repeat)
    print(f"{'python -c pass (interpreter start)':52} {bare:6.3f} s")
    main_help, _ = _time([*concerted, "--help"], options.repeat)
    verdict = "OK" if main_help < TARGET_SECONDS else "OVER"
    print(f"{'concerted --help':52} {main_help:6.3f} s  (target < {TARGET_SECONDS} s: {verdict})")
    # Every command's --help: how long a command takes to start before it does any work.
    helps = {name: _time([*concerted, name, "--help"], options.repeat)[0] for name in COMMANDS}
    for name, seconds in sorted(helps.items(), key=lambda item: -item[1])[:5]:
        print(f"{'concerted ' + name + ' --help':52} {seconds:6.3f} s")
    print(f"{'--help of all ' + str(len(helps)) + ' commands: median':52} "
          f"{statistics.median(helps.values()):6.3f} s  (slowest shown above)")
    reads = [[*args, "--format", "json"] for args in READS] + PLAIN_READS
    for args in reads:
        seconds, code = _time([*concerted, "--db", options.db, *args], 1)
        label = "concerted " + " ".join(a for a in args if a not in ("--format", "json"))
        print(f"{label:52} {seconds:6.3f} s" + ("" if code == 0 else f"  (exit {code})"))


if __name__ == "__main__":
    main()
