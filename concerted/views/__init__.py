"""Plain-dict views of the served `State`: what the REST API returns as JSON and the web
pages render as HTML. One function per page or resource, so both surfaces make the same
calls and can never disagree."""

from __future__ import annotations

__all__: list[str] = []
