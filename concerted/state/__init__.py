"""The read model the web app and the REST API share: the analyses computed once per store
state (`State`), a name index for type-ahead search, and a cache that recomputes them in the
background when a snapshot is ingested or a judgement recorded."""

from __future__ import annotations

from concerted.matching.index import Hit, NameIndex
from concerted.state.build import build_state
from concerted.state.cache import StateCache
from concerted.state.model import State

__all__ = ["Hit", "NameIndex", "State", "StateCache", "build_state"]
