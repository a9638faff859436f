"""Which of OFAC's SDN files a (name, bytes) pair is: by its name, else by its first bytes.

OFAC publishes one list in several files (and the Sanctions List Service spells their names
in capitals); a file given under another name (a mirror, a local copy) is recognised from
its content. OFAC's consolidated non-SDN files share these layouts and are never claimed.
"""

from __future__ import annotations

import re

__all__ = ["WIDTHS", "detect", "role_of"]

_ROLES = {
    "sdn.csv": "sdn",
    "alt.csv": "alt",
    "add.csv": "add",
    "sdn_comments.csv": "sdn_comments",
    "sdn.xml": "xml",
    "sdn_advanced.xml": "advanced",
}
WIDTHS = {"sdn": 12, "alt": 5, "add": 6, "sdn_comments": 2}  # fields per legacy CSV record
_CSV_HEADS = {
    "sdn": re.compile(rb'\d+,"[^"\r\n]*",(?:-0- ?|"[a-z]+"),"'),
    "alt": re.compile(rb'\d+,\d+,"[a-z.]+",'),
    "add": re.compile(rb"\d+,\d+,(?:-0- ?|\")"),
    "sdn_comments": re.compile(rb'\d+,"'),
}
_XML_ROOTS = {"xml": re.compile(rb"<sdnList[\s>]"), "advanced": re.compile(rb"<Sanctions[\s>]")}
_ADVANCED_NS = re.compile(rb"un\.org/sanctions/1\.0|ADVANCED_XML")


def _base(name: str) -> str:
    return re.split(r"[\\/]", name)[-1].lower()


def role_of(name: str, data: bytes) -> str | None:
    """sdn, alt, add, sdn_comments, xml or advanced; None if it is none of them."""
    base = _base(name)
    if base in _ROLES:
        return _ROLES[base]
    head = data[:4096]
    for role, pattern in _XML_ROOTS.items():
        if pattern.search(head):
            return role
    return "sdn" if _CSV_HEADS["sdn"].match(head) else None


def detect(name: str, data: bytes) -> bool:
    """Whether `data` is one of OFAC's SDN files (never the consolidated non-SDN list)."""
    try:
        base = _base(name)
        if base.startswith("cons"):  # cons_prim.csv, consolidated.xml, cons_advanced.xml...
            return False
        head = data[:4096]
        if _XML_ROOTS["xml"].search(head):
            return True
        if _XML_ROOTS["advanced"].search(head):
            return bool(_ADVANCED_NS.search(head))
        pattern = _CSV_HEADS.get(_ROLES.get(base, "sdn"))
        return pattern is not None and bool(pattern.match(head))
    except Exception:  # detect must never raise, whatever the bytes
        return False
