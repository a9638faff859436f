"""The must-show walk-throughs, in a real browser on the shared-lists store."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from web_store import PASSWORD, WRITER

pytestmark = pytest.mark.shared

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _shot(page: Page, name: str, tmp_path: Path) -> None:
    """Screenshots go to docs/ when CONCERTED_SCREENSHOTS=1 (for the README), else tmp."""
    folder = DOCS if os.environ.get("CONCERTED_SCREENSHOTS") else tmp_path
    folder.mkdir(exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def test_search_zhu_hailun_and_see_the_listings_and_the_gap(page: Page, tmp_path: Path
                                                            ) -> None:
    page.goto("/")
    _shot(page, "dashboard", tmp_path)
    page.get_by_label("Search a name, in any script").fill("zhu hailun")
    suggestion = page.locator("#suggestions a").first
    expect(suggestion).to_contain_text("ZHU")
    page.get_by_label("Search a name, in any script").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("1 target")
    page.get_by_role("link", name=re.compile("ZHU", re.I)).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ZHU")
    listings = page.locator("article.listing")
    expect(listings).to_have_count(2)
    expect(listings.filter(has_text="OFAC SDN List, entry 29219")).to_contain_text("ZHU, Hailun")
    expect(listings.filter(has_text="OFSI Consolidated List, group 14078")).to_contain_text(
        "HAILUN ZHU")
    gap = page.locator("section.gap-panel")
    expect(gap).to_contain_text("Australia")
    assert "rel=\"alternate\"" in (page.request.get(page.url).headers.get("link") or "")
    _shot(page, "target", tmp_path)


def test_rounds_page_and_the_2023_02_09_round(page: Page) -> None:
    page.goto("/rounds")
    page.get_by_role("link", name=re.compile("^2023-02-09")).click()
    expect(page).to_have_url(re.compile("/rounds/2023-02-09$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("2023-02-09")
    expect(page.locator("main")).to_contain_text("United Kingdom")
    expect(page.locator("main")).to_contain_text("7 targets")


def test_coverage_matrix(page: Page, tmp_path: Path) -> None:
    page.goto("/coverage")
    expect(page.locator("table.heat tbody tr").first).to_be_visible()
    _shot(page, "coverage", tmp_path)


def _log_in(page: Page, next_path: str) -> None:
    page.goto(f"/login?next={next_path}")
    page.get_by_label("E-mail").fill(WRITER)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_confirm_a_pair_in_the_review_queue_with_the_keys(page: Page) -> None:
    _log_in(page, "/review")
    expect(page).to_have_url(re.compile("/review$"))
    expect(page.locator("#keys")).to_be_visible()  # the hint shows once the keys work
    expect(page.locator("#keys")).to_contain_text("y same")
    pairs = page.locator("main section.pair")
    expect(pairs.first).to_have_class(re.compile("current"))
    page.keyboard.press("s")  # skip: the second pair is the one the keys act on
    expect(pairs.nth(1)).to_have_class(re.compile("current"))
    expect(pairs.first).not_to_have_class(re.compile("current"))
    page.keyboard.press("k")
    expect(pairs.first).to_have_class(re.compile("current"))
    pair = pairs.first.locator("input[name=left]").get_attribute("value")
    page.keyboard.press("y")  # posts the form as the button would, CSRF token and all
    expect(page).to_have_url(re.compile(r"/review\?done=positive$"))
    expect(page.get_by_role("status")).to_contain_text(f"Recorded: linked by {WRITER}")
    expect(page.locator(f"main input[name=left][value='{pair}']")).to_have_count(0)
    page.goto("/judgements?who=people")
    row = page.locator("tbody tr").filter(has_text=f"linked by {WRITER}").first
    expect(row).to_be_visible()
    source, key = str(pair).split(":", 1)
    expect(row.locator(f"a[href='/listings/{source}/{key}']")).to_have_count(1)


def test_an_anonymous_user_cannot_write(page: Page, api: Any) -> None:
    page.goto("/review")
    expect(page.get_by_role("button", name="Same: confirm")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("log in")
    posted = page.request.post("/review", form={"left": "a:1", "right": "b:2",
                                                "decision": "positive", "csrf_token": "x"})
    assert posted.status == 401
    api_post = page.request.post("/api/v1/judgements", data={
        "left": "gb_hmt_conlist:14078", "right": "us_ofac_sdn:29219", "judgement": "negative"})
    assert api_post.status == 401


def test_program_page_count_leads_to_its_listings(page: Page) -> None:
    page.goto("/programs/gb-ghr")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Global Human Rights")
    page.locator("#fig-listings").click()
    expect(page).to_have_url(re.compile(r"/listings\?program=gb-ghr"))
    expect(page.get_by_role("status")).to_contain_text("143 listings")


def test_pages_work_on_a_phone(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/search?q=zhu")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400


def _within_screen(page: Page, cell: Any) -> None:
    expect(cell).to_be_visible()
    box = cell.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375, box


def test_at_375_px_the_menu_folds_and_key_columns_stay_on_screen(page: Page) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/gaps")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()  # a CSS-only disclosure: no script needed
    expect(nav.get_by_role("link", name="Review")).to_be_visible()
    page.get_by_text("Menu", exact=True).click()
    expect(nav).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    first = page.locator("table.stack tbody tr").first
    _within_screen(page, first.locator('td[data-label="Not yet"]'))
    _within_screen(page, first.locator('td[data-label="Score"]'))
    page.goto("/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for row in page.locator("table.stack tbody tr").all():
        _within_screen(page, row.locator('td[data-label="Status"]'))
    page.set_viewport_size({"width": 1280, "height": 800})  # on a desk: no menu button
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    expect(nav.get_by_role("link", name="Review")).to_be_visible()


def test_the_api_docs_render_with_the_network_blocked(page: Page, server: str) -> None:
    """Issue 14 item 7: every request to a host other than this app's is aborted, as on an
    air-gapped machine; Swagger UI, served from /static, still renders the schema."""
    asked_elsewhere: list[str] = []

    def only_here(route: Any) -> None:
        if route.request.url.startswith(server + "/"):
            route.continue_()
        else:
            asked_elsewhere.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_here)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    response = page.goto("/docs")
    assert response is not None and "script-src 'self'" in response.headers[
        "content-security-policy"]
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Concerted")
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/search").first
           ).to_be_visible()
    assert page.locator(".opblock").count() > 20
    assert asked_elsewhere == [] and errors == []
    assert page.request.get("/redoc").status == 404  # ReDoc would need a CDN: not offered
