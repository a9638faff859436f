"""Dated US data by default (issue 11 item 8): `concerted fetch` takes OFAC's CSV set with the
advanced XML that dates each entry (SDN_ADVANCED.XML beside SDN.CSV, in capitals as the
Sanctions List Service names them); the CSV set alone, undated and saying why, is the
fallback when the XML is missing, fails or is refused.

The sdn.csv files are the real 2022-12-08 and 2022-12-09 ones. No real complete
sdn_advanced.xml is in the shared data (MANIFEST.md: the only one found is a 134-byte stub),
so the XML served is tests/fixtures/us_ofac_sdn/sdn_advanced.xml: BUILT to the published
standard around real fragments (SanctionsEntry 36, AEROCARIBBEAN AIRLINES, CUBA, created
1986-12-10; see that folder's README), awaiting verification on a real complete file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from local_servers import Invoke, ListServer
from sqlalchemy import select

from concerted.sources import SOURCES
from concerted.store.db import connect
from concerted.store.tables import listings, snapshot_files, snapshots, versions
from concerted.updates.update import dating_url

pytestmark = pytest.mark.shared

XML = Path(__file__).parents[1] / "fixtures" / "us_ofac_sdn" / "sdn_advanced.xml"


def _fetch(invoke: Invoke, url: str) -> dict[str, Any]:
    result = invoke("fetch", "--source", "us_ofac_sdn", "--format", "json", "--url", url)
    shown: dict[str, Any] = json.loads(result.output)["sources"][0]
    return shown | {"exit_code": result.exit_code}


def _stored(db_url: str) -> tuple[dict[str, set[str]], dict[str, str | None]]:
    """(snapshot date -> its file names, ent_num -> listed_on of the current listings)."""
    engine = connect(db_url)
    with engine.connect() as conn:
        files: dict[str, set[str]] = {}
        for day, name in conn.execute(
                select(snapshots.c.published, snapshot_files.c.name)
                .join(snapshot_files, snapshot_files.c.snapshot_id == snapshots.c.id)):
            files.setdefault(day, set()).add(name)
        dated = {key: json.loads(data).get("listed_on") for key, data in conn.execute(
            select(listings.c.key, versions.c.data)
            .join(versions, versions.c.id == listings.c.version_id).where(listings.c.current))}
    engine.dispose()
    return files, dated


def test_the_official_address_is_the_csv_set_with_its_dating_file() -> None:
    source = SOURCES["us_ofac_sdn"]
    assert source.url.startswith("https://sanctionslistservice.ofac.treas.gov/")
    assert dating_url(source.url, source) == (
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
        "SDN_ADVANCED.XML")
    assert dating_url("https://mirror.example/ofac/sdn.csv", source) == \
        "https://mirror.example/ofac/sdn_advanced.xml"
    assert dating_url("https://mirror.example/ofac/sdn.xml", source) is None  # not a CSV set


def test_the_advanced_xml_dates_the_csv_set_and_its_absence_is_no_amendment(
    shared_lists: Path, invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
    db_url: str,
) -> None:
    lists.serve("/exports/SDN.CSV", (shared_lists / "us" / "2022-12-08" / "sdn.csv").read_bytes())
    lists.serve("/exports/SDN_ADVANCED.XML", XML.read_bytes(), content_type="text/xml")
    url = lists.url("/exports/SDN.CSV")
    set_day("2024-03-06")  # the served XML's DateOfIssue: the set's date, as OFAC prints it
    first = _fetch(invoke, url)
    assert "/exports/SDN_ADVANCED.XML" in [path for path, _ in lists.hits]
    assert (first["exit_code"], first["outcome"]) == (0, "ingested")
    assert "SDN_ADVANCED.XML" not in (first["error"] or "")  # not missing: taken
    files, dated = _stored(db_url)
    assert files == {"2024-03-06": {"SDN.CSV", "sdn_advanced.xml"}}
    assert dated["36"] == "1986-12-10"  # OFAC's own date, which no CSV file prints
    assert sum(d is not None for d in dated.values()) == 2  # the entries the XML dates

    # The next day OFAC's XML is not there (404): the CSV set is taken alone, undated, and
    # the dates it no longer has are not reported as amendments of every entry.
    lists.serve("/exports/SDN.CSV", (shared_lists / "us" / "2022-12-09" / "sdn.csv").read_bytes())
    del lists.routes["/exports/SDN_ADVANCED.XML"]
    set_day("2024-03-07")
    second = _fetch(invoke, url)
    assert (second["exit_code"], second["outcome"]) == (0, "ingested")
    assert "SDN_ADVANCED.XML" in second["error"] and "404" in second["error"]
    files, dated = _stored(db_url)
    assert files["2024-03-07"] == {"SDN.CSV"}
    assert dated["36"] is None
    changes = json.loads(invoke("changes", "us_ofac_sdn", "--on", "2024-03-07",
                                "--format", "json").output)
    [day] = changes
    assert (len(day["added"]), len(day["removed"])) == (217, 0)
    assert [a["listing_key"] for a in day["amended"]] == ["19029"]  # as in the CSV history
    assert all("listed_on" not in a["fields"] for a in day["amended"])


@pytest.mark.parametrize(("xml", "options", "reason"), [
    (XML.read_bytes()[: len(XML.read_bytes()) // 2], {}, "left out, the list taken undated"),
    (XML.read_bytes(), {"status": 500}, "HTTP 500; the list is taken without it, undated"),
])
def test_a_failing_or_refused_xml_leaves_the_csv_set_as_the_fallback(
    shared_lists: Path, invoke: Invoke, lists: ListServer, set_day: Callable[[str], None],
    db_url: str, xml: bytes, options: dict[str, Any], reason: str,
) -> None:
    lists.serve("/exports/SDN.CSV", (shared_lists / "us" / "2022-12-08" / "sdn.csv").read_bytes())
    lists.serve("/exports/SDN_ADVANCED.XML", xml, content_type="text/xml", **options)
    set_day("2022-12-08")
    shown = _fetch(invoke, lists.url("/exports/SDN.CSV"))
    assert (shown["exit_code"], shown["outcome"]) == (0, "ingested")
    assert reason in shown["error"]
    files, dated = _stored(db_url)
    assert files == {"2022-12-08": {"SDN.CSV"}}
    assert len(dated) == 11164 and not any(dated.values())
