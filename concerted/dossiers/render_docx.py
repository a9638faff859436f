"""Lay a packet's blocks out as a Word document (python-docx), for governments and
submitters who edit before sending."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Pt

from concerted.dossiers.blocks import Block
from concerted.dossiers.packet import Packet

__all__ = ["render_docx"]


def _rows(document: object, block: Block) -> None:
    width = max(len(r) for r in block.rows)
    table = document.add_table(rows=0, cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for row in block.rows:
        cells = table.add_row().cells
        for index, value in enumerate(row):
            cells[index].text = value
        if block.kind == "fields":
            for run in cells[0].paragraphs[0].runs:
                run.bold = True


def _block(document: object, block: Block) -> None:
    if block.kind in ("fields", "table"):
        if block.rows:
            _rows(document, block)
        return
    if block.kind in ("title", "heading"):
        document.add_heading(block.text, level=0 if block.kind == "title" else 1)  # type: ignore[attr-defined]
        return
    paragraph = document.add_paragraph(block.text)  # type: ignore[attr-defined]
    if block.kind == "note":
        for run in paragraph.runs:
            run.font.size = Pt(8)


def render_docx(packet: Packet) -> bytes:
    document = Document()
    document.core_properties.title = packet.title
    document.core_properties.author = "Concerted"
    for block in packet.blocks:
        _block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
