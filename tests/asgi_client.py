"""Calling an ASGI app in-process from a synchronous test, through httpx's ASGI transport
(starlette's TestClient now warns when used with httpx)."""

from __future__ import annotations

from typing import Any

import anyio
import httpx

__all__ = ["request"]


def request(app: Any, method: str, path: str, **kwargs: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://concerted.test") as c:
            return await c.request(method, path, **kwargs)

    return anyio.run(go)
