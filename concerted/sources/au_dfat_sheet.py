"""Reading DFAT's workbook: the first sheet's header and rows, and the workbook's own date.

The sheet reports 255 columns but uses 12, so rows are read in read-only mode and cut at the
last expected column. openpyxl parses the parts with defusedxml; the archive itself is
checked for truncation and decompression bombs first.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.etree.ElementTree import ParseError as XMLParseError

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from concerted.sources.base import ParseError
from concerted.sources.safe import check_zip

__all__ = ["Row", "read_sheet", "text_head"]

Row = dict[str, object]
_UNREADABLE = (
    KeyError, ValueError, TypeError, OSError, IndexError, zipfile.BadZipFile,
    InvalidFileException, XMLParseError,
)  # fmt: skip


def _header(file: str, cells: Sequence[object] | None, columns: Sequence[str]) -> None:
    found = [" ".join(str(cell or "").split()) for cell in cells or ()]
    if found != list(columns):
        raise ParseError(
            file, f"unexpected columns {found!r}, expected {list(columns)!r}: not DFAT's list?"
        )


def _read(file: str, data: bytes, columns: Sequence[str]) -> tuple[list[Row], str | None]:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        lines = book.worksheets[0].iter_rows(max_col=len(columns), values_only=True)
        _header(file, next(lines, None), columns)
        padding = (None,) * len(columns)
        rows = [
            dict(zip(columns, (*line, *padding), strict=False))
            for line in lines
            if any(cell is not None for cell in line)
        ]
        modified = book.properties.modified
    finally:
        book.close()
    return rows, modified.strftime("%Y-%m-%d") if modified else None


def read_sheet(file: str, data: bytes, columns: Sequence[str]) -> tuple[list[Row], str | None]:
    """The rows of the first sheet as {column: value}, and the date the workbook was saved."""
    check_zip(file, data)
    try:
        return _read(file, data, columns)
    except ParseError:
        raise
    except _UNREADABLE as exc:
        cause = f" ({exc.__cause__!r})" if exc.__cause__ else ""  # openpyxl hides the reason
        raise ParseError(file, f"not a readable XLSX workbook: {exc!r}{cause}") from exc


def text_head(data: bytes, size: int = 4096) -> bytes:
    """The start of a workbook's strings: shared strings (Excel) or the first sheet's inline
    strings (openpyxl), where the header row comes first. Cheap, and never raises."""
    head = b""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            for part in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"):
                if part in names:
                    with archive.open(part) as stream:
                        head += stream.read(size)
    except (KeyError, ValueError, OSError, EOFError, zipfile.BadZipFile):
        return b""
    return head
