"""How the web app and API are served, beyond the store: read from CONCERTED_* variables.

- `CONCERTED_PUBLIC` (default 1): read-only pages and API open to everyone; 0 makes them
  need a logged-in user or an API token. Writes always need a user.
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

    @classmethod
    def from_env(cls) -> AppOptions:
        public = os.environ.get("CONCERTED_PUBLIC", "1").strip().lower() not in ("0", "false",
                                                                                "no")
        secure = os.environ.get("CONCERTED_SECURE_COOKIES", "auto").strip().lower()
        choice: Literal["auto", "always", "never"] = (
            "always" if secure in ("1", "true", "always") else
            "never" if secure in ("0", "false", "never") else "auto")
        return cls(public=public, secure_cookies=choice)
