"""Defensive readers for hostile input: XML without entities or DTDs, bounded ZIP archives.

Every official format here is XML, CSV or a ZIP container (XLSX/ODS). A list file is data
from the internet, so these readers refuse entity declarations (billion laughs, external
entities) and archives that would inflate beyond a sane size.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lxml import etree

from concerted.sources.base import ParseError

__all__ = ["MAX_UNZIPPED", "check_zip", "decode_text", "parse_xml"]

MAX_UNZIPPED = 512 * 1024 * 1024
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def parse_xml(file: str, data: bytes) -> etree._Element:
    """Parse XML that must not declare a DTD or entities; errors name the file."""
    if not data.strip():
        raise ParseError(file, "the file is empty")
    if _DOCTYPE.search(data[:4096]) or b"<!ENTITY" in data:
        raise ParseError(file, "the XML declares a DTD or entities, which official lists never do")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(file, f"not well-formed XML (truncated?): {exc}") from exc
    # The byte check above cannot see a DTD in UTF-16 text; the parsed tree can.
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise ParseError(file, "the XML declares a DTD or entities, which official lists never do")
    return root


def check_zip(file: str, data: bytes) -> zipfile.ZipFile:
    """Open a ZIP container (XLSX, ODS), refusing truncated files and decompression bombs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise ParseError(file, f"not a readable spreadsheet (truncated ZIP?): {exc}") from exc
    # The sizes the directory declares, before a byte is inflated (zipfile never inflates a
    # member past its declared size, so this bounds the work of testzip and of every read).
    if total > MAX_UNZIPPED:
        raise ParseError(file, f"expands to {total} bytes: refusing a decompression bomb")
    try:
        bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
        raise ParseError(file, f"not a readable spreadsheet (truncated ZIP?): {exc}") from exc
    if bad is not None:
        raise ParseError(file, f"corrupt member {bad!r} in the spreadsheet")
    return archive


def decode_text(file: str, data: bytes, encodings: tuple[str, ...] = ("utf-8",)) -> str:
    """Decode a text file with the encodings its publisher uses, or say which failed."""
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError(file, f"not valid {' or '.join(encodings)} text (wrong encoding?)")
