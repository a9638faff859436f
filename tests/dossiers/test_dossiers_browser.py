"""The dossier walk-through in a real browser (Playwright with Debian's Chromium, as in
tests/web): log in, open the dossier, see who has not acted, add an allegation and a file,
preview and build the Australian packet, record it as submitted; another organisation's
user gets a 404 page."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from dossier_world import PASSWORD, PNG, WITNESS_TITLE, World
from fastapi import FastAPI

from concerted.api.dossiers import router as api_router
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.settings import Settings
from concerted.web.dossiers import router as web_router

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture()
def server(sqlite_world: World, tmp_path: Path) -> Iterator[str]:
    url = sqlite_world.env.engine.url.render_as_string(hide_password=False)
    app: FastAPI = create_app(Settings(db_url=url, data_dir=tmp_path),
                              AppOptions(warm_state=False))
    paths = {getattr(r, "path", "") for r in app.routes}
    if "/dossiers" not in paths:
        app.include_router(api_router, prefix="/api/v1")  # until the lead mounts them
        app.include_router(web_router)
    app.state.dossiers = sqlite_world.env
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                            log_level="warning", lifespan="off"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(server: str) -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's Chromium: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(base_url=server, accept_downloads=True)
        tab = context.new_page()
        tab.set_default_timeout(15000)
        yield tab
        browser.close()


def _login(page: object, who: str, next_path: str) -> None:
    page.goto(f"/login?next={next_path}")  # type: ignore[attr-defined]
    page.get_by_label("E-mail").fill(f"{who}@example.org")  # type: ignore[attr-defined]
    page.get_by_label("Password").fill(PASSWORD)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Log in").click()  # type: ignore[attr-defined]


def test_walk_through(page: object, sqlite_world: World, tmp_path: Path) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    _login(page, "editor", "/dossiers")
    page.get_by_role("link", name="ZHU Hailun").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ZHU Hailun")
    expect(page.locator("main")).to_contain_text(WITNESS_TITLE)  # an editor sees it
    row = page.locator("tr", has_text="Australia")
    # The world's dossier points at no listing: who has acted is unknown, never "not yet".
    expect(row).to_contain_text("unknown: the dossier is linked to no listing")
    expect(page.locator("main")).not_to_contain_text("not yet")

    page.get_by_text("Add an allegation").click()
    page.get_by_label("Torture or cruel, inhuman or degrading treatment").check()
    page.get_by_label("Summary", exact=True).fill("Ordered night transfers of detainees")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("allegation")

    image = tmp_path / "transfer.png"
    image.write_bytes(PNG)
    page.get_by_text("Add evidence").click()
    page.get_by_label("Title").fill("Photograph of a transfer bus")
    page.get_by_label("Kind").select_option("image")
    page.get_by_label("Level").last.select_option("governments")
    page.get_by_label("File").set_input_files(str(image))
    page.get_by_role("button", name="Upload").click()
    expect(page.locator("main")).to_contain_text("Photograph of a transfer bus")

    row = page.locator("tr", has_text="Australia")
    row.get_by_role("link", name="Australia — Thematic sanctions").click()
    preview = page.locator("article")
    expect(preview).to_contain_text("Ordered night transfers of detainees")
    expect(preview).to_contain_text("Photograph of a transfer bus")
    expect(preview).not_to_contain_text(WITNESS_TITLE)
    with page.expect_download() as download:
        page.get_by_role("button", name="Build PDF").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    page.reload()
    page.get_by_label("New status").select_option("submitted")
    page.get_by_label("Note").fill("sent to sanctions@dfat.gov.au")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_role("heading", name=re.compile("Status: submitted"))).to_be_visible()
    page.goto("/dossier-board")
    expect(page.locator("table")).to_contain_text("submitted")


def test_another_organisation_gets_not_found(page: object, sqlite_world: World) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    _login(page, "other", f"/dossiers/{sqlite_world.dossier}")
    expect(page.locator("main")).to_contain_text("not found")
    expect(page.locator("main")).not_to_contain_text("ZHU Hailun")
