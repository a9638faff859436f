"""Loopback servers for the fetch and alert tests: an official-list server that can misbehave,
a webhook receiver and an SMTP server (aiosmtpd). All bind 127.0.0.1 on a free port."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from concerted import clock
from concerted.cli import cli

__all__ = ["Invoke", "ListServer", "Mailbox", "Received", "WebhookReceiver", "hooks", "invoke",
           "list_server", "lists", "mailbox", "set_day", "smtp", "webhook_receiver"]


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/csv"
    mode: str = "normal"  # normal / truncate / slow / no-etag / trickle (a byte per `delay` s)
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Location, for a redirect


@dataclass
class ListServer:
    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    hit_times: list[tuple[str, float]] = field(default_factory=list)  # (path, monotonic)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(self, path: str, body: bytes, **options: Any) -> None:
        self.routes[path] = Route(body, **options)


def _list_handler(server: ListServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:
            pass

        def do_GET(self) -> None:
            server.hits.append((self.path, dict(self.headers)))
            server.hit_times.append((self.path, time.monotonic()))
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.mode == "slow":
                time.sleep(route.delay)
            etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
            if route.mode != "no-etag" and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.mode != "no-etag":
                self.send_header("ETag", etag)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            body = route.body[: len(route.body) // 2] if route.mode == "truncate" else route.body
            try:
                if route.mode == "trickle":  # never slow enough for a read timeout
                    for at in range(len(body)):
                        self.wfile.write(body[at:at + 1])
                        self.wfile.flush()
                        time.sleep(route.delay)
                else:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                return  # the client gave up (the timeout test): nothing to tell it
            if route.mode == "truncate":
                self.close_connection = True

    return Handler


@contextmanager
def _serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@contextmanager
def list_server() -> Iterator[ListServer]:
    server = ListServer()
    with _serving(_list_handler(server)) as port:
        server.port = port
        yield server


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class WebhookReceiver:
    port: int = 0
    received: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # answers to give, then 200

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def _hook_handler(receiver: WebhookReceiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            receiver.received.append(Received(self.path, dict(self.headers), body))
            status = receiver.statuses.pop(0) if receiver.statuses else 200
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


@contextmanager
def webhook_receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    with _serving(_hook_handler(receiver)) as port:
        receiver.port = port
        yield receiver


@dataclass
class Mailbox:
    host: str = "127.0.0.1"
    port: int = 0
    messages: list[Message] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.original_content))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def mailbox() -> Iterator[Mailbox]:
    from aiosmtpd.controller import Controller

    box = Mailbox(port=_free_port())
    controller = Controller(box, hostname=box.host, port=box.port)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


# --- fixtures (imported by the conftests of tests/fetch and tests/alerts) ---

Invoke = Callable[..., Result]


@pytest.fixture()
def lists() -> Iterator[ListServer]:
    with list_server() as server:
        yield server


@pytest.fixture()
def hooks() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as receiver:
        yield receiver


@pytest.fixture()
def smtp() -> Iterator[Mailbox]:
    with mailbox() as box:
        yield box


@pytest.fixture()
def set_day(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    def set_to(day: str) -> None:
        moment = datetime.fromisoformat(f"{day}T19:00:00+00:00").astimezone(UTC)
        monkeypatch.setattr(clock, "now", lambda: moment)

    return set_to


@pytest.fixture()
def invoke(db_url: str, tmp_path: Path, smtp: Mailbox) -> Invoke:
    """Run `concerted --db URL ...` in-process, with the test's data dir and SMTP server."""
    env = {"CONCERTED_DATA_DIR": str(tmp_path / "data"), "CONCERTED_SMTP_HOST": smtp.host,
           "CONCERTED_SMTP_PORT": str(smtp.port), "CONCERTED_FETCH_BACKOFF": "0",
           "CONCERTED_WEBHOOK_BACKOFF": "0", "CONCERTED_BASE_URL": "http://concerted.test"}

    def run(*args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", db_url, *args], env=env,
                                  catch_exceptions=False)

    return run
