"""The `State` the app serves, recomputed in the background when the store changes.

Requests never wait for a rebuild once a first state exists: they get the state in hand
while a new one is computed (stale-while-revalidate). The store is asked for its fingerprint
at most every `check_seconds`. When only judgements changed, the new state is computed from
the one in hand (`concerted.state.build.rejudge`, a fraction of a second) rather than whole,
and a judgement recorded here is applied before its request answers (`rejudged`).
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine

from concerted.state.build import build_state, rejudge
from concerted.state.model import State
from concerted.store.fingerprint import store_fingerprint

__all__ = ["StateCache"]

log = logging.getLogger(__name__)
WARM_AFTER_SECONDS = 5.0


def _freeze() -> None:
    """Keep the collector off the served state: its millions of long-lived objects would
    otherwise be scanned in every full collection, a half-second pause mid-request."""
    gc.unfreeze()  # let the previous state's cycles, if any, be collected once
    gc.collect()
    gc.freeze()


class StateCache:
    def __init__(self, engine: Engine, check_seconds: float = 2.0,
                 builder: Callable[[Engine], State] = build_state,
                 warm: Callable[[State], object] | None = None,
                 updater: Callable[[Engine, State], State | None] = rejudge) -> None:
        self.engine = engine
        self.check_seconds = check_seconds
        self._builder = builder
        self._updater = updater
        self._warm = warm
        self._state: State | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._building = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._state is not None

    def current(self) -> State:
        state = self._state
        if state is None:
            with self._building:
                first = self._state
            return first if first is not None else self.refresh()
        now = time.monotonic()
        if now - self._checked >= self.check_seconds:
            self._checked = now
            if store_fingerprint(self.engine) != state.fingerprint:
                self._rebuild_in_background()
        return state

    def refresh_soon(self) -> None:
        """Look at the store on the next request (after a write made here)."""
        self._checked = 0.0

    def rejudged(self) -> None:
        """After a judgement recorded here: serve the state with it at once when only
        judgements changed, else look at the store on the next request."""
        state = self._state
        if state is None or not self._building.acquire(blocking=False):
            self.refresh_soon()  # being built: the next check sees the judgement
            return
        try:
            updated = self._updater(self.engine, state)
            if updated is not None:
                self._serve(updated)
        except Exception:  # the judgement is recorded: a rebuild will show it
            log.exception("applying the judgement to the state failed; rebuilding it")
            updated = None
        finally:
            self._building.release()
        if updated is None:
            self.refresh_soon()
        elif updated is not state:
            self._warm_later(updated)

    def refresh(self) -> State:
        """Rebuild now and wait for it (at startup, and in tests after a write); from the
        state in hand when only judgements changed."""
        with self._building:
            previous = self._state
            state = self._updater(self.engine, previous) if previous is not None else None
            if state is not None:
                self._serve(state)
                if state is not previous:
                    self._warm_later(state)
                return state
            state = self._builder(self.engine)
            if self._warm is not None:
                self._warm(state)  # the slow first views, before anyone is served this state
            self._serve(state)
            _freeze()
            return state

    def _serve(self, state: State) -> None:
        with self._lock:
            self._state = state
            self._checked = time.monotonic()

    def _warm_later(self, state: State) -> None:
        """The slow first views of a state served at once, once judging pauses: a reviewer
        judging pair after pair should not share the processor with views of states that
        are already gone (a request that comes first computes what it needs itself)."""
        if self._warm is not None:
            timer = threading.Timer(WARM_AFTER_SECONDS, self._safe_warm, args=(state,))
            timer.daemon = True
            timer.start()

    def _safe_warm(self, state: State) -> None:
        if self._warm is None or self._state is not state:
            return
        try:
            self._warm(state)
        except Exception:  # the views are computed again on first use
            log.exception("warming the state's views failed")

    def _rebuild_in_background(self) -> None:
        if self._building.locked():
            return
        threading.Thread(target=self._safe_refresh, name="concerted-state", daemon=True).start()

    def _safe_refresh(self) -> None:
        try:
            self.refresh()
        except Exception:  # a failed rebuild must not take the served state down with it
            log.exception("rebuilding the state failed; still serving the previous one")
