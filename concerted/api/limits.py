"""Per-client budgets for costly requests (issue 15: one anonymous `/match` must not hold
the server): a token bucket per client, refilled continuously, in memory. A request that
would overdraw its client's bucket is refused with the seconds to wait."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["ClientBudget"]

_MAX_CLIENTS = 10_000  # beyond this, clients whose bucket is full again are forgotten


@dataclass
class _Bucket:
    tokens: float
    at: float


class ClientBudget:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0  # tokens per second
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def spend(self, client: str, cost: int) -> float | None:
        """Take `cost` from the client's bucket: None when done, else the seconds until it
        could be (a cost beyond the whole capacity is never admitted: the caps prevent it)."""
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= _MAX_CLIENTS:
                    self._forget(now)
                bucket = self._buckets[client] = _Bucket(self.capacity, now)
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.at) * self.rate)
            bucket.at = now
            if bucket.tokens >= cost:
                bucket.tokens -= cost
                return None
            return (cost - bucket.tokens) / self.rate if self.rate else float("inf")

    def _forget(self, now: float) -> None:
        full = [c for c, b in self._buckets.items()
                if b.tokens + (now - b.at) * self.rate >= self.capacity]
        for client in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[client]
