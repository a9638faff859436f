"""Alerts as an Atom feed (RFC 4287), rendered with lxml. Pure: values in, bytes out.

Entry ids are stable (`urn:concerted:alert:<change key>`), so a feed reader shows each change
once however often the feed is fetched.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree

from concerted.alerts.text import link, summary, title

__all__ = ["ATOM_NS", "render_feed"]

ATOM_NS = "http://www.w3.org/2005/Atom"
_EPOCH = "1970-01-01T00:00:00+00:00"


def _add(parent: etree._Element, tag: str, text: str | None = None,
         **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def render_feed(feed_id: str, feed_title: str, self_url: str, alerts: Sequence[dict[str, Any]],
                base_url: str) -> bytes:
    """A complete Atom document; `alerts` newest first, in the `alert_dict` shape."""
    feed = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS})  # type: ignore[dict-item]
    _add(feed, "id", feed_id)
    _add(feed, "title", feed_title)
    _add(feed, "updated", max((a["created_at"] for a in alerts), default=_EPOCH))
    _add(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _add(feed, "link", rel="alternate", href=base_url, type="text/html")
    author = _add(feed, "author")
    _add(author, "name", "Concerted")
    _add(feed, "generator", "Concerted")
    for alert in alerts:
        _entry(feed, alert, base_url)
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _entry(feed: etree._Element, alert: dict[str, Any], base_url: str) -> None:
    entry = _add(feed, "entry")
    _add(entry, "id", f"urn:concerted:alert:{alert['event_key']}")
    _add(entry, "title", title(alert))
    _add(entry, "updated", alert["created_at"])
    _add(entry, "published", alert["created_at"])
    _add(entry, "link", rel="alternate", href=link(alert, base_url))
    _add(entry, "category", term=alert["kind"], label="kind")
    for program in alert["programs"]:
        _add(entry, "category", term=program, label="program")
    _add(entry, "summary", summary(alert), type="text")
