"""Issue 15 item 11 and its Lows: a whole download has a deadline (a server trickling a byte
at a time beats any read timeout); sources are fetched at once, so a stalled one holds up no
other; a redirect to another host is refused; a ZIP's declared size is checked before a byte
of it is inflated."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest
from local_servers import Invoke, ListServer

from concerted.fetch import FetchError, HttpPolicy, Validators, download, make_client
from concerted.sources import safe
from concerted.sources.base import ParseError

QUICK = HttpPolicy(timeout=1.0, retries=0, backoff=0.0, deadline=2.0)


def test_a_trickling_server_is_cut_off_at_the_deadline(lists: ListServer) -> None:
    lists.serve("/sdn.csv", b"x" * 200, mode="trickle", delay=0.2)  # 40 s at that pace
    started = time.monotonic()
    with make_client(QUICK) as client, pytest.raises(FetchError) as caught:
        download(client, lists.url("/sdn.csv"), Validators(), QUICK)
    assert "not finished within the 2 s deadline" in caught.value.reason
    assert time.monotonic() - started < 5


def test_a_redirect_to_another_host_is_refused(lists: ListServer) -> None:
    elsewhere = lists.url("/sdn.csv").replace("127.0.0.1", "localhost")
    lists.serve("/moved", b"", status=302, headers={"Location": elsewhere})
    lists.serve("/here", b"", status=302, headers={"Location": "/sdn.csv"})
    lists.serve("/sdn.csv", b"1,\"A\"\r\n")
    with make_client(QUICK) as client:
        with pytest.raises(FetchError) as caught:
            download(client, lists.url("/moved"), Validators(), QUICK)
        assert "redirected to another host (localhost)" in caught.value.reason
        same = download(client, lists.url("/here"), Validators(), QUICK)  # same host: followed
    assert same.data == b"1,\"A\"\r\n"
    assert [path for path, _ in lists.hits] == ["/moved", "/here", "/sdn.csv"]


@pytest.mark.shared
def test_a_stalled_source_holds_up_no_other(
    shared_lists: Path, invoke: Invoke, lists: ListServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The US list trickles (first in the sources' order); the UN list, fetched at the same
    time, is ingested long before the US download reaches its deadline."""
    lists.serve("/sdn.csv", b"x" * 100, mode="trickle", delay=0.1)
    lists.serve("/un.xml", (shared_lists / "un" / "2024-11-30" / "consolidated.xml").read_bytes(),
                content_type="application/xml")
    monkeypatch.setenv("CONCERTED_URL_US_OFAC_SDN", lists.url("/sdn.csv"))
    monkeypatch.setenv("CONCERTED_URL_UN_SC", lists.url("/un.xml"))
    monkeypatch.setenv("CONCERTED_FETCH_DEADLINE", "4")
    started = time.monotonic()
    result = invoke("fetch", "--source", "us_ofac_sdn", "--source", "un_sc", "--format", "json")
    elapsed = time.monotonic() - started
    shown = {row["source"]: row for row in json.loads(result.output)["sources"]}
    assert shown["un_sc"]["outcome"] == "ingested"
    assert shown["us_ofac_sdn"]["outcome"] == "failed"
    assert "deadline" in shown["us_ofac_sdn"]["error"]
    first = {path: at for path, at in reversed(lists.hit_times)}
    assert abs(first["/un.xml"] - first["/sdn.csv"]) < 1.0  # asked for at once, not in turn
    assert elapsed < 60  # bounded by the deadline, not by the trickle (10 s) or more


def test_a_zip_s_declared_size_is_checked_before_inflating(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A member whose data is corrupt: inflating it (testzip) would report the corruption;
    the declared size alone must refuse it first."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<row/>" * 1000)
    data = bytearray(buffer.getvalue())
    body = data.index(b"sheet1.xml") + len("sheet1.xml")  # the member's compressed bytes
    data[body + 2] ^= 0xFF
    monkeypatch.setattr(safe, "MAX_UNZIPPED", 5000)  # the limit, scaled to this small file
    with pytest.raises(ParseError) as caught:
        safe.check_zip("sanctions.xlsx", bytes(data))
    assert "expands to 6000 bytes: refusing a decompression bomb" in caught.value.problem
    monkeypatch.setattr(safe, "MAX_UNZIPPED", 10_000)
    with pytest.raises(ParseError, match=r"corrupt member|not a readable"):
        safe.check_zip("sanctions.xlsx", bytes(data))
