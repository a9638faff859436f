"""Form safety: CSRF checks, cookies with the right flags, and redirect targets that stay on
this site."""

from __future__ import annotations

import hmac

from fastapi import Request
from fastapi.responses import Response

from concerted.accounts import Session
from concerted.api.errors import ApiError

__all__ = ["LOGIN_CSRF_COOKIE", "check_csrf", "safe_next", "set_cookie"]

LOGIN_CSRF_COOKIE = "concerted_login_csrf"


def check_csrf(session: Session, sent: str) -> None:
    if not hmac.compare_digest(session.csrf_token.encode(), (sent or "").encode()):
        raise ApiError(403, "missing or wrong CSRF token; reload the page", "csrf_failed")


def safe_next(target: str) -> str:
    """Only a path on this site (no scheme, no `//host`), else the dashboard."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


def _secure(request: Request) -> bool:
    mode = request.app.state.options.secure_cookies
    return mode == "always" or (mode == "auto" and request.url.scheme == "https")


def set_cookie(request: Request, response: Response, name: str, value: str,
               max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, path="/", httponly=True,
                        samesite="lax", secure=_secure(request))
