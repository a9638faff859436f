"""Where a webhook may point (issue 15, Low: server-side request forgery). A subscription's
webhook is a URL a user types; delivering to it makes the server send a POST from inside
its network. So a webhook on the loopback, a private or link-local range (cloud metadata at
169.254.169.254), or any other non-global address is refused — when the subscription is
made (a literal address, `localhost`, or a name that resolves to one) and again just before
each delivery (a name may be re-pointed after it was checked).

An operator whose receivers are on their own network sets
`CONCERTED_WEBHOOK_ALLOW_PRIVATE=1`.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

__all__ = ["PrivateDestination", "check_destination"]


class PrivateDestination(ValueError):
    """A webhook that would reach the server's own machine or network."""


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:  # 2130706433, 0x7f000001, 127.1: forms the resolver reads as addresses
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _refuse(url: str, why: str) -> PrivateDestination:
    return PrivateDestination(
        f"the webhook {url!r} {why}: webhooks may only reach public addresses "
        "(set CONCERTED_WEBHOOK_ALLOW_PRIVATE=1 to deliver inside your own network)")


def check_destination(url: str, resolve: bool = True) -> None:
    """Raise PrivateDestination unless every address the URL's host names is global. A name
    that does not resolve passes when the subscription is made (delivery checks again)."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if not host:
        raise _refuse(url, "names no host")
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        raise _refuse(url, f"names the local host {host}")
    literal = _address(host)
    addresses = [literal] if literal is not None else []
    if literal is None and resolve:
        try:
            found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except OSError:
            found = []
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]
    for address in addresses:
        mapped = getattr(address, "ipv4_mapped", None) or address
        if not mapped.is_global or mapped.is_multicast:
            raise _refuse(url, f"reaches {address}, which is not a public address")
