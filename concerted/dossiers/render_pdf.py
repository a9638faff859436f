"""Lay a packet's blocks out as a PDF (fpdf2, pure Python, no system downloads).

The fonts travel with the package (`fonts/`, Noto, SIL Open Font Licence), so a packet
looks the same on every machine and a name in Arabic, Persian, Chinese, Cyrillic, Hebrew,
Georgian, Thai, Myanmar or Ethiopic script is written in its own letters, never as "?".
Noto Sans carries Latin, Greek and Cyrillic; each other script's face is added as a
fallback only when the packet holds one of its characters (the Chinese/Japanese/Korean
face is 4.7 MB, parsed only for packets that need it). Text is shaped with HarfBuzz
(uharfbuzz): Arabic letters join and right-to-left runs read in the right order.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from concerted.dossiers.blocks import Block
from concerted.dossiers.packet import Packet

__all__ = ["FONTS", "render_pdf"]

FONTS = Path(__file__).resolve().parent / "fonts"
_BODY = {"": "NotoSans-Regular.ttf", "B": "NotoSans-Bold.ttf"}
_SCRIPTS = ("NotoSansArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf",
            "NotoSansArmenian-Regular.ttf", "NotoSansGeorgian-Regular.ttf",
            "NotoSansThai-Regular.ttf", "NotoSansMyanmar-Regular.ttf",
            "NotoSansEthiopic-Regular.ttf", "NotoSansCJKsc-Regular-subset.ttf")


@cache
def _characters(name: str) -> frozenset[int]:
    """The code points a bundled font draws (its cmap alone is read: fast even for CJK)."""
    with TTFont(FONTS / name, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _fallbacks(text: Iterable[str]) -> list[str]:
    wanted = {ord(c) for c in text} - _characters(_BODY[""])
    return [name for name in _SCRIPTS if wanted & _characters(name)]


class _Document(FPDF):
    def __init__(self, text: str) -> None:
        super().__init__(format="A4")
        for style, name in _BODY.items():
            self.add_font("body", style, str(FONTS / name))
        fallbacks = _fallbacks(text)
        for name in fallbacks:
            self.add_font(name, "", str(FONTS / name))
        # Bold labels in another script fall back to its regular face.
        self.set_fallback_fonts(fallbacks, exact_match=False)
        self.set_text_shaping(True, direction="ltr")  # packets are English documents
        self.set_auto_page_break(True, margin=18)
        self.set_margins(20, 18, 20)

    def write_block(self, block: Block) -> None:
        styles = {"title": ("B", 15, 4), "heading": ("B", 12, 3), "note": ("", 8, 2)}
        style, size, gap = styles.get(block.kind, ("", 10, 2))
        if block.kind in ("fields", "table"):
            self._rows(block)
            return
        self.set_font("body", style, size)
        self.multi_cell(0, size * 0.5, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                        align="L")
        self.ln(gap)

    def _rows(self, block: Block) -> None:
        for row in block.rows:
            label, value = (row[0], " | ".join(row[1:])) if len(row) > 1 else ("", row[0])
            self.set_font("body", "B", 9)
            self.multi_cell(40, 5, label, new_x=XPos.RIGHT, new_y=YPos.TOP, align="L")
            self.set_font("body", "", 9)
            self.multi_cell(0, 5, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("body", "", 8)
        self.cell(0, 6, f"{self.page_no()}", align="C")


def render_pdf(packet: Packet) -> bytes:
    pdf = _Document(packet.title + packet.text())
    pdf.set_title(packet.title)
    pdf.set_creator("Concerted")
    pdf.add_page()
    for block in packet.blocks:
        pdf.write_block(block)
    return bytes(pdf.output())
