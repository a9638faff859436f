"""How the web app and API are served, beyond the store: taken from the settings.

- `public` (`CONCERTED_PUBLIC`, default 1): read-only pages and API open to everyone; 0
  makes them need a logged-in user or an API token. Writes always need a user.
- `match_rate` (`CONCERTED_MATCH_RATE`, default 300): names one client may have matched per
  minute (`/match`, the match page); beyond it requests get 429 with Retry-After.
- `secure_cookies` (`CONCERTED_SECURE_COOKIES`, default auto): mark cookies Secure; `auto`
  does so whenever a request came over HTTPS (behind a TLS proxy, run `concerted serve
  --proxy-headers`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from concerted.settings import Settings

__all__ = ["AppOptions"]


@dataclass(frozen=True)
class AppOptions:
    public: bool = True
    secure_cookies: Literal["auto", "always", "never"] = "auto"
    warm_state: bool = True  # compute the served state at startup rather than on first use
    match_rate: int = 300  # names matched per client per minute

    @classmethod
    def from_settings(cls, settings: Settings) -> AppOptions:
        return cls(public=settings.public, secure_cookies=settings.secure_cookies,
                   match_rate=settings.match_rate)
