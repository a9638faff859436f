"""How the web app and API are served, beyond the store: read from CONCERTED_* variables.

- `CONCERTED_PUBLIC` (default 1): read-only pages and API open to everyone; 0 makes them
  need a logged-in user or an API token. Writes always need a user.
- `CONCERTED_MATCH_RATE` (default 300): names one client may have matched per minute
  (`/match`, the match page); beyond it requests get 429 with Retry-After.
- `CONCERTED_SECURE_COOKIES` (default auto): mark cookies Secure; `auto` does so whenever a
  request came over HTTPS (behind a TLS proxy, run `concerted serve --proxy-headers`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

__all__ = ["AppOptions"]


@dataclass(frozen=True)
class AppOptions:
    public: bool = True
    secure_cookies: Literal["auto", "always", "never"] = "auto"
    warm_state: bool = True  # compute the served state at startup rather than on first use
    match_rate: int = 300  # names matched per client per minute


    @classmethod
    def from_env(cls) -> AppOptions:
        public = os.environ.get("CONCERTED_PUBLIC", "1").strip().lower() not in ("0", "false",
                                                                                "no")
        secure = os.environ.get("CONCERTED_SECURE_COOKIES", "auto").strip().lower()
        choice: Literal["auto", "always", "never"] = (
            "always" if secure in ("1", "true", "always") else
            "never" if secure in ("0", "false", "never") else "auto")
        rate = os.environ.get("CONCERTED_MATCH_RATE", "300").strip()
        if not rate.isdigit() or int(rate) < 1:
            raise ValueError(f"CONCERTED_MATCH_RATE: a whole number of names per minute, "
                             f"at least 1; got {rate!r}")
        return cls(public=public, secure_cookies=choice, match_rate=int(rate))
