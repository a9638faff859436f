"""Settings of fetching, from CONCERTED_* environment variables (documented in docs/fetch.md).

- CONCERTED_FETCH_TIMEOUT (seconds, 60), CONCERTED_FETCH_RETRIES (3),
  CONCERTED_FETCH_BACKOFF (seconds before the first retry, 2; doubled each time),
  CONCERTED_FETCH_MAX_MB (256), CONCERTED_FETCH_DEADLINE (seconds for a whole download,
  retries included, 600): every request's limits;
- CONCERTED_FETCH_PARALLEL (4): how many sources are fetched at once;
- CONCERTED_URL_<SOURCE ID> (e.g. CONCERTED_URL_US_OFAC_SDN): a source's download address in
  place of the official one in its metadata (a mirror, a proxy); `--url` overrides both.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from concerted.fetch import HttpPolicy
from concerted.sources import Source

__all__ = ["FetchSettings"]


@dataclass(frozen=True)
class FetchSettings:
    policy: HttpPolicy = field(default_factory=HttpPolicy)
    urls: Mapping[str, str] = field(default_factory=dict)  # source id -> address to use
    parallel: int = 4  # sources fetched at once: one slow source does not hold up the others

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> FetchSettings:
        env = os.environ if env is None else env
        policy = HttpPolicy(
            timeout=float(env.get("CONCERTED_FETCH_TIMEOUT", "60")),
            retries=int(env.get("CONCERTED_FETCH_RETRIES", "3")),
            backoff=float(env.get("CONCERTED_FETCH_BACKOFF", "2")),
            max_bytes=int(float(env.get("CONCERTED_FETCH_MAX_MB", "256")) * 2**20),
            deadline=float(env.get("CONCERTED_FETCH_DEADLINE", "600")),
        )
        urls = {key[len("CONCERTED_URL_"):].lower(): value for key, value in env.items()
                if key.startswith("CONCERTED_URL_") and value}
        return cls(policy, urls, max(1, int(env.get("CONCERTED_FETCH_PARALLEL", "4"))))

    def url_for(self, source: Source) -> str:
        return self.urls.get(source.id, source.url)
