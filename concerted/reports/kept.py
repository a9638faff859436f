"""Derived results kept per store state: `KeptAnalysis`.

Orchestrator. The analyses' inputs (every listing placed in its history, the resolved
targets), their designations and each analysis asked for are computed once for a state of
the store and kept in the data folder (`<data>/derived/`), so the read commands (`concerted
rounds`, `gaps`, `coverage`, `lags`, `stats`) answer from them until the store changes. A
state is the store's fingerprint (snapshots, parser versions, judgements, the review queue:
`concerted.store.fingerprint`) with the Concerted version; results of any other state are
let go when a new one is kept. The files are Python pickles: the folder must be trusted as
the store itself is (it sits beside the archive). An empty store keeps nothing.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine

from concerted import __version__
from concerted.analysis.coverage import Coverage
from concerted.analysis.designations import Designation, build_designations
from concerted.analysis.gaps import Gap
from concerted.analysis.inputs import Inputs
from concerted.analysis.lags import Lag
from concerted.analysis.partners import registry_eligibility
from concerted.analysis.rounds import Round
from concerted.analysis.suite import Analysis, AnalysisConfig
from concerted.reports.load import load_inputs
from concerted.store.fingerprint import store_fingerprint

__all__ = ["Keeper", "KeptAnalysis"]

T = TypeVar("T")
FORMAT = "1"  # bump when the kept objects change shape


class Keeper:
    """Values kept for one state of one store, by name."""

    def __init__(self, engine: Engine, folder: Path) -> None:
        fingerprint = store_fingerprint(engine)
        self.folder = folder
        self.enabled = not fingerprint.startswith("snapshots:0:")
        state = "|".join((FORMAT, __version__, engine.url.render_as_string(), fingerprint))
        self.state = hashlib.sha256(state.encode()).hexdigest()[:20]

    def get(self, name: str, compute: Callable[[], T]) -> T:
        if not self.enabled:
            return compute()
        path = self.folder / f"{self.state}-{hashlib.sha256(name.encode()).hexdigest()[:16]}"
        try:
            found: T = pickle.loads(path.read_bytes())
            return found
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # not kept yet, or kept by another Concerted: compute it again
        value = compute()
        self._keep(path, value)
        return value

    def _keep(self, path: Path, value: object) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for old in self.folder.iterdir():  # other states' results are of no more use
                if not old.name.startswith(self.state):
                    old.unlink(missing_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(path)  # whole or not at all, for a reader at the same time
        except OSError:
            pass  # a read-only data folder: answer without keeping


class KeptAnalysis(Analysis):
    """`Analysis` whose inputs and results come from the `Keeper` when kept there."""

    def __init__(self, keeper: Keeper, engine: Engine, config: AnalysisConfig,
                 one_per_listing: bool = False) -> None:
        # Analysis.__init__ is not called: `inputs` is loaded only if something needs it.
        self.keeper, self.engine, self.config = keeper, engine, config
        self.one_per_listing = one_per_listing
        self.eligible = registry_eligibility
        self._scope = "one per listing" if one_per_listing else "resolved"

    def _kept(self, name: str, compute: Callable[[], T], config: bool = True) -> T:
        key = f"{self._scope}|{name}|{self.config!r}" if config else f"{self._scope}|{name}"
        return self.keeper.get(key, compute)

    @cached_property
    def _plain(self) -> Analysis:
        """The analyses computed from the (kept) inputs and designations."""
        plain = Analysis(self.inputs, self.config, self.eligible)
        plain.__dict__["designations"] = self.designations  # kept once, for every analysis
        return plain

    @cached_property
    def inputs(self) -> Inputs:  # type: ignore[override]
        return self._kept("inputs", lambda: load_inputs(self.engine, self.one_per_listing),
                          config=False)

    @cached_property
    def designations(self) -> list[Designation]:
        return self._kept("designations", lambda: build_designations(self.inputs),
                          config=False)

    @cached_property
    def coverage(self) -> Coverage:
        return self._kept("coverage", lambda: self._plain.coverage)

    @cached_property
    def rounds(self) -> list[Round]:
        return self._kept("rounds", lambda: self._plain.rounds)

    @cached_property
    def lags(self) -> list[Lag]:
        return self._kept("lags", lambda: self._plain.lags)

    @cached_property
    def gaps(self) -> list[Gap]:
        return self._kept("gaps", lambda: self._plain.gaps)

    @cached_property
    def statistics(self) -> dict[str, list[dict[str, Any]]]:
        return self._kept("statistics", lambda: self._plain.statistics)
