"""An alert in words, the same in the feed, the e-mail and anywhere else people read it. Pure."""

from __future__ import annotations

from typing import Any

__all__ = ["link", "summary", "title"]

_VERBS = {"designated": "Designated", "delisted": "Delisted", "amended": "Amended",
          "round": "Coordinated round", "gap": "Gap"}


def title(alert: dict[str, Any]) -> str:
    detail = alert.get("detail", {})
    verb = _VERBS.get(alert["kind"], alert["kind"])
    if alert["kind"] == "gap":
        verb = f"Gap {detail.get('state', 'opened')}"
    programs = ", ".join(alert["programs"])
    where = ", ".join(detail.get("jurisdictions", ())) or alert["source"]
    return f"{verb}: {alert['name']} ({where}{': ' + programs if programs else ''})"


def summary(alert: dict[str, Any]) -> str:
    detail = alert.get("detail", {})
    lines = [f"{title(alert)}.",
             f"List: {alert['source']}, listing {alert['listing_key']}, snapshot "
             f"{alert['snapshot']}" + (f" (previous {detail['previous']})"
                                       if detail.get("previous") else "") + "."]
    if detail.get("fields"):
        lines.append(f"Changed: {', '.join(detail['fields'])}.")
    if detail.get("missing"):
        lines.append(f"Not designated by: {', '.join(detail['missing'])}.")
    if detail.get("closed"):
        lines.append(f"Now designated by: {', '.join(detail['closed'])}.")
    if detail.get("partners"):
        lines.append(f"Already designated by: {', '.join(detail['partners'])}.")
    if detail.get("why"):
        lines.append(f"Why you get this: {detail['why']}.")
    return "\n".join(lines)


def link(alert: dict[str, Any], base_url: str) -> str:
    """Where to read more: the listing's page in the web app."""
    base = base_url.rstrip("/")
    if alert["kind"] in ("designated", "delisted", "amended"):
        return f"{base}/listings/{alert['source']}/{alert['listing_key']}"
    return f"{base}/{'gaps' if alert['kind'] == 'gap' else 'rounds'}"
