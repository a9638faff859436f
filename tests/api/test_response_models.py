"""Typed answers (issue 12 item 6): every /api/v1 route documents its answer in the OpenAPI
document, and the JSON twin of every page (the `Link: rel=alternate` URL) is exactly what
the model of the API route it names describes: validated by the model and written back by
it, it is the same JSON (nothing the model does not name, nothing it would add or change).

Run on the shared-lists store of tests/web_store.py, so the answers are real ones; the
routes that send their largest pages unvalidated (`concerted.api.models.unvalidated`) are
checked here the same way."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from starlette.types import Receive, Scope, Send

from concerted.api.export_models import GapRow, TargetRow

pytestmark = pytest.mark.shared

# Pages whose twin needs a user or an organisation's dossier (checked in tests/dossiers and
# tests/web by the routes' own validation), and /docs (the API's documentation, no twin);
# every other page is visited below.
NOT_HERE = {"/docs", "/subscriptions", "/account", "/alerts", "/dossiers", "/dossiers/{dossier_id}",
            "/dossiers/{dossier_id}/submissions/{program}", "/dossier-board",
            "/dossiers/{dossier_id}/evidence/{evidence_id}"}


class _Spy:
    """The app, remembering which route answered the last request."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.route: APIRoute | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
        self.route = scope.get("route")


@pytest.fixture(scope="module")
def spied(web_app: FastAPI) -> Iterator[tuple[TestClient, _Spy]]:
    spy = _Spy(web_app)
    with TestClient(spy) as client:
        yield client, spy


def _pages(client: TestClient) -> list[str]:
    """One URL of each page, with real ids from the store."""
    search = client.get("/api/v1/search", params={"q": "zhu hailun"}).json()["results"]
    zhu = quote(search[0]["target_id"], safe=":")
    rounds = client.get("/api/v1/rounds", params={"all_themes": "true"}).json()["results"]
    listing = client.get("/api/v1/listings", params={"source": "gb_hmt_conlist"}).json()
    first = listing["results"][0]
    gap = client.get("/api/v1/gaps").json()["results"][0]["target_id"]
    return ["/", "/search?q=zhu+hailun", "/search?jurisdiction=gb", "/search/suggest?q=zhu",
            "/match?name=Zhu+Hailun", f"/targets/{zhu}", f"/targets/{quote(gap, safe=':')}",
            f"/targets/{zhu}/network", "/coverage", "/coverage?min_jurisdictions=3",
            "/rounds", f"/rounds/{rounds[0]['round_id']}", "/gaps", "/gaps?missing=au",
            "/lags", "/listings", "/listings?current=no", "/listings?on=2023-02-09",
            f"/listings/{first['source']}/{quote(first['listing_key'], safe='')}",
            "/changes", "/changes/us_ofac_sdn",
            "/changes/us_ofac_sdn?on=2023-02-09", "/programs", "/programs/compare",
            "/programs/gb-ghr", "/programs/us-glomag", "/eligible?conduct=torture",
            "/review", "/judgements", "/login"]


def _twin(client: TestClient, page: str) -> str:
    response = client.get(page)
    assert response.status_code == 200, (page, response.text[:300])
    match = re.search(r"<([^>]+)>;\s*rel=\"?alternate", response.headers["link"])
    assert match, (page, response.headers["link"])
    return match.group(1)


def _model(route: APIRoute) -> Any:
    """The model a route answers with: its response_model, or that of its JSON download."""
    if route.response_model is not None:
        return route.response_model
    return route.responses[200]["model"]


def _described_exactly(model: Any, body: Any, exclude_unset: bool = False) -> None:
    adapter = TypeAdapter(model)
    again = json.loads(adapter.dump_json(adapter.validate_python(body), by_alias=True,
                                         exclude_unset=exclude_unset))
    assert again == body


def test_every_page_twin_is_what_its_route_model_describes(
        spied: tuple[TestClient, _Spy], web_app: FastAPI) -> None:
    client, spy = spied
    visited: set[str] = set()
    for page in _pages(client):
        twin = _twin(client, page)
        visited.add(getattr(spy.route, "path", ""))
        response = client.get(twin)
        assert response.status_code == 200, (twin, response.text[:300])
        route = spy.route
        assert isinstance(route, APIRoute), twin
        body = response.json()
        assert body, twin  # an empty answer would check nothing
        try:
            _described_exactly(_model(route), body, route.response_model_exclude_unset)
        except Exception as exc:  # name the page and route, then the model's complaint
            raise AssertionError(f"{page} -> {twin} ({route.path}): {exc}") from exc
    pages = {r.path for r in _web_routes(web_app)}
    assert pages - visited - NOT_HERE == set(), "pages whose twin is not checked"


def _web_routes(app: FastAPI) -> list[APIRoute]:
    """The HTML pages: GET routes outside the API, the feeds and the documentation."""
    return [r for r in _api_routes(app) if "GET" in r.methods
            and getattr(r.response_class, "__name__", "") == "HTMLResponse"]


def _api_routes(app: FastAPI) -> list[APIRoute]:
    """Every route, through the routers the app includes."""
    found: list[APIRoute] = []

    def walk(routes: list[Any]) -> None:
        for route in routes:
            if isinstance(route, APIRoute):
                found.append(route)
            elif hasattr(route, "original_router"):  # an included router
                walk(route.original_router.routes)

    walk(list(app.router.routes))
    return found


def test_downloads_in_json_are_what_their_models_describe(api: TestClient) -> None:
    targets = api.get("/api/v1/exports/targets?format=json").json()
    gaps = api.get("/api/v1/exports/gaps?format=json").json()
    assert len(targets) > 1000 and len(gaps) > 10
    _described_exactly(list[TargetRow], targets)
    _described_exactly(list[GapRow], gaps)


def _described(schema: dict[str, Any], components: dict[str, Any]) -> bool:
    """Whether a schema names fields: a model, a list or map of them, or a union of those."""
    if "$ref" in schema:
        return _described(components[schema["$ref"].rsplit("/", 1)[1]], components)
    if "anyOf" in schema:
        return all(_described(s, components) for s in schema["anyOf"]
                   if s.get("type") != "null")
    if schema.get("type") == "array":
        return _described(schema.get("items", {}), components)
    if schema.get("type") == "object":
        extra = schema.get("additionalProperties")
        return bool(schema.get("properties")) or (isinstance(extra, dict)
                                                   and _described(extra, components))
    return schema.get("type") in ("string", "integer", "number", "boolean")


def test_every_api_route_documents_its_answer(api: TestClient) -> None:
    document = api.get("/openapi.json").json()
    components = document["components"]["schemas"]
    routes = [(path, method, operation) for path, item in document["paths"].items()
              if path.startswith("/api/v1/") for method, operation in item.items()]
    assert len(routes) > 50
    undocumented = []
    for path, method, operation in routes:
        ok = [code for code in operation["responses"] if code.startswith("2")]
        assert ok, (method, path)
        for code in ok:
            if code == "204":  # no content, by definition
                continue
            content = operation["responses"][code].get("content", {})
            json_schema = content.get("application/json", {}).get("schema")
            files = [c["schema"] for t, c in content.items() if t != "application/json"]
            if json_schema is not None and not _described(json_schema, components):
                undocumented.append(f"{method.upper()} {path}: {json_schema}")
            if json_schema is None and not files:
                undocumented.append(f"{method.upper()} {path}: no schema")
    assert undocumented == []
