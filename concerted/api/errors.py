"""One error shape for the API, `{"error": {"code", "message"}}`, and HTML error pages for
the web app; the exception-handler table the app factory installs."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

__all__ = ["HANDLERS", "ApiError", "error_body", "wants_json"]

_CODES = {400: "bad_parameter", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 409: "conflict", 413: "too_large", 422: "bad_parameter",
          429: "too_many_requests", 500: "internal_error", 503: "unavailable"}


class ApiError(HTTPException):
    def __init__(self, status_code: int, message: str, code: str | None = None) -> None:
        super().__init__(status_code, message)
        self.code = code or _CODES.get(status_code, "error")


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith(("/api/", "/match/", "/healthz")) or (
        "application/json" in request.headers.get("accept", "")
        and "text/html" not in request.headers.get("accept", ""))


def _respond(request: Request, status: int, code: str, message: str,
             headers: dict[str, str] | None = None) -> Response:
    render = getattr(request.app.state, "render_error", None)
    if wants_json(request) or render is None:
        return JSONResponse(error_body(code, message), status_code=status, headers=headers)
    response: Response = render(request, status, message, headers)
    return response


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = exc.code if isinstance(exc, ApiError) else _CODES.get(exc.status_code, "error")
    headers = dict(exc.headers) if exc.headers else None
    return _respond(request, exc.status_code, code, str(exc.detail), headers)


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "body", "path"))
    return f"{where or 'request'}: {error.get('msg', 'invalid')}"


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    message = "; ".join(_describe(e) for e in exc.errors()) or "invalid request"
    return _respond(request, 400, "bad_parameter", message)


async def _server_error(request: Request, exc: Exception) -> Response:
    return _respond(request, 500, "internal_error", "an internal error occurred")


HANDLERS: dict[Any, Any] = {
    HTTPException: _http_error,
    RequestValidationError: _validation_error,
    Exception: _server_error,
}
