"""Settings of fetching, taken from the settings object (docs/fetch.md names the variables).

- CONCERTED_FETCH_TIMEOUT (seconds, 60), CONCERTED_FETCH_RETRIES (3),
  CONCERTED_FETCH_BACKOFF (seconds before the first retry, 2; doubled each time),
  CONCERTED_FETCH_MAX_MB (256), CONCERTED_FETCH_DEADLINE (seconds for a whole download,
  retries included, 600): every request's limits;
- CONCERTED_FETCH_PARALLEL (4): how many sources are fetched at once;
- CONCERTED_URL_<SOURCE ID> (e.g. CONCERTED_URL_US_OFAC_SDN): a source's download address in
  place of the official one in its metadata (a mirror, a proxy); `--url` overrides both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from concerted.fetch import HttpPolicy
from concerted.settings import Settings
from concerted.sources import Source

__all__ = ["FetchSettings"]


@dataclass(frozen=True)
class FetchSettings:
    policy: HttpPolicy = field(default_factory=HttpPolicy)
    urls: Mapping[str, str] = field(default_factory=dict)  # source id -> address to use
    parallel: int = 4  # sources fetched at once: one slow source does not hold up the others

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchSettings:
        policy = HttpPolicy(timeout=settings.fetch_timeout, retries=settings.fetch_retries,
                            backoff=settings.fetch_backoff,
                            max_bytes=int(settings.fetch_max_mb * 2**20),
                            deadline=settings.fetch_deadline)
        return cls(policy, dict(settings.source_urls), max(1, settings.fetch_parallel))

    def url_for(self, source: Source) -> str:
        return self.urls.get(source.id, source.url)
