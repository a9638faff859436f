"""What an uploaded file really is, from its first bytes, and whether it may be accepted.

Pure. A file is accepted only when its content is one of the known types, its name's
extension agrees with that content, any content type the client declared agrees too, and it
is within the size limit. Types that can carry active content (HTML, SVG, scripts,
executables) are not accepted at all.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

__all__ = ["EXTENSIONS", "RefusedFile", "check_upload", "detect_type"]

EXTENSIONS: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/gif": (".gif",),
    "image/webp": (".webp",),
    "image/tiff": (".tif", ".tiff"),
    "audio/mpeg": (".mp3",),
    "audio/wav": (".wav",),
    "video/mp4": (".mp4", ".m4a", ".mov"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
    "application/vnd.oasis.opendocument.text": (".odt",),
    "text/plain": (".txt", ".md", ".csv"),
}

_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"ID3", "audio/mpeg"),
)


class RefusedFile(ValueError):
    """An upload that is too large, of an unknown type, or not what its name says."""

    def __init__(self, message: str, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large


def _riff(data: bytes) -> str | None:
    kinds = {b"WEBP": "image/webp", b"WAVE": "audio/wav"}
    return kinds.get(data[8:12]) if data[:4] == b"RIFF" else None


def _zip(data: bytes) -> str | None:
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    if "word/document.xml" in names:
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if "xl/workbook.xml" in names:
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return "application/vnd.oasis.opendocument.text" if mimetype == (
        b"application/vnd.oasis.opendocument.text") else None


def _text(data: bytes) -> str | None:
    if b"\x00" in data[:65536]:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    head = text.lstrip("\ufeff \t\r\n")[:64].lower()
    # Markup and scripts are refused even as text: a browser may render them.
    return None if head.startswith(("<", "#!")) else "text/plain"


def detect_type(data: bytes) -> str | None:
    """The content type the bytes show, or None when they are none of the accepted types."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        return "video/mp4"
    if data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg"
    return _riff(data) or _zip(data) or _text(data)


def check_upload(name: str, data: bytes, max_bytes: int, declared: str | None = None) -> str:
    """The file's content type, or RefusedFile saying why it is not accepted."""
    if len(data) > max_bytes:
        raise RefusedFile(f"{name}: {len(data)} bytes is over the {max_bytes}-byte limit", True)
    if not data:
        raise RefusedFile(f"{name}: the file is empty")
    kind = detect_type(data)
    if kind is None:
        raise RefusedFile(f"{name}: not an accepted type of file (PDF, image, audio, video, "
                          "office document or plain text)")
    suffix = PurePath(name).suffix.lower()
    if suffix not in EXTENSIONS[kind]:
        raise RefusedFile(f"{name}: the name says {suffix or 'no type'} but the content is "
                          f"{kind}")
    generic = (None, "", "application/octet-stream")
    if declared not in generic and declared and declared.split(";")[0].strip() != kind:
        raise RefusedFile(f"{name}: declared as {declared} but the content is {kind}")
    return kind
