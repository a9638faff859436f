"""`concerted.fetch` against httpx.MockTransport: conditional requests, retries with backoff,
and the refusals (status, size, truncation, HTML)."""

from __future__ import annotations

import httpx
import pytest

from concerted.fetch import FetchError, HttpPolicy, Validators, download, make_client, post

URL = "https://lists.example/sdn.csv"
BODY = b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- \r\n'


def _policy(sleeps: list[float], **kwargs: float) -> HttpPolicy:
    return HttpPolicy(timeout=1, retries=int(kwargs.pop("retries", 3)), backoff=2.0,
                      max_bytes=int(kwargs.pop("max_bytes", 1000)), sleep=sleeps.append)


def _client(handler: httpx.MockTransport) -> httpx.Client:
    return make_client(HttpPolicy(), transport=handler)


def test_conditional_request_sends_the_validators_and_reads_a_304() -> None:
    seen: list[httpx.Headers] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, content=BODY, headers={"ETag": '"v1"',
                                                          "Last-Modified": "Fri, 09 Dec 2022"})

    with _client(httpx.MockTransport(answer)) as client:
        first = download(client, URL, Validators(), _policy([]))
        second = download(client, URL, first.validators, _policy([]))
    assert first.data == BODY and first.validators == Validators('"v1"', "Fri, 09 Dec 2022")
    assert second.data is None and second.status_code == 304
    assert seen[1]["if-modified-since"] == "Fri, 09 Dec 2022"
    assert seen[0]["user-agent"].startswith("concerted/")


def test_server_errors_are_retried_with_doubling_backoff() -> None:
    answers = iter([httpx.Response(503), httpx.Response(500), httpx.Response(200, content=BODY)])
    sleeps: list[float] = []
    with _client(httpx.MockTransport(lambda _: next(answers))) as client:
        got = download(client, URL, Validators(), _policy(sleeps))
    assert got.data == BODY and sleeps == [2.0, 4.0]


def test_a_client_error_is_not_retried() -> None:
    sleeps: list[float] = []
    with _client(httpx.MockTransport(lambda _: httpx.Response(404))) as client, \
            pytest.raises(FetchError, match="HTTP 404") as caught:
        download(client, URL, Validators(), _policy(sleeps))
    assert sleeps == [] and caught.value.attempts == 1 and caught.value.status_code == 404


def test_timeouts_are_retried_then_reported() -> None:
    def hang(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    sleeps: list[float] = []
    with _client(httpx.MockTransport(hang)) as client, \
            pytest.raises(FetchError, match="timed out") as caught:
        download(client, URL, Validators(), _policy(sleeps, retries=2))
    assert caught.value.attempts == 3 and sleeps == [2.0, 4.0]


@pytest.mark.parametrize(("response", "reason"), [
    (httpx.Response(200, content=b"x" * 2000), "limit"),
    (httpx.Response(200, content=b"  \r\n"), "empty body"),
    (httpx.Response(200, content=b"<html><body>Maintenance</body></html>"), "HTML page"),
    (httpx.Response(200, content=b"\xef\xbb\xbf <!DOCTYPE html><p>x"), "HTML page"),
    (httpx.Response(200, content=b"<p>x</p><html>", headers={"Content-Type": "text/html"}),
     "HTML page"),
])
def test_suspicious_bodies_are_refused(response: httpx.Response, reason: str) -> None:
    with _client(httpx.MockTransport(lambda _: response)) as client, \
            pytest.raises(FetchError, match=reason):
        download(client, URL, Validators(), _policy([], retries=0))


def test_an_xml_list_served_as_html_is_still_read() -> None:
    xml = b'<?xml version="1.0"?><sdnList></sdnList>'
    response = httpx.Response(200, content=xml, headers={"Content-Type": "text/html"})
    with _client(httpx.MockTransport(lambda _: response)) as client:
        assert download(client, URL, Validators(), _policy([])).data == xml


def test_post_retries_and_reports_attempts() -> None:
    answers = iter([httpx.Response(502), httpx.Response(204)])
    bodies: list[bytes] = []

    def answer(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        return next(answers)

    with _client(httpx.MockTransport(answer)) as client:
        status, attempts = post(client, URL, b"{}", {"X-Test": "1"}, _policy([]))
    assert (status, attempts) == (204, 2) and bodies == [b"{}", b"{}"]
