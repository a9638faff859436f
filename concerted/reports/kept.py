"""Derived results kept per store state: `KeptAnalysis`.

Orchestrator. The analyses' inputs (every listing placed in its history, the resolved
targets), their designations and each analysis asked for are computed once for a state of
the store and kept in the data folder (`<data>/derived/`), so the read commands (`concerted
rounds`, `gaps`, `coverage`, `lags`, `stats`) answer from them until the store changes. A
state is the store's fingerprint (snapshots, parser versions, judgements, the review queue:
`concerted.store.fingerprint`) with the Concerted version; results of any other state are
let go when a new one is kept. When only judgements changed since the last state kept, its
inputs, designations, gaps and lags are brought up to them (`concerted.reports.rejudge`:
only the targets the judgements reach are computed again) rather than computed whole; the
judgements that state was computed under are kept beside it (`base-…`). The files are
Python pickles: the folder must be trusted as the store itself is (it sits beside the
archive). An empty store keeps nothing.
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
from concerted.reports.rejudge import Judged, besides_judgements, judged_now, rejudge
from concerted.store.fingerprint import store_fingerprint

__all__ = ["Keeper", "KeptAnalysis"]

T = TypeVar("T")
FORMAT = "2"  # bump when the kept objects change shape


class Keeper:
    """Values kept for one state of one store, by name, and the judgements that state's
    targets were formed under (`base`), which the next state's are brought up from."""

    def __init__(self, engine: Engine, folder: Path) -> None:
        self.fingerprint = store_fingerprint(engine)
        self.folder = folder
        self.enabled = not self.fingerprint.startswith("snapshots:0:")
        self._url = engine.url.render_as_string()
        self.state = self.state_of(self.fingerprint)
        self._base = folder / f"base-{_hash(self._url, besides_judgements(self.fingerprint))}"

    def state_of(self, fingerprint: str) -> str:
        return _hash(self._url, fingerprint)

    def get(self, name: str, compute: Callable[[], T]) -> T:
        if not self.enabled:
            return compute()
        found: T | None = self.peek(name, self.state)
        if found is not None:
            return found
        value = compute()
        self._keep(self._path(name, self.state), value)
        return value

    def peek(self, name: str, state: str) -> Any:
        """What is kept under `name` for `state` (None if nothing)."""
        return _load(self._path(name, state))

    def base(self) -> Judged | None:
        """The judgements of the last state kept whose store differed from this one in its
        judgements at most."""
        found = _load(self._base) if self.enabled else None
        return found if isinstance(found, Judged) else None

    def set_base(self, judged: Judged) -> None:
        if self.enabled and judged.fingerprint == self.fingerprint:
            self._keep(self._base, judged)

    def _path(self, name: str, state: str) -> Path:
        return self.folder / f"{state}-{hashlib.sha256(name.encode()).hexdigest()[:16]}"

    def _keep(self, path: Path, value: object) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for old in self.folder.iterdir():  # other states' results are of no more use
                if not old.name.startswith(self.state) and old != self._base:
                    old.unlink(missing_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(path)  # whole or not at all, for a reader at the same time
        except OSError:
            pass  # a read-only data folder: answer without keeping


def _load(path: Path) -> Any:
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None  # not kept yet, or kept by another Concerted: compute it again


def _hash(url: str, fingerprint: str) -> str:
    state = "|".join((FORMAT, __version__, url, fingerprint))
    return hashlib.sha256(state.encode()).hexdigest()[:20]


class KeptAnalysis(Analysis):
    """`Analysis` whose inputs and results come from the `Keeper` when kept there; after
    judgements only, from the previous state's, brought up to them (`reports.rejudge`)."""

    def __init__(self, keeper: Keeper, engine: Engine, config: AnalysisConfig,
                 one_per_listing: bool = False) -> None:
        # Analysis.__init__ is not called: `inputs` is loaded only if something needs it.
        self.keeper, self.engine, self.config = keeper, engine, config
        self.one_per_listing = one_per_listing
        self.eligible = registry_eligibility
        self._scope = "one per listing" if one_per_listing else "resolved"

    def _name(self, name: str, config: bool) -> str:
        return f"{self._scope}|{name}|{self.config!r}" if config else f"{self._scope}|{name}"

    def _kept(self, name: str, compute: Callable[[], T], config: bool = True) -> T:
        return self.keeper.get(self._name(name, config), compute)

    @cached_property
    def rejudged(self) -> Analysis | None:
        """The previous state's analysis brought up to the judgements recorded since (None:
        there is none, or more than judgements changed)."""
        judged = self.keeper.base()
        if self.one_per_listing or judged is None or judged.fingerprint == self.keeper.fingerprint:
            return None
        old = self.keeper.state_of(judged.fingerprint)
        inputs = self.keeper.peek(self._name("inputs", False), old)
        designations = self.keeper.peek(self._name("designations", False), old)
        if inputs is None or designations is None:
            return None
        before = Analysis(inputs, self.config, self.eligible)
        before.__dict__["designations"] = designations
        for name in ("gaps", "lags"):  # carried over for the targets no judgement touched
            if (value := self.keeper.peek(self._name(name, True), old)) is not None:
                before.__dict__[name] = value
        found = rejudge(self.engine, before, judged)
        if found is None or found[1].fingerprint != self.keeper.fingerprint:
            return None
        analysis = found[0]
        # Kept for this state before its judgements are: the next command starts from them.
        self.keeper.get(self._name("inputs", False), lambda: analysis.inputs)
        self.keeper.get(self._name("designations", False), lambda: analysis.designations)
        self.keeper.set_base(found[1])
        return analysis

    def _load_inputs(self) -> Inputs:
        if self.one_per_listing:
            return load_inputs(self.engine, one_per_listing=True)
        if self.rejudged is not None:
            return self.rejudged.inputs
        judged = judged_now(self.engine)
        inputs = load_inputs(self.engine, judged=judged.in_force)
        self.keeper.set_base(judged)
        return inputs

    @cached_property
    def _plain(self) -> Analysis:
        """The analyses computed from the (kept) inputs and designations."""
        if self.rejudged is not None:
            return self.rejudged
        plain = Analysis(self.inputs, self.config, self.eligible)
        plain.__dict__["designations"] = self.designations  # kept once, for every analysis
        return plain

    def kept_text(self, name: str, compute: Callable[[], str]) -> str:
        """A command's rendered answer (`name` says which, with any option the analysis
        config does not hold), kept like the results it renders: a warm command then reads
        one string instead of rebuilding and encoding tens of thousands of rows."""
        return self._kept(f"text|{name}", compute)

    @cached_property
    def inputs(self) -> Inputs:  # type: ignore[override]
        return self._kept("inputs", self._load_inputs, config=False)

    @cached_property
    def designations(self) -> list[Designation]:
        return self._kept("designations", lambda: self.rejudged.designations
                          if self.rejudged is not None else build_designations(self.inputs),
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
