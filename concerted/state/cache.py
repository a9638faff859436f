"""The `State` the app serves, recomputed in the background when the store changes.

Requests never wait for a rebuild once a first state exists: they get the state in hand
while a new one is computed (stale-while-revalidate). The store is asked for its fingerprint
at most every `check_seconds`.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine

from concerted.state.build import build_state
from concerted.state.model import State
from concerted.store.fingerprint import store_fingerprint

__all__ = ["StateCache"]

log = logging.getLogger(__name__)


def _freeze() -> None:
    """Keep the collector off the served state: its millions of long-lived objects would
    otherwise be scanned in every full collection, a half-second pause mid-request."""
    gc.unfreeze()  # let the previous state's cycles, if any, be collected once
    gc.collect()
    gc.freeze()


class StateCache:
    def __init__(self, engine: Engine, check_seconds: float = 2.0,
                 builder: Callable[[Engine], State] = build_state,
                 warm: Callable[[State], object] | None = None) -> None:
        self.engine = engine
        self.check_seconds = check_seconds
        self._builder = builder
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

    def refresh(self) -> State:
        """Rebuild now and wait for it (at startup, and in tests after a write)."""
        with self._building:
            state = self._builder(self.engine)
            if self._warm is not None:
                self._warm(state)  # the slow first views, before anyone is served this state
            with self._lock:
                self._state = state
                self._checked = time.monotonic()
            _freeze()
            return state

    def _rebuild_in_background(self) -> None:
        if self._building.locked():
            return
        threading.Thread(target=self._safe_refresh, name="concerted-state", daemon=True).start()

    def _safe_refresh(self) -> None:
        try:
            self.refresh()
        except Exception:  # a failed rebuild must not take the served state down with it
            log.exception("rebuilding the state failed; still serving the previous one")
