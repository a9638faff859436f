"""Issue 14's must-show walk-through, as an advocate, at desktop width and at 375 px: search
"Zhu Hailun" → open a dossier from the target page → the dossier shows the United States and
the United Kingdom as having acted, Australia and Canada (possibly stale) not yet, the EU
unknown (no EU list is held) → build the Australian packet, whose text names programs in
plain words. Screenshots of each step go to docs/ with CONCERTED_SCREENSHOTS=1."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from concerted.accounts import add_user, find_user
from concerted.dossiers.env import DossierEnv
from concerted.dossiers.model import Role
from concerted.dossiers.orgs import add_member, add_org

pytestmark = pytest.mark.shared

DOCS = Path(__file__).resolve().parents[2] / "docs"
ADVOCATE = "advocate@example.org"
PASSWORD = "an advocate's long password"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 800}}


@pytest.fixture(scope="module")
def advocate(web_app: FastAPI) -> str:
    env = DossierEnv.from_settings(web_app.state.settings, web_app.state.engine)
    if find_user(env.engine, ADVOCATE) is None:
        add_user(env.engine, ADVOCATE, PASSWORD)
        add_org(env, "Uyghur Rights Advocates")
        add_member(env, "Uyghur Rights Advocates", ADVOCATE, Role.OWNER, None)
    return ADVOCATE


@pytest.fixture(params=sorted(WIDTHS))
def tab(request: pytest.FixtureRequest, browser: object, server: str, advocate: str
        ) -> Iterator[tuple[Page, str]]:
    context = browser.new_context(  # type: ignore[attr-defined]
        base_url=server, viewport=WIDTHS[request.param], accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20000)
    yield page, request.param
    context.close()


def _shot(page: Page, name: str, tmp_path: Path) -> None:
    folder = DOCS / "walkthrough" if os.environ.get("CONCERTED_SCREENSHOTS") else tmp_path
    folder.mkdir(exist_ok=True, parents=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def test_advocate_walkthrough(tab: tuple[Page, str], tmp_path: Path) -> None:
    page, width = tab
    page.goto("/search?q=Zhu+Hailun")
    row = page.locator("tbody tr").filter(has_text="ZHU").first
    expect(row).to_contain_text("born 1958")
    _shot(page, f"1-search-{width}", tmp_path)
    row.get_by_role("link", name=re.compile("ZHU", re.I)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ZHU")
    _shot(page, f"2-target-{width}", tmp_path)
    page.get_by_role("link", name=re.compile("Open a dossier")).click()
    # Not logged in yet: logging in brings the advocate back to the form.
    page.locator("main").get_by_role("link", name="Log in").click()
    page.get_by_label("E-mail").fill(ADVOCATE)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    form = page.locator("#open-form")
    expect(form).to_contain_text("OFSI Consolidated List, group 14078")
    expect(form).to_contain_text("OFAC SDN List, entry 29219")
    _shot(page, f"3-open-dossier-{width}", tmp_path)
    form.get_by_role("button", name="Open the dossier").click()
    expect(page).to_have_url(re.compile(r"/dossiers/[0-9a-f]{20}$"))
    governments = {j: page.locator(f"tr[data-jurisdiction={j}]")
                   for j in ("us", "gb", "au", "ca", "eu")}
    expect(governments["us"]).to_contain_text("yes")
    expect(governments["us"]).to_contain_text("United States — Global Magnitsky")
    expect(governments["gb"]).to_contain_text("yes")
    expect(governments["gb"]).to_contain_text("United Kingdom — Global Human Rights")
    expect(governments["au"]).to_contain_text("not yet")
    expect(governments["ca"]).to_contain_text("not yet")
    expect(governments["ca"]).to_contain_text("possibly stale")
    expect(governments["eu"]).to_contain_text("unknown")
    _shot(page, f"4-dossier-{width}", tmp_path)
    governments["au"].get_by_role("link", name=re.compile("Australia — Thematic")).click()
    expect(page.locator("article.card")).to_contain_text("United States: Global Magnitsky")
    _shot(page, f"5-packet-{width}", tmp_path)
    with page.expect_download() as download:
        page.get_by_role("button", name="Build PDF").click()
    data = Path(download.value.path()).read_bytes()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
                    .split())
    assert "United States: Global Magnitsky, listed" in text
    assert "United Kingdom: Global Human Rights, listed 22 Mar 2021" in text
    assert "OFSI Consolidated List, group 14078" in text
    assert not re.search(r"us-glomag|gb-ghr|us_ofac_sdn|gb_hmt_conlist", text)
