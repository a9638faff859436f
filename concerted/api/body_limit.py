"""A limit on every request body, before the application reads it (issue 15 item 8).

Without it a request was spooled to disk (multipart) or read into memory (a bundle) in full
before any limit or permission was checked: a viewer's 2,000 MB upload filled the disk and
then got a 413. Here a declared `Content-Length` over the limit is answered 413 at once,
without reading a byte; a body without one (chunked) is counted as it arrives and cut off
when it passes the limit. The limit is the upload limit (`CONCERTED_MAX_UPLOAD_MB`) plus
room for the form around the file.
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["FORM_ROOM", "BodyLimit", "TooLarge"]

FORM_ROOM = 1024 * 1024  # multipart boundaries and the other fields of an upload form


class TooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit // (1024 * 1024)} MB "
                              "(CONCERTED_MAX_UPLOAD_MB)")


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _refuse(send, TooLarge(self.limit))
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge(self.limit)
            return message

        await self.app(scope, counted, send)


async def _refuse(send: Send, error: TooLarge) -> None:
    body = json.dumps({"error": {"code": "too_large", "message": error.detail}}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
