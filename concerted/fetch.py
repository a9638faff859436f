"""The only HTTP in Concerted: downloads of official lists and webhook posts.

Everything goes through one `httpx.Client` that the caller makes (`make_client`) and passes
in, so tests inject `httpx.MockTransport` or point it at a loopback server. Every request has
a timeout and is retried with exponential backoff on network errors, 429 and 5xx. A download
is refused, with the reason, when it is cut short, empty, over the size limit, or an HTML page
(a portal, login or error page served in place of the list), when it takes longer than its
total deadline (a server trickling bytes just fast enough to beat the read timeout), or when
the server redirects it to another host (an official list is served by its own publisher;
a redirect elsewhere is a hijacked or misconfigured address).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import httpx

from concerted import __version__

__all__ = ["Download", "FetchError", "HttpPolicy", "Validators", "download", "make_client", "post"]

_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_HTML_HEADS = (b"<!doctype html", b"<html", b"<head", b"<body")
T = TypeVar("T")


@dataclass(frozen=True)
class HttpPolicy:
    timeout: float = 60.0  # seconds, for connecting and between two reads
    retries: int = 3  # further attempts after the first
    backoff: float = 2.0  # seconds before the first retry, doubled for each next one
    max_bytes: int = 256 * 2**20
    deadline: float = 600.0  # seconds for a whole download, retries included
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)


@dataclass(frozen=True)
class Validators:
    """What the server said identifies its copy, for a conditional request next time."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {"If-None-Match": self.etag} if self.etag else {}
        return headers | ({"If-Modified-Since": self.last_modified} if self.last_modified else {})


@dataclass(frozen=True)
class Download:
    url: str
    status_code: int
    data: bytes | None  # None: 304, the copy we hold is current
    validators: Validators
    content_type: str = ""


class FetchError(Exception):
    """A request that failed for good; `reason` says why in words for people."""

    def __init__(self, url: str, reason: str, status_code: int | None = None,
                 attempts: int = 1, retry: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status_code = url, reason, status_code
        self.attempts, self.retry = attempts, retry


def make_client(policy: HttpPolicy, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    return httpx.Client(timeout=policy.timeout, follow_redirects=True, transport=transport,
                        headers={"User-Agent": f"concerted/{__version__} (sanctions list monitor)"},
                        event_hooks={"response": [_same_host_redirects]})


def _same_host_redirects(response: httpx.Response) -> None:
    """Called for every response, each hop of a redirect included: refuse a hop elsewhere."""
    if not response.has_redirect_location:
        return
    here = response.request.url
    there = here.join(response.headers["location"])
    if there.host != here.host:
        raise FetchError(str(here), f"the server redirected to another host ({there.host}); "
                         "refused: a list is fetched only from the address configured for it")


def download(client: httpx.Client, url: str, validators: Validators,
             policy: HttpPolicy) -> Download:
    """GET `url` conditionally; raises FetchError when no acceptable body could be had."""
    deadline = time.monotonic() + policy.deadline
    return _retrying(url, policy,
                     lambda: _download_once(client, url, validators, policy, deadline), deadline)


def post(client: httpx.Client, url: str, body: bytes, headers: dict[str, str],
         policy: HttpPolicy) -> tuple[int, int]:
    """POST `body`; (status code, attempts made) on a 2xx, else FetchError."""
    attempts = 0

    def once() -> int:
        nonlocal attempts
        attempts += 1
        response = _guard(url, lambda: client.post(url, content=body, headers=headers,
                                                   timeout=policy.timeout))
        _check_status(url, response.status_code)
        return response.status_code

    return _retrying(url, policy, once), attempts


def _retrying(url: str, policy: HttpPolicy, call: Callable[[], T],
              deadline: float | None = None) -> T:
    for attempt in range(policy.retries + 1):
        try:
            return call()
        except FetchError as exc:
            wait = policy.backoff * 2**attempt
            late = deadline is not None and time.monotonic() + wait >= deadline
            if not exc.retry or attempt == policy.retries or late:
                exc.attempts = attempt + 1
                raise
            policy.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


def _guard(url: str, call: Callable[[], T]) -> T:
    try:
        return call()
    except httpx.TimeoutException as exc:
        raise FetchError(url, f"timed out ({type(exc).__name__})", retry=True) from exc
    except httpx.RemoteProtocolError as exc:
        raise FetchError(url, f"the transfer was cut short: {exc}", retry=True) from exc
    except httpx.TransportError as exc:
        raise FetchError(url, f"connection failed: {exc}", retry=True) from exc


def _download_once(client: httpx.Client, url: str, validators: Validators,
                   policy: HttpPolicy, deadline: float) -> Download:
    def get() -> Download:
        with client.stream("GET", url, headers=validators.headers(),
                           timeout=policy.timeout) as response:
            if response.status_code == 304:
                return Download(url, 304, None, validators)
            _check_status(url, response.status_code)
            data = _read(url, response, policy.max_bytes, deadline, policy.deadline)
            kept = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
            return Download(url, response.status_code, data, kept,
                            response.headers.get("content-type", ""))

    got = _guard(url, get)
    if got.data is not None:
        _check_body(url, got.data, got.content_type)
    return got


def _check_status(url: str, status: int) -> None:
    if status >= 400 or status < 200:
        reason = f"the server answered HTTP {status}"
        raise FetchError(url, reason, status, retry=status in _RETRY_STATUS)


def _read(url: str, response: httpx.Response, limit: int, deadline: float,
          allowed: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(url, f"{declared} bytes announced, over the {limit}-byte limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(url, f"more than the {limit}-byte limit")
        if time.monotonic() > deadline:
            raise FetchError(url, f"not finished within the {allowed:g} s deadline "
                             f"({size} bytes received): the server is too slow")
        chunks.append(chunk)
    # Content-Length counts the bytes on the wire: comparable only when they are not encoded.
    encoded = response.headers.get("content-encoding", "identity") != "identity"
    if declared and declared.isdigit() and not encoded and size != int(declared):
        raise FetchError(url, f"the transfer was cut short: {size} of {declared} bytes",
                         retry=True)
    return b"".join(chunks)


def _check_body(url: str, data: bytes, content_type: str) -> None:
    if not data.strip():
        raise FetchError(url, "the server sent an empty body")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    said_html = "html" in content_type.lower() and b"<html" in head
    if said_html or head.startswith(_HTML_HEADS):
        raise FetchError(url, "the server sent an HTML page, not the list (a portal, login or "
                         "error page?)")
