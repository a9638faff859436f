"""Security headers on every response (issue 15 item 12), as a plain ASGI middleware so they
reach error pages, static files and streamed downloads alike.

The pages load scripts and styles only from this origin (`/static`); inline `style`
attributes remain in the templates and the inline SVG charts, hence `'unsafe-inline'` for
styles only. No page may be framed (clickjacking on the write forms), none sends a Referer
(a dossier URL names its id), and no browser feature is granted.
"""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["HEADERS", "SecurityHeaders"]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                          "interest-cohort=()",
    "X-Content-Type-Options": "nosniff",
}
_RAW = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in HEADERS.items()]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in _RAW if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, sending)
